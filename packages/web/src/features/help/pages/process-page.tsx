import { Card, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { HelpPage, HelpSection } from "../components/help-page";
import { STAGES } from "../model/process";

const STAGE_COLORS: Record<string, string> = { approved: "success", returned_by_bureau: "error", returned_by_provider: "warning" };

export default function ProcessPage() {
  return (
    <HelpPage
      title="办理流程"
      summary="备案进度页随时显示您的申请处于哪个阶段、下一步由谁办理。下表的阶段名称就是进度页上显示的名称。"
    >
      <HelpSection id="stages" title="各个阶段">
        <List
          dataSource={STAGES}
          renderItem={(s) => (
            <List.Item key={s.status} id={`stage-${s.status}`} style={{ scrollMarginTop: 16 }}>
              <List.Item.Meta
                title={
                  <span style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
                    <Tag color={STAGE_COLORS[s.status] ?? "processing"}>{s.stage}</Tag>
                    {s.qualifier && <Typography.Text style={{ fontWeight: 400 }}>（{s.qualifier}）</Typography.Text>}
                    <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                      {s.actor ? `办理方：${s.actor} · ${s.duration}` : "已结束，无需操作"}
                    </Typography.Text>
                  </span>
                }
                description={s.text}
              />
            </List.Item>
          )}
        />
      </HelpSection>
      <HelpSection id="notes" title="需要知道的几点">
        <Card>
          <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
            <li>接入商退回的申请在进度页显示为“未提交”，退回原因标注在对应的填写项旁，修改后重新提交即可。</li>
            <li>
              初审通过后需要网站负责人当面核验：使用幕布拍照上传，或到接入商指定地点现场核验（见<Link to="/help/photo">幕布照要求</Link>）。
            </li>
            <li>
              接入商提交管局后，负责人手机会收到工信部的短信验证码，须在 48 小时内到所在省份的核验页面完成验证（见<Link to="/help/sms">短信核验</Link>）。
            </li>
            <li>管局审核通过后，备案号会显示在进度页；请在网站首页底部展示备案号并链接到 beian.miit.gov.cn。</li>
            <li>工作日按国家法定节假日和调休计算；管局审核时限由各省管局决定。</li>
          </ul>
        </Card>
      </HelpSection>
    </HelpPage>
  );
}
