import { Alert, Card, Empty, Steps, Typography } from "antd";
import { useSession } from "../../auth/session";

// The stages an applicant goes through (R-ST-1), in the words of the providers' pages.
const STAGES = [
  { title: "未提交", description: "填写主体、网站信息并上传资料" },
  { title: "待接入商审核", description: "1–2 个工作日" },
  { title: "待核验", description: "幕布拍照或现场核验" },
  { title: "待短信核验", description: "48 小时内完成" },
  { title: "待管局审核", description: "省通信管理局审核" },
  { title: "备案成功", description: "取得备案号" },
];

export default function DashboardPage() {
  const { user } = useSession();
  return (
    <>
      <Typography.Title level={3}>我的备案</Typography.Title>
      <Typography.Paragraph type="secondary">欢迎，{user?.email}。在这里办理 ICP 备案并随时查看进度。</Typography.Paragraph>
      <Card title="备案流程" style={{ marginBottom: 16 }}>
        <Steps orientation="vertical" size="small" current={0} items={STAGES} className="stages" />
      </Card>
      <Card>
        <Empty description="您还没有备案申请">
          <Alert type="info" showIcon title="在线填写备案申请的功能正在开放中，开放后将在此处开始首次备案、新增网站或新增接入。" />
        </Empty>
      </Card>
    </>
  );
}
