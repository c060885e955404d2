import { ZLoginRequest } from "@beian/contracts";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { AuthCard } from "../../../components/auth-card";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { isStaff, useSession } from "../session";

export default function LoginPage() {
  const [form] = Form.useForm();
  const { login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function onFinish(values: { email: string; password: string }) {
    setAlert("");
    const parsed = ZLoginRequest.safeParse(values);
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setBusy(true);
    try {
      const user = await login(parsed.data.email, parsed.data.password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(isStaff(user) ? "/console" : from && from !== "/login" ? from : "/", { replace: true });
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="登录">
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="邮箱" name="email">
          <Input autoComplete="email" placeholder="name@example.com" size="large" />
        </Form.Item>
        <Form.Item label="密码" name="password" extra={<Link to="/forgot-password">忘记密码？</Link>}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        还没有账号？<Link to="/register">注册备案账号</Link>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, textAlign: "center" }}>
        <Link to="/help">备案帮助中心</Link>：流程、资料、幕布照和短信核验说明
      </Typography.Paragraph>
    </AuthCard>
  );
}
