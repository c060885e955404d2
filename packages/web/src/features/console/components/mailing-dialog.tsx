import { DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";

interface Props {
  open: boolean;
  initial?: { trackingNumber: string | null; mailedAt: string | null };
  onCancel: () => void;
  onSubmit: (trackingNumber: string, mailedAt: string) => Promise<boolean>;
}

/** R-REV-2: the reviewer records the curtain's posting (tracking number and when it left). */
export function MailingDialog({ open, initial, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ trackingNumber: string; mailedAt: Dayjs }>();
  const [busy, setBusy] = useState(false);
  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    try {
      // ISO 8601 with the browser's offset, as the API asks.
      await onSubmit(v.trackingNumber.trim(), v.mailedAt.format());
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title="登记幕布寄出"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ trackingNumber: initial?.trackingNumber ?? "", mailedAt: initial?.mailedAt ? dayjs(initial.mailedAt) : dayjs() }}
      >
        <Form.Item
          label="快递单号"
          name="trackingNumber"
          rules={[
            { required: true, whitespace: true, message: "请填写快递单号。" },
            { min: 4, message: "请填写完整的快递单号。" },
            { max: 40, message: "最多 40 个字符。" },
          ]}
        >
          <Input autoComplete="off" placeholder="如 SF1234567890" />
        </Form.Item>
        <Form.Item label="寄出时间" name="mailedAt" rules={[{ required: true, message: "请填写寄出时间。" }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
