import type { TSpecialWebsite, TSpecialWebsiteInput } from "@beian/contracts";
import { CERTIFICATE_TYPES, type CertificateType } from "@beian/rules";
import { Alert, Col, Form, Input, Modal, Radio, Row, Select } from "antd";
import type { Rule } from "antd/es/form";
import { useState } from "react";
import { showProblem } from "../../../lib/form-errors";
import { specialWebsitesApi } from "../model/api";
import { problemAt } from "../model/live-check";

const EMPTY: TSpecialWebsiteInput = {
  siteName: "",
  domain: "",
  icpNumber: "",
  holder: { type: "personal", name: "", certificateType: "resident_id", certificateNumber: "" },
  emergencyContact: { name: "", mobile: "", qq: "" },
};

const certificateOptions = (holder: "personal" | "organisation") =>
  (Object.keys(CERTIFICATE_TYPES) as CertificateType[])
    .filter((t) => CERTIFICATE_TYPES[t].holder === (holder === "personal" ? "person" : "organisation"))
    .map((t) => ({ value: t, label: CERTIFICATE_TYPES[t].label }));

/**
 * 登记 / 修改 a special website (R-FORM-7). Every field is checked as it is typed, by the same
 * schema and rules the server applies; what the server still refuses lands under its field.
 */
export function SpecialWebsiteForm({ record, onClose, onSaved }: { record: TSpecialWebsite | null; onClose: () => void; onSaved: (r: TSpecialWebsite) => void }) {
  const [form] = Form.useForm<TSpecialWebsiteInput>();
  const holderType = (Form.useWatch(["holder", "type"], form) ?? record?.holder.type ?? "personal") as "personal" | "organisation";
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  const live = (path: string): Rule[] => [
    {
      validator: async () => {
        const message = problemAt(form.getFieldsValue(true) as TSpecialWebsiteInput, path);
        if (message) throw new Error(message);
      },
    },
  ];

  async function save() {
    setProblem("");
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const input = form.getFieldsValue(true) as TSpecialWebsiteInput;
      onSaved(record ? await specialWebsitesApi.update(record.id, record.version, input) : await specialWebsitesApi.create(input));
    } catch (error) {
      setProblem(showProblem(form, error));
    } finally {
      setBusy(false);
    }
  }

  const initial = record
    ? { siteName: record.siteName, domain: record.domain, icpNumber: record.icpNumber, holder: record.holder, emergencyContact: record.emergencyContact }
    : EMPTY;
  return (
    <Modal
      open
      width={720}
      title={record ? "修改特殊网站登记" : "登记特殊网站"}
      okText={record ? "保存修改" : "登记"}
      cancelText="取消"
      okButtonProps={{ loading: busy, ...{ "data-testid": "special-website-save" } }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {record && record.status !== "pending" && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="修改后，这条登记会重新交给接入商审核。" />
      )}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark data-testid="special-website-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="siteName" label="网站名称" rules={live("siteName")} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="domain" label="网站域名" rules={live("domain")} required extra="只填主域名，例如 example.cn">
              <Input maxLength={255} placeholder="example.cn" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="icpNumber" label="网站备案号" rules={live("icpNumber")} required extra="已取得的网站备案号，例如 浙ICP备12345678号-1">
          <Input maxLength={40} placeholder="浙ICP备12345678号-1" />
        </Form.Item>
        <Form.Item name={["holder", "type"]} label="主办者性质" required>
          <Radio.Group
            options={[
              { value: "personal", label: "个人" },
              { value: "organisation", label: "单位" },
            ]}
            onChange={(e) => form.setFieldValue(["holder", "certificateType"], e.target.value === "personal" ? "resident_id" : "business_licence")}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={["holder", "name"]} label={holderType === "personal" ? "主办者姓名" : "主办单位名称"} rules={live("holder.name")} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={["holder", "certificateType"]} label="证件类型" rules={live("holder.certificateType")} dependencies={[["holder", "type"]]} required>
              <Select options={certificateOptions(holderType)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={["holder", "certificateNumber"]}
              label="证件号码"
              rules={live("holder.certificateNumber")}
              dependencies={[["holder", "certificateType"]]}
              required
            >
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={["emergencyContact", "name"]} label="24 小时应急联系人" rules={live("emergencyContact.name")} required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={["emergencyContact", "mobile"]} label="应急联系手机" rules={live("emergencyContact.mobile")} required>
              <Input maxLength={32} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={["emergencyContact", "qq"]} label="应急联系 QQ" rules={live("emergencyContact.qq")} required>
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="special-website-problem" />}
    </Modal>
  );
}
