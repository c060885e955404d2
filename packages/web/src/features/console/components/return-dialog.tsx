import type { TReasonTemplate, TReturnReason } from "@beian/contracts";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { reasonTargets, type FieldSection } from "../model/field-labels";

interface ReasonValues {
  code: string;
  path?: string;
  message?: string;
}

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** Without sections the reasons concern no field (a rejected photo). */
  sections?: FieldSection[];
  templates: TReasonTemplate[];
  /** Template codes offered first (the photo's own reasons for a photo). */
  preferred?: (t: TReasonTemplate) => boolean;
  onCancel: () => void;
  /** Resolves true when the dialog may close (its reasons are then cleared); false keeps what was typed. */
  onSubmit: (reasons: TReturnReason[]) => Promise<boolean>;
}

/**
 * Reasons for a return (R-REV-1) or a rejected photo (R-REV-3): picked from the templates and/or
 * written freely, each attached to the field it concerns so the applicant sees it in place.
 */
export function ReturnDialog({ open, title, okText, sections, templates, preferred, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reasons: ReasonValues[] }>();
  const [busy, setBusy] = useState(false);
  const targets = useMemo(() => (sections ? reasonTargets(sections) : []), [sections]);
  const known = useMemo(() => new Set(targets.flatMap((g) => g.options.map((o) => o.value))), [targets]);
  const ordered = useMemo(
    () => (preferred ? [...templates.filter(preferred), ...templates.filter((t) => !preferred(t))] : templates),
    [templates, preferred],
  );

  const add = (reason: ReasonValues) => form.setFieldValue("reasons", [...(form.getFieldValue("reasons") ?? []), reason]);
  const fromTemplate = (id: string) => {
    const t = templates.find((x) => x.id === id);
    if (t) add({ code: t.code, path: t.path && known.has(t.path) ? t.path : "", message: t.message });
  };

  async function submit() {
    const values = await form.validateFields();
    const reasons = values.reasons.map((r) => ({ code: r.code, message: (r.message ?? "").trim(), ...(r.path ? { path: r.path } : {}) }));
    setBusy(true);
    try {
      if (await onSubmit(reasons)) form.resetFields();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {sections ? "每条原因可以指向具体字段，主办者修改时会在该字段旁看到。" : "原因会通过短信和邮件告知主办者，请写明如何重新拍摄。"}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="从模板添加原因"
          placeholder="从常用原因中选择…"
          style={{ width: 420, maxWidth: "100%" }}
          value={null}
          showSearch={{ optionFilterProp: "label" }}
          options={ordered.map((t) => ({ value: t.id, label: t.message }))}
          onChange={(id: string | null) => id && fromTemplate(id)}
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { maxWidth: 640 } } }}
        />
        <Button icon={<PlusOutlined />} onClick={() => add({ code: "OTHER", path: "", message: "" })}>
          自己填写原因
        </Button>
      </Space>
      <Form form={form} layout="vertical" initialValues={{ reasons: [] }} requiredMark={false}>
        <Form.List
          name="reasons"
          rules={[
            {
              validator: async (_, reasons?: ReasonValues[]) => {
                if (!reasons || reasons.length === 0) throw new Error("请至少添加一条原因。");
              },
            },
          ]}
        >
          {(fields, { remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`原因 ${index + 1}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除原因 ${index + 1}`} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, "code"]} hidden>
                    <Input />
                  </Form.Item>
                  {sections && (
                    <Form.Item name={[field.name, "path"]} label="涉及字段" style={{ marginBottom: 8 }}>
                      <Select
                        aria-label={`原因 ${index + 1} 涉及字段`}
                        showSearch={{ optionFilterProp: "label" }}
                        options={targets}
                        placeholder="选择字段"
                      />
                    </Form.Item>
                  )}
                  <Form.Item
                    name={[field.name, "message"]}
                    label="原因说明"
                    style={{ marginBottom: 0 }}
                    rules={[{ required: true, whitespace: true, message: "请写明原因。" }, { max: 500, message: "最多 500 个字符。" }]}
                  >
                    <Input.TextArea aria-label={`原因 ${index + 1} 说明`} autoSize={{ minRows: 2, maxRows: 5 }} />
                  </Form.Item>
                </Card>
              ))}
              {errors.length > 0 && <Alert type="error" showIcon title={errors} />}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
