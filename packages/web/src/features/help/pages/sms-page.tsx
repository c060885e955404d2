import { DEFAULT_WORKFLOW_LIMITS, SMS_SENDER_NUMBERS } from "@beian/rules";
import { Alert, Card, Flex, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage, HelpSection, SourceNote } from "../components/help-page";
import { NO_CODE_STEPS, portalTable, recipientsTable, scheduleExample } from "../model/sms";

const people = (groups: string[][]) => (groups.length === 0 ? "不发送" : `${groups.length} 条：${groups.map((g) => g.join("兼")).join("、")}`);

export default function SmsPage() {
  const { policies, fromProvider } = useHelp();
  const rows = recipientsTable();
  const clock = scheduleExample();
  const portals = portalTable(policies);
  return (
    <HelpPage
      title="短信核验"
      summary="接入商把备案提交到管局后，工信部会向负责人的手机发送 6 位短信验证码。完成短信核验后，备案才会进入省通信管理局的审核。"
    >
      <HelpSection id="recipients" title="谁会收到验证码">
        <Typography.Paragraph>
          验证码只发到备案信息中负责人的“联系方式 1”手机号码；修改了这个号码，就发到新号码。同一个手机号码只发一条、只需验证一次（例如个人备案的主体负责人和网站负责人是同一人）。
        </Typography.Paragraph>
        <List
          bordered
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.type}>
              <List.Item.Meta
                title={
                  <span style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
                    {r.label}
                    {!r.required && <Tag>无需短信核验</Tag>}
                  </span>
                }
                description={
                  r.required ? (
                    <>
                      <div>个人：{people(r.personal)}</div>
                      <div>单位（网站负责人不是法定代表人时）：{people(r.organisation)}</div>
                      {r.type === "change" && <div>变更备案只有手机号码变更的负责人会收到，这里列出所有可能收到的人。</div>}
                    </>
                  ) : (
                    "注销和取消接入由管局凭备案密码核实，不发送验证码。"
                  )
                }
              />
            </List.Item>
          )}
        />
      </HelpSection>

      <HelpSection id="senders" title="验证码的发送号码">
        <Card>
          {SMS_SENDER_NUMBERS.map((s) => (
            <div key={s.number} style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
              <Typography.Text strong style={{ minWidth: 72 }}>
                {s.carrier}
              </Typography.Text>
              <Typography.Text copyable>{s.number}</Typography.Text>
            </div>
          ))}
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            虚拟运营商的手机号码收到的验证码没有固定的发送号码。
          </Typography.Paragraph>
        </Card>
      </HelpSection>

      <HelpSection id="clock" title={`${DEFAULT_WORKFLOW_LIMITS.smsValidityHours} 小时时限与次日中午重发`}>
        <Card>
          <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
            <li>验证码一般在提交管局后约 5 分钟内到达。</li>
            <li>如果还没有完成验证，系统会在次日 12:00（北京时间）自动重发一次；也可以在省份核验页面上手动重新发送。</li>
            <li>
              验证码 {DEFAULT_WORKFLOW_LIMITS.smsValidityHours} 小时内有效。请登录所在省份的核验页面，填写证件号码、手机号码和验证码完成验证。
            </li>
            <li>超时未验证，或证件号码连续 {DEFAULT_WORKFLOW_LIMITS.smsMaxFailedAttempts} 次填写错误，备案会退回接入商，由接入商重新提交管局，届时会重新发送验证码。</li>
          </ul>
          <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }} data-testid="sms-example">
            例如：{clock.sentAt} 提交管局 → {clock.resendAt} 自动重发 → {clock.expiresAt} 之后验证码失效。
          </Typography.Paragraph>
        </Card>
      </HelpSection>

      <HelpSection id="no-code" title="收不到验证码怎么办">
        <Card>
          <ol style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
            {NO_CODE_STEPS.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </Card>
      </HelpSection>

      <HelpSection id="portals" title="各省短信核验页面">
        <Typography.Paragraph>
          2017 年 12 月 18 日起首批试点的省份标为“首批”；现在所有省份的首次备案、新增网站、新增接入和变更备案都需要短信核验。
          {fromProvider ? "已按本接入商的配置显示。" : ""}
        </Typography.Paragraph>
        {portals.some((p) => p.note) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${portals.filter((p) => p.note).map((p) => p.name).join("、")}的核验页面带有备注（见表中），请以管局公布的网址为准。`} />}
        <List
          bordered
          size="small"
          dataSource={portals}
          data-testid="sms-portals"
          renderItem={(r) => (
            <List.Item key={r.key} style={{ display: "block" }}>
              <Flex gap={8} wrap align="center">
                <Link to={`/help/provinces/${r.key}`} style={{ fontWeight: 600 }}>
                  {r.name}
                </Link>
                {r.pilot && <Tag color="blue">首批</Tag>}
              </Flex>
              <a href={r.url} target="_blank" rel="noreferrer" style={{ wordBreak: "break-all" }}>
                {r.url}
              </a>
              {r.note && (
                <div>
                  <SourceNote source={r.source} year={r.year} note={r.note} />
                </div>
              )}
            </List.Item>
          )}
        />
      </HelpSection>
    </HelpPage>
  );
}
