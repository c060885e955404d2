import type { TFiling, TFilingForm } from "@beian/contracts";
import { DEFAULT_POLICIES, PROVINCE_KEYS, PROVINCES, preReview, type FilingInput } from "@beian/rules";
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { FindingsList } from "./findings-list";

interface Values {
  province?: string;
  subjectName?: string;
  subjectIcpNumber?: string;
  websites?: { name?: string; domain?: string; icpNumber?: string }[];
  reason?: string;
}

const TEXT = {
  cancel_subject: { what: "注销主体", hint: "注销主体后，该主体下的所有网站备案一并注销，网站须停止访问。" },
  cancel_site: { what: "注销网站", hint: "注销网站后，该网站的备案号失效，网站须停止访问；主体备案保留。" },
  cancel_access: { what: "取消接入", hint: "网站不再使用本接入商的服务器时取消接入；若网站没有其他接入商，备案将被注销。" },
} as const;

function toForm(v: Values): TFilingForm {
  return {
    ...(v.province ? { province: v.province } : {}),
    subject: { name: v.subjectName ?? "", icpNumber: v.subjectIcpNumber ?? "" },
    websites: (v.websites ?? []).map((w) => ({ name: w.name ?? "", domains: w.domain ? [w.domain.trim()] : [], icpNumber: w.icpNumber ?? "" })),
    cancellation: { reason: v.reason ?? "" },
  };
}

/**
 * 注销主体 / 注销网站 / 取消接入 (R-PRE-2, ZXBA): no materials, no SMS — the ICP numbers of what is
 * cancelled and the reason, checked live by the same rules the server runs on submit.
 */
export function CancellationForm({ filing, onSubmitted }: { filing: TFiling; onSubmitted: () => void }) {
  const type = filing.type as keyof typeof TEXT;
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [refused, setRefused] = useState<{ path: string; code: string; message: string }[]>([]);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const initial = useMemo<Values>(
    () => ({
      province: filing.form.province,
      subjectName: filing.form.subject?.name,
      subjectIcpNumber: filing.form.subject?.icpNumber,
      // A site cancellation starts with one site to name.
      websites: filing.form.websites?.length
        ? filing.form.websites.map((w) => ({ name: w.name, domain: w.domains?.[0], icpNumber: w.icpNumber }))
        : type === "cancel_subject"
          ? []
          : [{}],
      reason: filing.form.cancellation?.reason,
    }),
    [filing, type],
  );

  const live = useMemo(
    () => (values ? preReview({ ...toForm(values), type } as unknown as FilingInput, DEFAULT_POLICIES, { now: new Date() }).filter((f) => f.severity === "error") : []),
    [values, type],
  );

  async function submit() {
    setProblem("");
    setRefused([]);
    setBusy(true);
    try {
      const v = await form.validateFields();
      const saved = await filingsApi.save(filing.id, filing.version, toForm(v));
      await filingsApi.submit(filing.id, saved.version);
      onSubmitted();
    } catch (error) {
      if (error instanceof ApiError) {
        setProblem(error.detail);
        setRefused(error.errors);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ marginTop: 16 }} data-testid="cancellation-form">
      <Alert type="warning" showIcon title={TEXT[type].what} description={TEXT[type].hint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={initial} requiredMark>
        <Form.Item name="province" label="备案所在省份" rules={[{ required: true, message: "请选择备案所在省份。" }]}>
          <Select showSearch optionFilterProp="label" options={PROVINCE_KEYS.map((k) => ({ value: k, label: PROVINCES[k].name }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="subjectName" label="主办者名称">
          <Input maxLength={100} />
        </Form.Item>
        {type === "cancel_subject" ? (
          <Form.Item name="subjectIcpNumber" label="主体备案号" extra="例如 浙ICP备2026000001号" rules={[{ required: true, message: "请填写主体备案号。" }]}>
            <Input maxLength={40} />
          </Form.Item>
        ) : (
          <Form.List name="websites">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: "100%" }}>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" title={`网站 ${i + 1}`} extra={fields.length > 1 && <Button type="link" onClick={() => remove(field.name)}>移除</Button>}>
                    <Form.Item name={[field.name, "icpNumber"]} label="网站备案号" extra="例如 浙ICP备2026000001号-1" rules={[{ required: true, message: "请填写网站备案号。" }]}>
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[field.name, "name"]} label="网站名称">
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, "domain"]} label="网站域名">
                      <Input maxLength={255} placeholder="example.cn" />
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < 10 && <Button onClick={() => add({})}>再添加一个网站</Button>}
              </Space>
            )}
          </Form.List>
        )}
        <Form.Item name="reason" label={`${TEXT[type].what}原因`} style={{ marginTop: 16 }} rules={[{ required: true, message: "请填写原因。" }]}>
          <Input.TextArea maxLength={500} rows={3} placeholder="例如：网站已停止运营" />
        </Form.Item>
      </Form>
      {live.length > 0 && (
        <Alert type="info" style={{ marginBottom: 16 }} title="提交前请处理以下问题" description={<FindingsList items={live} form={toForm(values ?? {})} />} />
      )}
      {problem && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} description={refused.length > 0 && <FindingsList items={refused} form={toForm(values ?? {})} />} />
      )}
      <Typography.Paragraph type="secondary">注销类申请无需上传资料，也不需要短信核验；接入商审核后提交管局。</Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void submit()}>
        提交{TEXT[type].what}申请
      </Button>
    </Card>
  );
}
