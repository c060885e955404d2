import { PlusOutlined } from "@ant-design/icons";
import type { TFilingSummary } from "@beian/contracts";
import { FILING_STATUSES, type FilingStatus } from "@beian/rules";
import { Alert, Button, Card, Empty, Flex, Spin, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { useSession } from "../../auth/session";
import { FilingCard } from "../components/filing-card";

// The stages an applicant goes through (R-ST-1), in the words of the providers' pages.
const STAGES = [
  { title: "未提交", content: "填写主体、网站信息并上传资料" },
  { title: "待接入商审核", content: "1–2 个工作日" },
  { title: "待核验", content: "幕布拍照或现场核验" },
  { title: "待短信核验", content: "48 小时内完成" },
  { title: "待管局审核", content: "省通信管理局审核" },
  { title: "备案成功", content: "取得备案号" },
];

const isOpen = (f: TFilingSummary) => !FILING_STATUSES[f.status as FilingStatus]?.final;

export default function DashboardPage() {
  const { user } = useSession();
  const [filings, setFilings] = useState<TFilingSummary[] | null>(null);
  const [problem, setProblem] = useState("");

  useEffect(() => {
    filingsApi
      .list()
      .then((r) => setFilings(r.items))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.detail : "备案列表加载失败，请刷新页面重试。"));
  }, []);

  const open = filings?.find(isOpen);
  const current = open ? Math.max(0, STAGES.findIndex((s) => s.title === open.stage)) : 0;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          我的备案
        </Typography.Title>
        {filings && !open && (
          <Link to="/filings/new">
            <Button type="primary" icon={<PlusOutlined />}>
              开始备案
            </Button>
          </Link>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        欢迎，{user?.email}。在这里办理 ICP 备案并随时查看进度。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!filings && !problem && <Spin style={{ display: "block", margin: "48px auto" }} />}
      {filings && filings.length === 0 && (
        <Card style={{ marginBottom: 16 }}>
          <Empty description="您还没有备案申请">
            <Link to="/filings/new">
              <Button type="primary" size="large">
                开始备案
              </Button>
            </Link>
          </Empty>
        </Card>
      )}
      {filings?.map((f) => <FilingCard key={f.id} filing={f} />)}
      {open && (
        <Typography.Paragraph type="secondary">一个主体同时只能有一个进行中的备案申请；当前申请完成后可再开始新的备案。</Typography.Paragraph>
      )}
      <Card size="small" style={{ marginTop: 16 }} data-testid="special-websites-link">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <div>
            <Typography.Text strong>特殊网站登记</Typography.Text>
            <div>
              <Typography.Text type="secondary">已在其他渠道取得备案号、不通过本系统备案的网站，在这里登记备案号、应急联系人和信息安全责任书。</Typography.Text>
            </div>
          </div>
          <Link to="/special-websites">
            <Button>去登记</Button>
          </Link>
        </Flex>
      </Card>
      <Card title="备案流程" style={{ marginTop: 16 }}>
        <Steps orientation="vertical" size="small" current={current} items={STAGES} />
      </Card>
    </>
  );
}
