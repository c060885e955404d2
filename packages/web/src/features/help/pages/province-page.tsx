import { isProvinceKey } from "@beian/rules";
import { Alert, Card, Collapse, Flex, Result, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage, HelpSection, SourceNote } from "../components/help-page";
import { provinceLines, type PolicyLine } from "../model/provinces";

function Line({ line }: { line: PolicyLine }) {
  return (
    <Card size="small" data-policy={line.key}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{line.title}</Typography.Text>
        <Tag>{line.ruleId}</Tag>
        {line.overridden && <Tag color="purple">接入商配置</Tag>}
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 4, wordBreak: "break-word" }}>{line.text}</Typography.Paragraph>
      <SourceNote source={line.source} year={line.year} note={line.note} />
    </Card>
  );
}

export default function ProvincePage() {
  const { key = "" } = useParams();
  const { policies } = useHelp();
  if (!isProvinceKey(key)) {
    return <Result status="404" title="没有这个省份" extra={<Link to="/help/provinces">查看全部省份</Link>} />;
  }
  const policy = policies[key];
  const lines = provinceLines(key, policies);
  const sms = lines.find((l) => l.key === "smsVerification")!;
  const special = lines.filter((l) => l.key !== "smsVerification" && (l.special || l.overridden));
  const common = lines.filter((l) => l.key !== "smsVerification" && !(l.special || l.overridden));
  const url = policy.rules.smsVerification.value.url;
  return (
    <HelpPage title={`${policy.name}备案要求`} summary={`备案号简称“${policy.abbr}”${policy.legacyAbbr ? `（旧备案号也用“${policy.legacyAbbr}”）` : ""}。`}>
      <HelpSection id="sms" title="短信核验页面">
        <Card size="small">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            收到工信部的验证码后，在 48 小时内打开
            <a href={url} target="_blank" rel="noreferrer" style={{ wordBreak: "break-all", marginInline: 4 }}>
              {url}
            </a>
            ，填写证件号码、手机号码和验证码。{policy.rules.smsVerification.value.pilot ? "本省是 2017 年 12 月 18 日首批实行短信核验的省份。" : ""}
          </Typography.Paragraph>
          <SourceNote source={sms.source} year={sms.year} note={sms.note} />
          {sms.overridden && <Tag color="purple" style={{ marginInlineStart: 8 }}>接入商配置</Tag>}
          <div>
            <Link to="/help/sms">短信核验说明</Link>
          </div>
        </Card>
      </HelpSection>
      <HelpSection id="special" title="本省的特别要求">
        {special.length === 0 ? (
          <Alert type="info" showIcon title="本省没有特别要求，按全国通用规定办理。" />
        ) : (
          <Flex vertical gap={12} data-testid="special-rules">
            {special.map((l) => (
              <Line key={l.key} line={l} />
            ))}
          </Flex>
        )}
      </HelpSection>
      <HelpSection id="common" title="其他规定（与多数省份相同）">
        <Collapse
          items={[
            {
              key: "common",
              label: `展开 ${common.length} 项通用规定`,
              children: (
                <Flex vertical gap={12}>
                  {common.map((l) => (
                    <Line key={l.key} line={l} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </HelpSection>
      <Typography.Paragraph type="secondary">
        需要的资料请看<Link to={`/help/materials?province=${key}`}>{policy.name}的备案资料</Link>。
      </Typography.Paragraph>
    </HelpPage>
  );
}
