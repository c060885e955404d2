import {
  CERTIFICATE_TYPES,
  checkCertificateNumber,
  checkDomain,
  checkMobile,
  isCertificateType,
  parseIcpNumber,
  type Finding,
} from "@beian/rules";
import { z } from "zod";
import type { TProblemFieldError } from "./errors.js";

/**
 * R-FORM-7: special websites (特殊网站) that are filed elsewhere and do not go through our filing
 * system. The applicant records the ICP number, a 24-hour emergency contact (QQ, mobile), the
 * holder's ID or qualification and the signed 信息安全责任书; the provider's reviewer checks it.
 */

const text = (max: number) => z.string().max(max, { message: `最多 ${max} 个字符。` });
const required = (max: number, what: string) => text(max).trim().min(1, { message: `请填写${what}。` });

export const SPECIAL_WEBSITE_STATUSES = { pending: "待审核", accepted: "审核通过", returned: "已退回" } as const;
export type SpecialWebsiteStatus = keyof typeof SPECIAL_WEBSITE_STATUSES;

/** The two documents R-FORM-7 asks for, uploaded as images through the materials path (R-MAT-1). */
export const SPECIAL_WEBSITE_DOCUMENTS = {
  identity: "主办者证件或资质（身份证、营业执照等）",
  responsibility_letter: "已签字（盖章）的信息安全责任书",
} as const;
export type SpecialWebsiteDocumentKind = keyof typeof SPECIAL_WEBSITE_DOCUMENTS;
const DOCUMENT_KINDS = Object.keys(SPECIAL_WEBSITE_DOCUMENTS) as [SpecialWebsiteDocumentKind, ...SpecialWebsiteDocumentKind[]];

/** QQ numbers: 5 to 12 digits, never starting with 0. */
const QQ = /^[1-9]\d{4,11}$/;

const ZHolder = z.strictObject({
  type: z.enum(["personal", "organisation"], { message: "请选择主办者性质（个人或单位）。" }),
  name: required(100, "主办者名称"),
  certificateType: text(64),
  certificateNumber: text(64),
});

const ZEmergencyContact = z.strictObject({
  name: required(50, "24 小时应急联系人姓名"),
  mobile: text(32),
  qq: text(20),
});

const fields = {
  siteName: required(100, "网站名称"),
  domain: text(255),
  icpNumber: text(40),
  holder: ZHolder,
  emergencyContact: ZEmergencyContact,
};

export type TSpecialWebsiteInput = z.infer<z.ZodObject<typeof fields>>;

const toProblem = (f: Finding): TProblemFieldError => ({ path: f.path, code: f.code, message: f.message });

/**
 * The rules' checks on a record (R-FORM-7): the website ICP number (NUM-1/NUM-2), the domain
 * (DOM-1), the emergency mobile (SUB-7), the QQ and the holder's certificate (ID-1…ID-4). The
 * web form shows these live; the server refuses a record that has any.
 */
export function specialWebsiteProblems(input: Partial<TSpecialWebsiteInput>): TProblemFieldError[] {
  const problems: TProblemFieldError[] = [];
  const icp = parseIcpNumber(input.icpNumber ?? "", { path: "icpNumber" });
  problems.push(...icp.findings.filter((f) => f.severity === "error").map(toProblem));
  if (icp.ok && icp.kind === "filing" && icp.site === null) {
    problems.push({
      path: "icpNumber",
      code: "ICP_NUMBER_NOT_WEBSITE",
      message: "请填写网站备案号（主体备案号后带“-序号”），例如 京ICP备12345678号-1。",
    });
  }
  problems.push(...checkDomain(input.domain ?? "", { path: "domain" }).findings.filter((f) => f.severity === "error").map(toProblem));
  problems.push(...checkMobile(input.emergencyContact?.mobile ?? "", "emergencyContact.mobile").findings.map(toProblem));
  const qq = (input.emergencyContact?.qq ?? "").normalize("NFKC").trim();
  if (!QQ.test(qq)) {
    problems.push({
      path: "emergencyContact.qq",
      code: qq === "" ? "QQ_REQUIRED" : "QQ_INVALID",
      message: qq === "" ? "请填写 24 小时应急联系人的 QQ 号码。" : "QQ 号码应为 5–12 位数字，且不以 0 开头。",
    });
  }
  problems.push(...holderProblems(input.holder));
  return problems;
}

function holderProblems(holder: Partial<TSpecialWebsiteInput["holder"]> | undefined): TProblemFieldError[] {
  const type = holder?.certificateType ?? "";
  if (!isCertificateType(type)) {
    return [{ path: "holder.certificateType", code: "CERT_TYPE_NOT_ALLOWED", message: "请选择主办者的证件类型。" }];
  }
  const wanted = holder?.type === "personal" ? "person" : "organisation";
  if (holder?.type && CERTIFICATE_TYPES[type].holder !== wanted) {
    const message = holder.type === "personal" ? "个人主办者请选择个人证件（如居民身份证）。" : "单位主办者请选择单位证件（如营业执照）。";
    return [{ path: "holder.certificateType", code: "CERT_TYPE_NOT_ALLOWED", message }];
  }
  return checkCertificateNumber(type, holder?.certificateNumber ?? "", { path: "holder.certificateNumber" })
    .findings.filter((f) => f.severity === "error")
    .map(toProblem);
}

const withRuleChecks = (value: Partial<TSpecialWebsiteInput>, ctx: z.RefinementCtx) => {
  for (const p of specialWebsiteProblems(value)) {
    ctx.addIssue({ code: "custom", path: p.path.split("."), message: p.message, params: { code: p.code } });
  }
};

export const ZSpecialWebsiteInput = z.strictObject(fields).superRefine(withRuleChecks);
/** An edit replaces the whole record at the version the applicant read. */
export const ZUpdateSpecialWebsiteRequest = z
  .strictObject({ ...fields, expectedVersion: z.number().int().min(1) })
  .superRefine(withRuleChecks);

export const ZSpecialWebsiteDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  label: z.string(),
  originalName: z.string(),
  storedBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  uploadedAt: z.string(),
});

export const ZSpecialWebsite = z.object({
  id: z.string(),
  version: z.number().int(),
  siteName: z.string(),
  domain: z.string(),
  icpNumber: z.string(),
  holder: ZHolder,
  emergencyContact: ZEmergencyContact,
  documents: z.array(ZSpecialWebsiteDocument),
  /** Which of the two documents are still missing (R-FORM-7). */
  missingDocuments: z.array(z.enum(DOCUMENT_KINDS)),
  status: z.enum(["pending", "accepted", "returned"]),
  statusLabel: z.string(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZSpecialWebsiteList = z.object({ items: z.array(ZSpecialWebsite) });

export const ZSpecialWebsiteReviewRequest = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    decision: z.enum(["accepted", "returned"], { message: "请选择审核结果。" }),
    reason: text(500).trim().optional(),
  })
  .refine((r) => r.decision !== "returned" || (r.reason ?? "") !== "", {
    path: ["reason"],
    message: "退回时请写明原因，告诉主办者需要补充或修改什么。",
    params: { code: "RETURN_REASON_REQUIRED" },
  });

export const ZSpecialWebsiteDocumentParams = z.object({ id: z.string().max(64), kind: z.enum(DOCUMENT_KINDS, { message: "没有这种资料。" }) });

export type TSpecialWebsite = z.infer<typeof ZSpecialWebsite>;
export type TSpecialWebsiteDocument = z.infer<typeof ZSpecialWebsiteDocument>;
export type TUpdateSpecialWebsiteRequest = z.infer<typeof ZUpdateSpecialWebsiteRequest>;
export type TSpecialWebsiteReviewRequest = z.infer<typeof ZSpecialWebsiteReviewRequest>;
