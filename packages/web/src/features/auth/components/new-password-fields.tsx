import { Form, Input } from "antd";

/** What the password policy asks (#11.3), said alike wherever a password is set. */
const PASSWORD_HINT = "至少 8 位，同时包含字母和数字；不能是常见密码，也不能包含邮箱用户名或手机号码";

/** A new password and its confirmation (field `confirm`): registration, reset and change ask them alike. */
export function NewPasswordFields({ name, label, confirmLabel, size }: { name: string; label: string; confirmLabel: string; size?: "large" }) {
  return (
    <>
      <Form.Item label={label} name={name} extra={PASSWORD_HINT}>
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
      <Form.Item label={confirmLabel} name="confirm">
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
    </>
  );
}
