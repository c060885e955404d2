import { ZReasonTemplateCode, ZReasonTemplateSave, type TReasonTemplate } from "@beian/contracts";
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Grid, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { showIssues, showProblem } from "../../../lib/form-errors";
import { adminApi } from "../model/admin-api";
import { clearErrors } from "../model/clear-errors";
import { reviewApi } from "../model/review-api";
import { TEMPLATE_TARGETS, templateFieldLabel } from "../model/template-fields";

function Field({ path }: { path: string | null }) {
  return (
    <>
      <span>{templateFieldLabel(path)}</span>
      {path && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
          {path}
        </Typography.Text>
      )}
    </>
  );
}

interface TemplateValues {
  code: string;
  path: string;
  message: string;
  position: number | null;
}

/** Admins keep the return reasons reviewers pick from (R-REV-1), each attached to a form field. */
export default function ReasonTemplatesPage() {
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<TReasonTemplate[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState("");
  // The template being edited; null: a new one; undefined: the dialog is closed.
  const [editing, setEditing] = useState<TReasonTemplate | null | undefined>(undefined);
  const narrow = Grid.useBreakpoint().md === false;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTemplates((await reviewApi.reasonTemplates()).items);
      setLoadError("");
    } catch {
      setLoadError("退回理由模板加载失败，请刷新页面重试。");
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function remove(t: TReasonTemplate) {
    try {
      await adminApi.deleteReasonTemplate(t.code);
      void message.success(`已删除模板 ${t.code}`);
      await load();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "删除失败，请重试。");
    }
  }

  const actions = (t: TReasonTemplate) => (
    <Space size={0}>
      <Button type="link" aria-label={`编辑 ${t.code}`} onClick={() => setEditing(t)}>
        编辑
      </Button>
      <Popconfirm title={`删除模板 ${t.code}？`} description="已退回的备案中的原因不受影响。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(t)}>
        <Button type="link" danger aria-label={`删除 ${t.code}`}>
          删除
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", flexWrap: "wrap" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          退回理由模板
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新增模板
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        审核员退回备案或不通过核验照片时从这些原因中选择；指定了字段的原因会显示在主办者该字段旁。按排序号从小到大列出。
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="code"
        loading={loading}
        dataSource={templates}
        pagination={false}
        scroll={narrow ? undefined : { x: 760 }}
        columns={
          narrow
            ? [
                {
                  title: "模板",
                  key: "template",
                  render: (_: unknown, t: TReasonTemplate) => (
                    <>
                      <Typography.Text code>{t.code}</Typography.Text> <Field path={t.path} />
                      <div style={{ marginTop: 4 }}>{t.message}</div>
                      {actions(t)}
                    </>
                  ),
                },
              ]
            : [
                { title: "排序", dataIndex: "position", width: 70 },
                { title: "代码", dataIndex: "code", width: 200, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                { title: "涉及字段", dataIndex: "path", width: 220, render: (path: string | null) => <Field path={path} /> },
                { title: "原因说明", dataIndex: "message" },
                { title: "操作", key: "actions", width: 130, render: (_: unknown, t: TReasonTemplate) => actions(t) },
              ]
        }
      />
      {editing !== undefined && (
        <TemplateDialog
          template={editing}
          taken={new Set(templates.map((t) => t.code))}
          nextPosition={Math.max(0, ...templates.map((t) => t.position)) + 1}
          onClose={() => setEditing(undefined)}
          onSaved={async (t) => {
            setEditing(undefined);
            void message.success(`已保存模板 ${t.code}`);
            await load();
          }}
        />
      )}
    </>
  );
}

function TemplateDialog({
  template,
  taken,
  nextPosition,
  onClose,
  onSaved,
}: {
  template: TReasonTemplate | null;
  taken: Set<string>;
  nextPosition: number;
  onClose: () => void;
  onSaved: (t: TReasonTemplate) => Promise<void>;
}) {
  const [form] = Form.useForm<TemplateValues>();
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);

  async function save() {
    setAlert("");
    const values = form.getFieldsValue();
    const code = ZReasonTemplateCode.safeParse({ code: values.code?.trim() ?? "" });
    if (!code.success) return void showIssues(form, code.error.issues);
    if (!template && taken.has(code.data.code)) {
      return void form.setFields([{ name: "code", errors: ["已有这个代码的模板，请直接编辑它或换一个代码。"] }]);
    }
    const body = ZReasonTemplateSave.safeParse({
      path: values.path ?? "",
      message: values.message ?? "",
      ...(values.position !== null && values.position !== undefined ? { position: values.position } : {}),
    });
    if (!body.success) return void showIssues(form, body.error.issues);
    setBusy(true);
    try {
      await onSaved(await adminApi.saveReasonTemplate(code.data.code, body.data));
    } catch (error) {
      // The dialog stays open with what was typed; the server's reason shows at its field or above.
      setAlert(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={template ? `编辑模板 ${template.code}` : "新增退回理由模板"}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={(changed: Partial<TemplateValues>) => clearErrors(form, changed)}
        initialValues={
          template
            ? { code: template.code, path: template.path ?? "", message: template.message, position: template.position }
            : { code: "", path: "", message: "", position: nextPosition }
        }
      >
        <Form.Item label="代码" name="code" extra="大写字母、数字和下划线，例如 SITE_NAME_INVALID；保存后不能修改">
          <Input disabled={Boolean(template)} autoComplete="off" />
        </Form.Item>
        <Form.Item label="涉及字段" name="path" extra="审核员选用时，原因会指向该字段；备案中没有该字段时指向整个备案">
          <Select aria-label="涉及字段" showSearch={{ optionFilterProp: "label" }} options={TEMPLATE_TARGETS} />
        </Form.Item>
        <Form.Item label="原因说明" name="message" extra="写明问题和修改方法，主办者会原样看到">
          <Input.TextArea aria-label="原因说明" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
        </Form.Item>
        <Form.Item label="排序" name="position" extra="数字小的排在前面">
          <InputNumber min={0} max={10000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
