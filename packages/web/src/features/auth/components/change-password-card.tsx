import { ZChangePasswordRequest } from "@beian/contracts";
import { Alert, Button, Card, Form, Input, message } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../../lib/api";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { useSession } from "../session";
import { NewPasswordFields } from "./new-password-fields";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** #11.3: a new password signs the account out everywhere, this browser too. */
export function ChangePasswordCard() {
  const [form] = Form.useForm<Values>();
  const { forget } = useSession();
  const navigate = useNavigate();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function onFinish({ confirm, ...values }: Values) {
    setAlert("");
    const parsed = ZChangePasswordRequest.safeParse(values);
    const mismatch = confirm !== values.newPassword;
    if (!parsed.success) showIssues(form, parsed.error.issues);
    if (mismatch) form.setFields([{ name: "confirm", errors: ["两次输入的新密码不一致。"] }]);
    if (!parsed.success || mismatch) return;
    setBusy(true);
    try {
      await api("POST", "/api/me/password", parsed.data);
      void message.success("密码已修改，请用新密码重新登录");
      // The server has ended every session, this one too.
      forget();
      navigate("/login", { replace: true });
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="修改密码">
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
        <Form.Item label="当前密码" name="currentPassword">
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" confirmLabel="确认新密码" />
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
