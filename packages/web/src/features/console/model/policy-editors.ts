import { PRE_APPROVAL_CATEGORIES, type PolicyKey } from "@beian/rules";

/**
 * How an admin edits each province policy value: the shape the rules check (POLICY_FIELDS),
 * described once for the settings form. Empty optional inputs mean "no such requirement" (null).
 */
export type ValueEditor =
  | { kind: "switch"; on: string; off: string }
  | { kind: "number"; min: number; max: number; unit?: string; nullable?: string }
  | { kind: "text"; url?: boolean; nullable?: string; placeholder?: string }
  | { kind: "choice"; options: { value: string; label: string }[] }
  | { kind: "words" }
  | { kind: "categories" }
  | { kind: "fields"; fields: { name: string; label: string; editor: ValueEditor }[]; nullable?: { label: string; empty: Record<string, unknown> } }
  | { kind: "approval-words" };

const sw = (on: string, off: string): ValueEditor => ({ kind: "switch", on, off });

export const CATEGORY_OPTIONS = Object.entries(PRE_APPROVAL_CATEGORIES).map(([value, c]) => ({ value, label: c.label }));

export const POLICY_EDITORS: Record<PolicyKey, ValueEditor> = {
  smsVerification: {
    kind: "fields",
    fields: [
      { name: "pilot", label: "首批试点省份（2017-12-18 起）", editor: sw("是", "否") },
      { name: "url", label: "短信核验网址", editor: { kind: "text", url: true, placeholder: "https://xx.beian.miit.gov.cn/…" } },
    ],
  },
  nonLocalIndividuals: {
    kind: "fields",
    fields: [
      {
        name: "mode",
        label: "外省个人",
        editor: {
          kind: "choice",
          options: [
            { value: "allowed", label: "接受" },
            { value: "refused", label: "不接受" },
            { value: "residence_permit", label: "需提供本省证明" },
          ],
        },
      },
      { name: "acceptedProofs", label: "可接受的证明", editor: { kind: "words" } },
    ],
  },
  minimumAge: {
    kind: "fields",
    fields: [
      { name: "refusedBelow", label: "未满此年龄不能备案", editor: { kind: "number", min: 0, max: 100, unit: "周岁" } },
      { name: "proofOfIncomeBelow", label: "未满此年龄需收入证明", editor: { kind: "number", min: 0, max: 100, unit: "周岁", nullable: "不要求" } },
    ],
  },
  temporaryIdCard: { kind: "choice", options: [{ value: "accepted", label: "接受" }, { value: "refused", label: "不接受" }] },
  certificateValidity: {
    kind: "fields",
    fields: [
      { name: "idCardMonths", label: "身份证", editor: { kind: "number", min: 0, max: 60, unit: "个月" } },
      { name: "organisationMonths", label: "单位证件", editor: { kind: "number", min: 0, max: 60, unit: "个月" } },
      { name: "residencePermitMonths", label: "居住证", editor: { kind: "number", min: 0, max: 60, unit: "个月" } },
      {
        name: "severity",
        label: "不满足时",
        editor: { kind: "choice", options: [{ value: "warning", label: "提醒" }, { value: "error", label: "不能提交" }] },
      },
    ],
  },
  authorizationLetter: { kind: "fields", fields: [{ name: "namedExplicitly", label: "本省明确要求", editor: sw("是", "否") }] },
  localMobile: sw("须本省手机号", "不限"),
  domainMinRemainingDays: { kind: "number", min: 0, max: 3650, unit: "天" },
  domainCertificate: {
    kind: "fields",
    fields: [
      { name: "fromDomainCount", label: "域名达到几个时需要", editor: { kind: "number", min: 1, max: 1000, unit: "个" } },
      { name: "personalFromDomainCount", label: "个人备案：达到几个时需要", editor: { kind: "number", min: 1, max: 1000, unit: "个", nullable: "同上" } },
      { name: "personalConstructionPlanAbove", label: "个人备案：超过几个需建设方案书", editor: { kind: "number", min: 0, max: 1000, unit: "个", nullable: "不要求" } },
    ],
  },
  oneDomainPerWebsite: sw("只能一个", "可以多个"),
  oneWebsitePerApplication: sw("只能一个", "可以多个"),
  personalSiteNamePattern: {
    kind: "fields",
    nullable: { label: "规定个人网站名称格式", empty: { pattern: "", example: "" } },
    fields: [
      { name: "pattern", label: "格式（正则表达式）", editor: { kind: "text" } },
      { name: "example", label: "示例", editor: { kind: "text" } },
    ],
  },
  siteNameForbiddenWords: { kind: "words" },
  siteNameApprovalWords: { kind: "approval-words" },
  personalRemarkDisclaimer: { kind: "text", nullable: "无固定声明" },
  financeWordsRequireLegalRep: { kind: "words" },
  legacyPreApprovals: { kind: "categories" },
  commitmentLetter: {
    kind: "fields",
    nullable: { label: "要求省份备案承诺书", empty: { title: "", since: null } },
    fields: [
      { name: "title", label: "承诺书名称", editor: { kind: "text" } },
      { name: "since", label: "自何日起（YYYY-MM-DD）", editor: { kind: "text", nullable: "不限", placeholder: "2024-01-01" } },
    ],
  },
  formVariant: { kind: "choice", options: [{ value: "national", label: "公共版" }, { value: "guangdong", label: "广东版" }] },
  fingerprint: {
    kind: "fields",
    fields: [
      { name: "personal", label: "个人核验单按手印", editor: sw("是", "否") },
      { name: "atSignature", label: "须按在签名处", editor: sw("是", "否") },
    ],
  },
  verificationFormPerDomain: sw("每个域名一份", "每次备案一份"),
  verificationFormMaxAgeMonths: { kind: "number", min: 1, max: 24, unit: "个月", nullable: "不限" },
  photoSlogan: { kind: "text", nullable: "无需标语" },
};

/**
 * The form's value as the rules want it: text trimmed, an emptied optional input is null,
 * empty list entries dropped.
 */
export function normalizeValue(editor: ValueEditor, value: unknown): unknown {
  switch (editor.kind) {
    case "text": {
      const text = typeof value === "string" ? value.trim() : "";
      return text === "" && editor.nullable ? null : text;
    }
    case "number":
      return value === undefined || value === null || value === "" ? (editor.nullable ? null : value) : value;
    case "words":
      return Array.isArray(value) ? [...new Set(value.map((w) => String(w).trim()).filter(Boolean))] : [];
    case "approval-words":
      return Array.isArray(value) ? value.filter((w) => w && String(w.word ?? "").trim()).map((w) => ({ word: String(w.word).trim(), category: w.category })) : [];
    case "fields": {
      if (value === null || value === undefined) return editor.nullable ? null : value;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(editor.fields.map((f) => [f.name, normalizeValue(f.editor, record[f.name])]));
    }
    default:
      return value;
  }
}
