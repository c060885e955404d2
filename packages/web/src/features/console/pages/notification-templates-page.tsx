import type { TNotificationTemplate } from "@beian/contracts";
import { Alert, App, Button, Card, Flex, Grid, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { NotificationTemplateEditor } from "../components/notification-template-editor";
import { adminApi } from "../model/admin-api";
import { formatTime } from "../model/format";

function Audience({ t }: { t: TNotificationTemplate }) {
  return t.audience === "staff" ? <Tag color="geekblue">接入商员工</Tag> : <Tag>申请人</Tag>;
}

function Mandatory({ t }: { t: TNotificationTemplate }) {
  return t.mandatory ? <Tag color="orange">必须接收</Tag> : <Tag>可退订</Tag>;
}

function Edited({ t }: { t: TNotificationTemplate }) {
  return t.edited ? (
    <>
      <Tag color="purple">已修改</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(t.updatedAt)}
      </Typography.Text>
    </>
  ) : (
    <Tag>默认文字</Tag>
  );
}

function TemplateTitle({ t }: { t: TNotificationTemplate }) {
  return (
    <>
      <Typography.Text strong style={{ whiteSpace: "normal" }}>
        {t.title}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: "normal" }}>
          {t.key}
        </Typography.Text>
      </div>
    </>
  );
}

/** The notices' texts (issue 9), per event: email and inbox subject and body, and the SMS. */
export default function NotificationTemplatesPage() {
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<TNotificationTemplate[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState("");
  const [editing, setEditing] = useState<TNotificationTemplate | null>(null);
  // A table of six columns does not fit a phone: one card per notice there, as the province page does.
  const narrow = Grid.useBreakpoint().md === false;

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

  const replace = (saved: TNotificationTemplate) => setTemplates((all) => all.map((t) => (t.key === saved.key ? saved : t)));

  async function restore(t: TNotificationTemplate) {
    try {
      replace(await adminApi.restoreNotificationTemplate(t.key));
      void message.success(`通知模板“${t.title}”已恢复默认文字`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "恢复失败，请稍后重试。");
    }
  }

  const actions = (t: TNotificationTemplate) => (
    <Space size={0} wrap>
      <Button type="link" size="small" aria-label={`编辑 ${t.title}`} onClick={() => setEditing(t)}>
        编辑
      </Button>
      {t.edited && (
        <Popconfirm
          title={`把“${t.title}”恢复为默认文字？`}
          description="管理员修改的标题、正文和短信都将被内置文字替换。"
          okText="恢复默认"
          cancelText="取消"
          onConfirm={() => restore(t)}
        >
          <Button type="link" size="small" aria-label={`恢复默认 ${t.title}`}>
            恢复默认
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <>
      <Typography.Title level={3}>通知模板</Typography.Title>
      <Typography.Paragraph type="secondary">
        每个事件的邮件、站内信和短信文字。只能使用该通知声明的变量，必须保留的变量不能删除；修改和恢复默认都记入审计日志。
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {narrow ? (
        <Flex vertical gap={12}>
          {templates.map((t) => (
            <Card key={t.key} size="small" data-row-key={t.key} title={<TemplateTitle t={t} />} extra={actions(t)} styles={{ header: { paddingBlock: 8 } }}>
              <Flex gap={4} wrap style={{ marginBottom: 6 }}>
                <Audience t={t} />
                <Mandatory t={t} />
                <Edited t={t} />
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                <Typography.Text type="secondary">邮件标题：</Typography.Text>
                {t.subject}
              </Typography.Paragraph>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table
          rowKey="key"
          loading={loading}
          dataSource={templates}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: "通知", key: "title", render: (_: unknown, t: TNotificationTemplate) => <TemplateTitle t={t} /> },
            { title: "接收人", dataIndex: "audience", width: 110, render: (_: unknown, t: TNotificationTemplate) => <Audience t={t} /> },
            { title: "可否退订", dataIndex: "mandatory", width: 100, render: (_: unknown, t: TNotificationTemplate) => <Mandatory t={t} /> },
            { title: "邮件标题", dataIndex: "subject", ellipsis: true },
            { title: "状态", key: "edited", width: 170, render: (_: unknown, t: TNotificationTemplate) => <Edited t={t} /> },
            { title: "操作", key: "actions", width: 130, render: (_: unknown, t: TNotificationTemplate) => actions(t) },
          ]}
        />
      )}
      {editing && (
        <NotificationTemplateEditor
          key={editing.key}
          template={editing}
          onClose={() => setEditing(null)}
          onSave={async (text) => {
            const saved = await adminApi.saveNotificationTemplate(editing.key, text);
            replace(saved);
            setEditing(null);
            void message.success(`已保存通知模板“${saved.title}”`);
          }}
        />
      )}
    </>
  );
}
