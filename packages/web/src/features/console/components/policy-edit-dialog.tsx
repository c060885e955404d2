import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { describePolicy } from "../../help/model/provinces";
import { normalizeValue, POLICY_EDITORS } from "../model/policy-editors";
import type { OverrideEntry, PolicyRow } from "../model/policy-overrides";
import { PolicyValueInput } from "./policy-value-input";

interface Props {
  provinceName: string;
  row: PolicyRow;
  onCancel: () => void;
  /** Saves the entry; rejects with the reasons it was refused (the dialog then stays open). */
  onSave: (entry: OverrideEntry) => Promise<void>;
  problems: (error: unknown) => string[];
}

const DEFAULT_SOURCE = "接入商管理员配置";

/** Edits one province policy: its value, and where the admin has it from (shown to reviewers). */
export function PolicyEditDialog({ provinceName, row, onCancel, onSave, problems }: Props) {
  const [form] = Form.useForm<{ value: unknown; source: string; note: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const editor = POLICY_EDITORS[row.key];

  async function save() {
    setErrors([]);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as { value: unknown; source?: string; note?: string };
    const note = values.note?.trim();
    const entry: OverrideEntry = {
      value: normalizeValue(editor, values.value),
      source: values.source?.trim() || DEFAULT_SOURCE,
      year: new Date().getFullYear(),
      ...(note ? { note } : {}),
    };
    setBusy(true);
    try {
      await onSave(entry);
    } catch (error) {
      setErrors(problems(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${provinceName} · ${row.title}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => void save()}
      onCancel={onCancel}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        内置规定（{row.ruleId}）：{describePolicy(row.key, row.builtIn.value as never)}
      </Typography.Paragraph>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={errors[0]}
          description={errors.length > 1 ? errors.slice(1).map((e) => <div key={e}>{e}</div>) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ value: structuredClone(row.inForce.value), source: row.override?.source ?? "", note: row.override?.note ?? "" }}
      >
        <PolicyValueInput editor={editor} name={["value"]} label={row.title} />
        <Form.Item label="依据（来源）" name="source" extra="例如：省管局 2026 年通知；留空记为“接入商管理员配置”">
          <Input aria-label="依据" maxLength={200} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea aria-label="说明" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
