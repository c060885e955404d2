import type { TFiling } from "@beian/contracts";
import { Alert, Button, Card, Form, Input, Progress, Radio, Space, Typography, Upload, message } from "antd";
import { useState } from "react";
import { api, ApiError } from "../../../lib/api";
import { uploadForm } from "../../../lib/upload";
import { AddressInput } from "./address-input";

type Mailing = { recipient: string; mobile: string; address?: { provinceCode?: string; cityCode?: string; districtCode?: string; detail?: string } };

/**
 * 待核验 (R-REV-2…4, MAT-4): the applicant chooses a curtain photo (with a curtain posted to a
 * mainland address if they have none) or on-site verification, and uploads the photo.
 */
export function VerificationPanel({ filing, onChange }: { filing: TFiling; onChange: (f: TFiling) => void }) {
  const [method, setMethod] = useState(filing.verification.method ?? "curtain_photo");
  const [needsCurtain, setNeedsCurtain] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Mailing>();
  const photo = filing.materials.find((m) => m.kind === "verification_photo");
  const waiting = filing.reviewDueAt !== null;

  async function choose() {
    setError(null);
    try {
      let mailing;
      if (method === "curtain_photo" && needsCurtain) {
        const v = await form.validateFields();
        mailing = { recipient: v.recipient, mobile: v.mobile, provinceCode: v.address?.provinceCode ?? "", cityCode: v.address?.cityCode ?? "", districtCode: v.address?.districtCode ?? "", detail: v.address?.detail ?? "" };
      }
      onChange(await api<TFiling>("POST", `/api/filings/${filing.id}/verification`, { expectedVersion: filing.version, method, ...(mailing ? { mailing } : {}) }));
      message.success("已保存核验方式。");
    } catch (e) {
      if (e instanceof ApiError) setError(e.errors?.[0]?.message ?? e.message);
    }
  }

  async function upload(file: File) {
    setError(null);
    const body = new FormData();
    body.append("file", file);
    try {
      setProgress(0);
      onChange(await uploadForm<TFiling>(`/api/filings/${filing.id}/photo`, body, (p) => setProgress(Math.round((p.loaded / p.total) * 100))));
      message.success("核验照片已上传，接入商会在 2 个工作日内审核。");
    } catch (e) {
      if (e instanceof ApiError) setError(e.message);
    } finally {
      setProgress(null);
    }
    return false;
  }

  if (filing.verification.passed) return null;
  return (
    <Card title="核验" style={{ marginBottom: 16 }} data-testid="verification-panel">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: "100%" }}>
        <Radio.Group value={method} onChange={(e) => setMethod(e.target.value)}>
          <Radio value="curtain_photo">幕布拍照核验</Radio>
          <Radio value="on_site">现场核验</Radio>
        </Radio.Group>
        {method === "curtain_photo" ? (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              请网站负责人本人站在接入商提供的幕布前拍摄正面半身照：免冠、不戴眼镜，幕布完整出现在照片中，照片清晰无修图。系统会自动把照片处理为符合要求的尺寸和大小。
            </Typography.Paragraph>
            {filing.verification.mailing ? (
              <Alert
                type="info"
                title={`幕布寄往：${filing.verification.mailing.address}`}
                description={filing.verification.mailing.trackingNumber ? `快递单号 ${filing.verification.mailing.trackingNumber}` : "接入商将尽快寄出，寄出后这里会显示快递单号。"}
              />
            ) : (
              <Radio.Group value={needsCurtain} onChange={(e) => setNeedsCurtain(e.target.value)}>
                <Radio value={false}>我已有幕布</Radio>
                <Radio value={true}>请接入商邮寄幕布（仅限中国大陆地址）</Radio>
              </Radio.Group>
            )}
            {needsCurtain && !filing.verification.mailing && (
              <Form form={form} layout="vertical">
                <Form.Item name="recipient" label="收件人" rules={[{ required: true, message: "请填写收件人。" }]}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="mobile" label="收件人手机号码" rules={[{ required: true, message: "请填写手机号码。" }]}>
                  <Input maxLength={32} inputMode="tel" />
                </Form.Item>
                <Form.Item name="address" label="收件地址">
                  <AddressInput />
                </Form.Item>
              </Form>
            )}
            {/* Uploading the photo is choice enough; only a curtain by post needs a request. */}
            {needsCurtain && !filing.verification.mailing && <Button onClick={choose}>申请邮寄幕布</Button>}
            <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={upload} disabled={progress !== null}>
              <Button type="primary" data-testid="photo-upload">{photo ? "重新上传核验照片" : "上传核验照片"}</Button>
            </Upload>
            {progress !== null && <Progress percent={progress} size="small" />}
            {photo && <Typography.Text type="secondary">{waiting ? "照片已上传，等待接入商审核。" : "照片未通过审核，请按原因重新拍摄上传。"}</Typography.Text>}
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              请网站负责人携带本人身份证件原件及单位证件原件（单位备案）到接入商指定地点办理，接入商核验后会在系统中登记。
            </Typography.Paragraph>
            {filing.verification.method !== "on_site" && <Button onClick={choose}>确认现场核验</Button>}
          </>
        )}
      </Space>
    </Card>
  );
}
