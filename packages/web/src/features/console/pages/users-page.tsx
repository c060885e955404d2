import { ZCreateUserRequest, type TUser } from "@beian/contracts";
import { Alert, Button, Card, Form, Input, Select, Table, Tag, Typography, message } from "antd";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../../lib/api";
import { showIssues, showProblem } from "../../../lib/form-errors";

const ROLE_LABELS: Record<TUser["role"], string> = { applicant: "申请人", reviewer: "审核员", admin: "管理员" };

/** Admins create reviewer and admin accounts (POST /api/admin/users). */
export default function UsersPage() {
  const [users, setUsers] = useState<TUser[]>([]);
  const [form] = Form.useForm();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setUsers((await api<{ items: TUser[] }>("GET", "/api/admin/users")).items);
  }, []);
  useEffect(() => {
    load().catch(() => setAlert("用户列表加载失败，请刷新页面重试。"));
  }, [load]);

  async function onFinish(values: unknown) {
    setAlert("");
    const parsed = ZCreateUserRequest.safeParse(values);
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setBusy(true);
    try {
      await api("POST", "/api/admin/users", parsed.data);
      void message.success(`已创建${ROLE_LABELS[parsed.data.role]}账号 ${parsed.data.email}`);
      form.resetFields();
      await load();
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={3}>用户管理</Typography.Title>
      <Card title="创建审核员或管理员" style={{ marginBottom: 16, maxWidth: 520 }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ role: "reviewer" }} requiredMark={false}>
          <Form.Item label="邮箱" name="email">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="初始密码" name="password" extra="至少 8 位，同时包含字母和数字；请通过安全渠道告知本人">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Select options={[{ value: "reviewer", label: "审核员" }, { value: "admin", label: "管理员" }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            创建账号
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        dataSource={users}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: "邮箱", dataIndex: "email" },
          { title: "角色", dataIndex: "role", render: (r: TUser["role"]) => <Tag color={r === "admin" ? "red" : r === "reviewer" ? "blue" : "default"}>{ROLE_LABELS[r]}</Tag> },
          { title: "手机", dataIndex: "mobileMasked", render: (m: string | null) => m ?? "—" },
          { title: "创建时间", dataIndex: "createdAt", render: (d: string) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) },
        ]}
      />
    </>
  );
}
