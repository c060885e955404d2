import type { TFilingForm } from "@beian/contracts";
import { CERTIFICATE_TYPES, DEFAULT_POLICIES, divisionName, FILING_TYPES, isCertificateType, isProvinceKey, isSubjectNature, SUBJECT_NATURES, type Finding, type FilingType } from "@beian/rules";
import { Alert, Button, Card, Descriptions, Grid, Typography } from "antd";
import { isPersonal } from "../model/form-values";
import { bySeverity } from "../model/use-live-findings";
import { FindingsList, type ListedFinding } from "./findings-list";

const certLabel = (t: string | undefined) => (isCertificateType(t) ? CERTIFICATE_TYPES[t].label : "—");
const show = (v: string | undefined) => (v && v.trim() !== "" ? v : "—");

/** 第四步 确认提交: what will be submitted, what the pre-review says, and the submission's refusals. */
export function ConfirmStep({
  type,
  form,
  findings,
  refusals,
  submitting,
  onSubmit,
  onGo,
}: {
  type: FilingType;
  form: TFilingForm;
  findings: readonly Finding[];
  refusals: readonly ListedFinding[] | null;
  submitting: boolean;
  onSubmit: () => void;
  onGo: (f: ListedFinding) => void;
}) {
  const s = form.subject;
  const layout = Grid.useBreakpoint().md ? "horizontal" : "vertical";
  const errors = findings.filter((f) => f.severity === "error");
  const others = findings.filter((f) => f.severity !== "error").sort(bySeverity);
  const address = [s?.address?.provinceCode, s?.address?.cityCode, s?.address?.districtCode].map((c) => (c ? divisionName(c) : undefined)).filter(Boolean).join("");
  return (
    <>
      {refusals && refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`提交未成功：还有 ${refusals.length} 项需要修改，点击逐项前往修改。`}
          description={<FindingsList items={refusals} form={form} onGo={onGo} />}
          data-testid="submit-errors"
        />
      )}
      <Card title="备案信息" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          bordered
          layout={layout}
          items={[
            { key: "type", label: "备案类型", children: FILING_TYPES[type] },
            { key: "province", label: "备案省份", children: isProvinceKey(form.province) ? DEFAULT_POLICIES[form.province].name : "—" },
            { key: "nature", label: "主办单位性质", children: isSubjectNature(s?.type) ? SUBJECT_NATURES[s.type].label : "—" },
            { key: "name", label: isPersonal(form) ? "主办者姓名" : "主办单位名称", children: show(s?.name) },
            { key: "cert", label: "证件", children: `${certLabel(s?.certificate?.type)} ${s?.certificate?.number ?? ""}` },
            { key: "address", label: "通信地址", children: `${address}${s?.address?.detail ?? ""}` || "—" },
            { key: "principal", label: "主体负责人", children: `${show(s?.principal?.name)} · ${show(s?.principal?.mobile)} · ${show(s?.principal?.email)}` },
            { key: "emergency", label: "应急联系人", children: `${show(s?.emergencyContact?.name)} · ${show(s?.emergencyContact?.mobile)}` },
          ]}
        />
        {(form.websites ?? []).map((w, i) => (
          <Descriptions
            key={i}
            title={`网站 ${i + 1}`}
            column={{ xs: 1, md: 2 }}
            size="small"
            bordered
            layout={layout}
            style={{ marginTop: 16 }}
            items={[
              { key: "name", label: "网站名称", children: show(w.name) },
              { key: "domains", label: "域名", children: (w.domains ?? []).filter(Boolean).join("、") || "—" },
              { key: "home", label: "首页网址", children: show(w.homeUrl) },
              { key: "principal", label: "网站负责人", children: `${show(w.principal?.name)} · ${show(w.principal?.mobile)}` },
            ]}
          />
        ))}
      </Card>

      <Card title="自动初审结果" style={{ marginBottom: 16 }} data-testid="pre-review">
        {errors.length === 0 ? (
          <Alert type="success" showIcon title="没有需要修改的错误，可以提交。" style={{ marginBottom: others.length ? 12 : 0 }} />
        ) : (
          <>
            <Typography.Paragraph strong type="danger">
              以下 {errors.length} 项需要修改后才能提交：
            </Typography.Paragraph>
            <FindingsList items={errors} form={form} onGo={onGo} />
          </>
        )}
        {others.length > 0 && (
          <>
            <Typography.Paragraph strong style={{ marginTop: 12 }}>
              提醒和审核员将核对的事项（不影响提交）：
            </Typography.Paragraph>
            <FindingsList items={others} form={form} onGo={onGo} />
          </>
        )}
      </Card>

      <Button type="primary" size="large" block loading={submitting} onClick={onSubmit}>
        提交接入商审核
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, textAlign: "center" }}>
        提交后接入商将在 1–2 个工作日内完成初审，结果以短信和邮件通知。
      </Typography.Paragraph>
    </>
  );
}
