import { ZRegisterRequest } from "@beian/contracts";
import { Alert, Button, Form, Input, Typography, message } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { AuthCard } from "../../../components/auth-card";
import { api } from "../../../lib/api";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { NewPasswordFields } from "../components/new-password-fields";
import { useSession } from "../session";

interface Values {
  email: string;
  password: string;
  confirm: string;
  mobile: string;
}

/** Self-registration (R-ACC-2): checked with the same schema the server uses. */
export default function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const { login } = useSession();
  const navigate = useNavigate();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function onFinish(values: Values) {
    setAlert("");
    const { confirm, ...payload } = values;
    const parsed = ZRegisterRequest.safeParse(payload);
    const mismatch = confirm !== payload.password;
    if (!parsed.success) showIssues(form, parsed.error.issues);
    if (mismatch) form.setFields([{ name: "confirm", errors: ["两次输入的密码不一致。"] }]);
    if (!parsed.success || mismatch) return;
    setBusy(true);
    try {
      await api("POST", "/api/auth/register", parsed.data);
      await login(parsed.data.email, parsed.data.password);
      void message.success("注册成功，欢迎使用备案系统");
      navigate("/", { replace: true });
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="注册备案账号">
      <Typography.Paragraph type="secondary">一个主体（个人或单位）对应一个备案账号。</Typography.Paragraph>
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="邮箱" name="email" extra="用于登录和接收备案进度通知">
          <Input autoComplete="email" placeholder="name@example.com" size="large" />
        </Form.Item>
        <Form.Item label="手机号码" name="mobile" extra="中国大陆手机号码，用于接收备案通知">
          <Input autoComplete="tel" placeholder="13800138000" size="large" />
        </Form.Item>
        <NewPasswordFields name="password" label="密码" confirmLabel="确认密码" size="large" />
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          注册
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        已有账号？<Link to="/login">直接登录</Link>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, textAlign: "center" }}>
        备案前想了解要准备什么？<Link to="/help">查看备案帮助</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
