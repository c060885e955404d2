import type { TNotificationTemplate } from "@beian/contracts";
import { Alert, App, Button, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { NotificationTemplateEditor } from "../components/notification-template-editor";
import { adminApi } from "../model/admin-api";
import { formatTime } from "../model/format";

/** The notices' texts (issue 9), per event: email and inbox subject and body, and the SMS. */
export default function NotificationTemplatesPage() {
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<TNotificationTemplate[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState("");
  const [editing, setEditing] = useState<TNotificationTemplate | null>(null);

  const load = useCallback(async () => {
    try {
      setTemplates((await adminApi.notificationTemplates()).items);
      setLoadError("");
    } catch {
      setLoadError("通知模板加载失败，请刷新页面重试。");
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <>
      <Typography.Title level={3}>通知模板</Typography.Title>
      <Typography.Paragraph type="secondary">
        每个事件的邮件、站内信和短信文字。只能使用该通知声明的变量，必须保留的变量不能删除；修改记入审计日志。
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="key"
        loading={loading}
        dataSource={templates}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          {
            title: "通知",
            key: "title",
            render: (_: unknown, t: TNotificationTemplate) => (
              <>
                <Typography.Text strong>{t.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.key}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: "接收人",
            dataIndex: "audience",
            width: 100,
            render: (a: TNotificationTemplate["audience"]) => (a === "staff" ? <Tag color="geekblue">接入商员工</Tag> : <Tag>申请人</Tag>),
          },
          { title: "可否退订", dataIndex: "mandatory", width: 100, render: (m: boolean) => (m ? <Tag color="orange">必须接收</Tag> : <Tag>可退订</Tag>) },
          { title: "邮件标题", dataIndex: "subject", ellipsis: true },
          {
            title: "状态",
            key: "edited",
            width: 170,
            render: (_: unknown, t: TNotificationTemplate) =>
              t.edited ? (
                <>
                  <Tag color="purple">已修改</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(t.updatedAt)}
                  </Typography.Text>
                </>
              ) : (
                <Tag>默认文字</Tag>
              ),
          },
          {
            title: "操作",
            key: "actions",
            width: 80,
            render: (_: unknown, t: TNotificationTemplate) => (
              <Button type="link" aria-label={`编辑 ${t.title}`} onClick={() => setEditing(t)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <NotificationTemplateEditor
          key={editing.key}
          template={editing}
          onClose={() => setEditing(null)}
          onSave={async (text) => {
            const saved = await adminApi.saveNotificationTemplate(editing.key, text);
            setTemplates((all) => all.map((t) => (t.key === saved.key ? saved : t)));
            setEditing(null);
            void message.success(`已保存通知模板“${saved.title}”`);
          }}
        />
      )}
    </>
  );
}
