import { Checkbox, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { OnSiteRecord } from "../model/review-api";

interface Props {
  open: boolean;
  personal: boolean;
  onCancel: () => void;
  onSubmit: (record: OnSiteRecord) => Promise<boolean>;
}

const PERSONAL_ORIGINALS = ["主办者身份证原件", "网站负责人身份证原件", "网站备案信息真实性核验单（本人签字）"];
const ORGANISATION_ORIGINALS = ["单位证件原件", "法定代表人身份证原件", "网站负责人身份证原件", "网站备案信息真实性核验单（加盖公章）", "网站备案授权书"];

/** R-REV-4: who checked which originals, when and where; recording it passes verification. */
export function OnSiteDialog({ open, personal, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ originals: string[]; others?: string; checkedAt: Dayjs; place: string }>();
  const [busy, setBusy] = useState(false);
  async function submit() {
    const v = await form.validateFields();
    const others = (v.others ?? "").split(/[，,、;；\n]/).map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    try {
      await onSubmit({ originalsChecked: [...(v.originals ?? []), ...others], checkedAt: v.checkedAt.format(), place: v.place.trim() });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title="登记现场核验"
      okText="核验通过并保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ originals: [], checkedAt: dayjs() }}>
        <Form.Item
          label="已核验的原件"
          name="originals"
          dependencies={["others"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, originals?: string[]) => {
                if ((originals ?? []).length === 0 && !String(getFieldValue("others") ?? "").trim()) throw new Error("请填写核验了哪些原件。");
              },
            }),
          ]}
        >
          <Checkbox.Group options={personal ? PERSONAL_ORIGINALS : ORGANISATION_ORIGINALS} style={{ display: "flex", flexDirection: "column", gap: 6 }} />
        </Form.Item>
        <Form.Item label="其他原件" name="others" extra="多项用顿号或逗号分隔">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="核验时间" name="checkedAt" rules={[{ required: true, message: "请填写核验时间。" }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item
          label="核验地点"
          name="place"
          rules={[
            { required: true, whitespace: true, message: "请填写核验地点。" },
            { min: 2, message: "请填写核验地点。" },
            { max: 200, message: "最多 200 个字符。" },
          ]}
        >
          <Input autoComplete="off" placeholder="如 杭州市西湖区文三路 90 号 接入商服务大厅" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
