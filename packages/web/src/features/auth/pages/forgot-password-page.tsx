import { ZPasswordResetRequest } from "@beian/contracts";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { AuthCard } from "../../../components/auth-card";
import { api } from "../../../lib/api";
import { showIssues, showProblem } from "../../../lib/form-errors";

/** #11.3 忘记密码: asks for a reset link; the server's answer is the same whether or not the email is registered. */
export default function ForgotPasswordPage() {
  const [form] = Form.useForm<{ email: string }>();
  const [done, setDone] = useState("");
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function onFinish(values: { email: string }) {
    setAlert("");
    const parsed = ZPasswordResetRequest.safeParse(values);
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setBusy(true);
    try {
      const { message } = await api<{ message: string }>("POST", "/api/auth/password-reset", parsed.data);
      setDone(message);
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="找回密码">
      {done ? (
        <Alert type="success" showIcon title={done} style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">请输入注册时使用的邮箱，我们会向它发送重置密码的链接。</Typography.Paragraph>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item label="邮箱" name="email">
              <Input autoComplete="email" placeholder="name@example.com" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              发送重置链接
            </Button>
          </Form>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        想起密码了？<Link to="/login">返回登录</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
