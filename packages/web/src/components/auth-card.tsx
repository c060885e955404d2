import { Card, Typography } from "antd";
import type { ReactNode } from "react";

/** The centred card of the login and registration pages; full width on a phone. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", padding: 16, background: "#f5f7fa" }}>
      <div style={{ width: "100%", maxWidth: 420 }}>
        <Typography.Title level={2} style={{ textAlign: "center", marginBottom: 4 }}>
          备案系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          ICP 备案 · 在线填写、实时校验、随时查看进度
        </Typography.Paragraph>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
