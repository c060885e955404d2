import { ZPasswordResetConfirm } from "@beian/contracts";
import { Alert, Button, Form, Typography, message } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../../../components/auth-card";
import { api } from "../../../lib/api";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { NewPasswordFields } from "../components/new-password-fields";

interface Values {
  password: string;
  confirm: string;
}

/** #11.3: the link mailed by 忘记密码 opens this page; the token travels in the URL. */
export default function ResetPasswordPage() {
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function onFinish(values: Values) {
    setAlert("");
    const parsed = ZPasswordResetConfirm.safeParse({ token, password: values.password });
    const mismatch = values.confirm !== values.password;
    if (!parsed.success) showIssues(form, parsed.error.issues.filter((i) => i.path[0] === "password"));
    if (mismatch) form.setFields([{ name: "confirm", errors: ["两次输入的密码不一致。"] }]);
    if (!parsed.success || mismatch) return;
    setBusy(true);
    try {
      await api("POST", "/api/auth/password-reset/confirm", parsed.data);
      void message.success("密码已重置，请用新密码登录");
      navigate("/login", { replace: true });
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <AuthCard title="重置密码">
        <Alert type="error" showIcon title="重置链接不完整，请从邮件中重新打开，或重新申请找回密码。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph style={{ textAlign: "center", marginBottom: 0 }}>
          <Link to="/forgot-password">重新申请找回密码</Link>
        </Typography.Paragraph>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="重置密码">
      <Typography.Paragraph type="secondary">请设置新密码。设置成功后，所有已登录的设备都需要用新密码重新登录。</Typography.Paragraph>
      {alert && (
        <Alert
          type="error"
          showIcon
          title={alert}
          description={<Link to="/forgot-password">重新申请找回密码</Link>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <NewPasswordFields name="password" label="新密码" confirmLabel="确认新密码" size="large" />
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          设置新密码
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        <Link to="/login">返回登录</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
