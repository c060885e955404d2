import type { TFiling } from "@beian/contracts";
import { Alert, Card, Descriptions, Typography } from "antd";

/** The footer snippet every filed website must show: the number, linking to the MIIT site. */
export function footerSnippet(icpNumber: string): string {
  return `<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">${icpNumber}</a>`;
}

/** 备案成功: the ICP numbers, the footer code, and the 公安备案 reminder. */
export function ApprovedPanel({ filing }: { filing: TFiling }) {
  if (!filing.icpNumber) return null;
  const site = filing.websiteIcpNumbers[0]?.icpNumber ?? filing.icpNumber;
  return (
    <Card title="备案成功" style={{ marginBottom: 16 }} data-testid="approved-panel">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: "subject", label: "主体备案号", children: <Typography.Text strong copyable>{filing.icpNumber}</Typography.Text> },
          ...filing.websiteIcpNumbers.map((w) => ({
            key: w.icpNumber,
            label: `网站备案号（${w.domain}）`,
            children: <Typography.Text copyable>{w.icpNumber}</Typography.Text>,
          })),
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>请在网站首页底部中间位置展示备案号，并链接到工信部备案管理系统：</Typography.Paragraph>
      <Typography.Paragraph>
        <pre style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", margin: 0 }}>
          <Typography.Text copyable>{footerSnippet(site)}</Typography.Text>
        </pre>
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title="别忘了公安备案"
        description="网站开通之日起 30 日内，请登录全国互联网安全管理服务平台（beian.mps.gov.cn）办理公安联网备案，并在网站首页展示公安备案号。"
      />
    </Card>
  );
}
