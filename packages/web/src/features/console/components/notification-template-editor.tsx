import { ZNotificationTemplateUpdate, type TNotificationTemplate, type TNotificationTemplateUpdate } from "@beian/contracts";
import { Alert, Button, Card, Drawer, Flex, Form, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { clearErrors } from "../model/clear-errors";
import { missingVariables, previewParts, VARIABLE_LABELS } from "../model/template-preview";

interface Props {
  template: TNotificationTemplate;
  onClose: () => void;
  onSave: (text: TNotificationTemplateUpdate) => Promise<void>;
}

type Part = keyof TNotificationTemplateUpdate;

/** Puts `{{name}}` at the caret of the field that has the focus (the tags keep it there). */
function insertAtCaret(form: ReturnType<typeof Form.useForm<TNotificationTemplateUpdate>>[0], name: string) {
  const el = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  const part = el?.dataset.part as Part | undefined;
  if (!el || !part) return;
  const text = `{{${name}}}`;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  form.setFieldValue(part, el.value.slice(0, start) + text + el.value.slice(end));
  requestAnimationFrame(() => el.setSelectionRange(start + text.length, start + text.length));
}

function Preview({ text, template }: { text: string; template: TNotificationTemplate }) {
  return (
    <span style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {previewParts(text, template.variables).map((p, i) =>
        "text" in p ? (
          <span key={i}>{p.text}</span>
        ) : (
          <Typography.Text key={i} mark={p.declared} type={p.declared ? undefined : "danger"} title={p.declared ? `{{${p.variable}}}` : "未声明的变量，不能保存"}>
            {p.value}
          </Typography.Text>
        ),
      )}
    </span>
  );
}

/** An admin edits a notice's email/inbox subject and body and its SMS, with the variables and a live preview. */
export function NotificationTemplateEditor({ template, onClose, onSave }: Props) {
  const [form] = Form.useForm<TNotificationTemplateUpdate>();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);
  const subject = Form.useWatch("subject", form) ?? template.subject;
  const body = Form.useWatch("body", form) ?? template.body;
  const sms = Form.useWatch("sms", form) ?? template.sms;
  const missing = [
    ...missingVariables(body, template.required).map((v) => `正文须包含 {{${v}}}`),
    ...missingVariables(sms, template.smsRequired).map((v) => `短信须包含 {{${v}}}`),
  ];

  async function save() {
    setAlert("");
    const parsed = ZNotificationTemplateUpdate.safeParse(form.getFieldsValue());
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setBusy(true);
    try {
      await onSave(parsed.data);
    } catch (error) {
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open
      title={`编辑通知模板 · ${template.title}`}
      size={760}
      onClose={onClose}
      styles={{ wrapper: { maxWidth: "100vw" } }}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        可用的变量（点击插入到光标处）：
      </Typography.Paragraph>
      <Flex gap={6} wrap style={{ marginBottom: 16 }} data-testid="template-variables">
        {template.variables.map((v) => (
          <Tag
            key={v}
            color={template.required.includes(v) || template.smsRequired.includes(v) ? "red" : "blue"}
            style={{ cursor: "pointer" }}
            onMouseDown={(e) => {
              e.preventDefault();
              insertAtCaret(form, v);
            }}
          >
            {`{{${v}}}`} {VARIABLE_LABELS[v] ?? ""}
          </Tag>
        ))}
      </Flex>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ subject: template.subject, body: template.body, sms: template.sms }}
        onValuesChange={(changed: Partial<TNotificationTemplateUpdate>) => clearErrors(form, changed)}
      >
        <Form.Item label="邮件和站内信标题" name="subject">
          <Input aria-label="标题" data-part="subject" maxLength={200} />
        </Form.Item>
        <Form.Item label="邮件和站内信正文" name="body" extra={template.required.length > 0 ? `必须保留：${template.required.map((v) => `{{${v}}}`).join("、")}` : undefined}>
          <Input.TextArea aria-label="正文" data-part="body" autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} />
        </Form.Item>
        <Form.Item label="短信" name="sms" extra={template.smsRequired.length > 0 ? `必须保留：${template.smsRequired.map((v) => `{{${v}}}`).join("、")}` : undefined}>
          <Input.TextArea aria-label="短信" data-part="sms" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {missing.length > 0 && <Alert type="warning" showIcon title={missing.join("；")} style={{ marginBottom: 16 }} />}
      <Card size="small" title="预览（示例数据）" data-testid="template-preview">
        <Typography.Text type="secondary">邮件 / 站内信</Typography.Text>
        <Typography.Paragraph strong style={{ margin: "4px 0" }}>
          <Preview text={subject} template={template} />
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Preview text={body} template={template} />
        </Typography.Paragraph>
        <Typography.Text type="secondary">短信</Typography.Text>
        <Typography.Paragraph style={{ margin: "4px 0 0" }}>
          <Preview text={sms} template={template} />
        </Typography.Paragraph>
      </Card>
    </Drawer>
  );
}
