/**
 * Describes each policy key for admins and for validating overrides: the rule it serves, a
 * Chinese title for the settings page, and a structural check of its value. Hand-written
 * checks keep this package free of a schema library; contracts may mirror them with zod.
 */
import { isPreApprovalCategory } from "../sites/pre-approval-categories.js";
import type { PolicyKey } from "./policy-types.js";

type Check = (v: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const bool: Check = (v) => typeof v === "boolean";
const str: Check = (v) => typeof v === "string";
const int =
  (min: number, max: number): Check =>
  (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const nullable =
  (c: Check): Check =>
  (v) => v === null || c(v);
const oneOf =
  (...values: string[]): Check =>
  (v) => typeof v === "string" && values.includes(v);
const arrayOf =
  (c: Check): Check =>
  (v) => Array.isArray(v) && v.every(c);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isRecord(v) &&
    Object.keys(v).every((k) => k in fields) &&
    Object.entries(fields).every(([k, c]) => c(v[k]));
const regexSource: Check = (v) => {
  if (typeof v !== "string" || v.length > 200) return false;
  try {
    new RegExp(v, "u");
    return true;
  } catch {
    return false;
  }
};
const isoDate: Check = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

export interface PolicyField {
  ruleId: string;
  title: string;
  check: Check;
}

export const POLICY_FIELDS: Record<PolicyKey, PolicyField> = {
  smsVerification: {
    ruleId: "R-SMS-7",
    title: "短信核验：试点省份与核验网址",
    check: shape({ pilot: bool, url: (v) => typeof v === "string" && /^https?:\/\/\S+$/.test(v) }),
  },
  nonLocalIndividuals: {
    ruleId: "SUB-5",
    title: "外省个人备案",
    check: shape({ mode: oneOf("allowed", "refused", "residence_permit"), acceptedProofs: arrayOf(str) }),
  },
  minimumAge: {
    ruleId: "ID-7",
    title: "个人备案年龄要求",
    check: shape({ refusedBelow: int(0, 100), proofOfIncomeBelow: nullable(int(0, 100)) }),
  },
  temporaryIdCard: { ruleId: "ID-6", title: "是否接受临时身份证", check: oneOf("accepted", "refused") },
  certificateValidity: {
    ruleId: "ID-5",
    title: "证件剩余有效期（月）",
    check: shape({
      idCardMonths: int(0, 60),
      organisationMonths: int(0, 60),
      residencePermitMonths: int(0, 60),
      severity: oneOf("warning", "error"),
    }),
  },
  authorizationLetter: { ruleId: "SUB-3", title: "网站备案授权书", check: shape({ namedExplicitly: bool }) },
  localMobile: { ruleId: "SUB-7", title: "须使用本省手机号", check: bool },
  domainMinRemainingDays: { ruleId: "DOM-4", title: "域名剩余注册天数下限", check: int(0, 3650) },
  domainCertificate: {
    ruleId: "DOM-6",
    title: "域名证书要求",
    check: shape({
      fromDomainCount: int(1, 1000),
      personalFromDomainCount: nullable(int(1, 1000)),
      personalConstructionPlanAbove: nullable(int(0, 1000)),
    }),
  },
  oneDomainPerWebsite: { ruleId: "DOM-7", title: "每个网站只能一个域名", check: bool },
  oneWebsitePerApplication: { ruleId: "DOM-7", title: "每次申请只能一个网站", check: bool },
  personalSiteNamePattern: {
    ruleId: "NAME-4",
    title: "个人网站名称格式",
    check: nullable(shape({ pattern: regexSource, example: str })),
  },
  siteNameForbiddenWords: { ruleId: "NAME-5", title: "网站名称禁用词", check: arrayOf(str) },
  siteNameApprovalWords: {
    ruleId: "NAME-5",
    title: "网站名称需前置审批的词",
    check: arrayOf(shape({ word: str, category: isPreApprovalCategory })),
  },
  personalRemarkDisclaimer: { ruleId: "NAME-6", title: "个人网站备注固定声明", check: nullable(str) },
  financeWordsRequireLegalRep: { ruleId: "PRE-3", title: "需法定代表人任网站负责人的金融词", check: arrayOf(str) },
  legacyPreApprovals: { ruleId: "PRE-1", title: "仍要求的已取消前置审批", check: arrayOf(isPreApprovalCategory) },
  commitmentLetter: {
    ruleId: "MAT-2",
    title: "省份备案承诺书",
    check: nullable(shape({ title: str, since: nullable(isoDate) })),
  },
  formVariant: { ruleId: "FORM-1", title: "核验单版本", check: oneOf("national", "guangdong") },
  fingerprint: { ruleId: "FORM-1", title: "个人核验单按手印", check: shape({ personal: bool, atSignature: bool }) },
  verificationFormPerDomain: { ruleId: "FORM-2", title: "每个域名一份核验单", check: bool },
  verificationFormMaxAgeMonths: { ruleId: "FORM-1", title: "核验单日期有效月数", check: nullable(int(1, 24)) },
  photoSlogan: { ruleId: "MAT-4", title: "幕布照须露出的标语", check: nullable(str) },
};
