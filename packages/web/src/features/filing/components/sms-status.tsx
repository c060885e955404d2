import type { TFiling } from "@beian/contracts";
import { Alert, Card, Descriptions, List, Typography } from "antd";
import { useEffect, useState } from "react";
import { formatShanghai } from "../../../lib/datetime";

type Sms = NonNullable<TFiling["sms"]>;

/** "还剩 47 小时 12 分": the 48 h window (R-SMS-5), updated every minute. */
function useRemaining(expiresAt: string): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = Math.floor((Date.parse(expiresAt) - now) / 60_000);
  if (minutes <= 0) return "已超过 48 小时，备案将退回接入商，接入商会重新提交";
  return `还剩 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

/**
 * 待短信核验 (R-SMS-1…9): who receives a code, from which numbers, where to enter it, until
 * when, and what to do when no code arrives.
 */
export function SmsStatus({ sms }: { sms: Sms }) {
  const remaining = useRemaining(sms.expiresAt);
  return (
    <Card title="短信核验" style={{ marginBottom: 16 }} data-testid="sms-status">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`请在 ${formatShanghai(sms.expiresAt)} 前完成短信核验（${remaining}）`}
        description="工信部会在提交管局后约 5 分钟向以下手机发送 6 位验证码。收到后请打开所在省份的核验页面，填写证件号码、手机号码和验证码。"
      />
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "recipients",
            label: "接收验证码的手机",
            children: (
              <List
                size="small"
                dataSource={sms.recipients}
                renderItem={(r) => (
                  <List.Item>
                    {r.mobile}（{r.roles.join("、")}）
                  </List.Item>
                )}
              />
            ),
          },
          { key: "senders", label: "短信发送号码", children: `${sms.senders.map((s) => `${s.carrier} ${s.number}`).join("、")}；虚拟运营商号码不固定` },
          {
            key: "page",
            label: "核验页面",
            children: sms.verificationUrl ? (
              <a href={sms.verificationUrl} target="_blank" rel="noreferrer" data-testid="sms-verification-link">
                {sms.verificationUrl}
              </a>
            ) : (
              "请联系接入商获取所在省份的核验页面"
            ),
          },
          { key: "resend", label: "自动重发", children: `${formatShanghai(sms.resendAt)}（第二天中午 12 点）` },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        没有收到验证码？请检查手机信号是否正常、是否开启了短信拦截或安装了拦截软件、是否误删了短信；可以在省管局核验页面手动重新发送，或等待第二天中午 12 点的自动重发。一个手机号码只需核验一次。
      </Typography.Paragraph>
    </Card>
  );
}
