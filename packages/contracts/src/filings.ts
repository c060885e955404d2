import { FILING_STATUSES, FILING_TYPES, type FilingStatus, type FilingType } from "@beian/rules";
import { z } from "zod";

/**
 * The filing form as the API carries it. It mirrors `FilingInput` of @beian/rules (field for
 * field, same names); drafts are saved as typed, so every field is optional here and only
 * bounded in size and type. Completeness and correctness are judged on submit by the rules
 * (preReview), whose findings point at these same paths.
 */
const text = (max: number) => z.string().max(max, { message: `最多 ${max} 个字符。` });
const code = text(64);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { message: `最多 ${max} 项。` });

export const ZCertificateForm = z.strictObject({
  type: code.optional(),
  number: text(64).optional(),
  validUntil: text(16).optional(),
});

export const ZPersonForm = z.strictObject({
  name: text(50).optional(),
  certificate: ZCertificateForm.optional(),
  mobile: text(32).optional(),
  mobile2: text(32).optional(),
  email: text(254).optional(),
  officePhone: text(32).optional(),
  qq: text(20).optional(),
});

export const ZAddressForm = z.strictObject({
  provinceCode: code.optional(),
  cityCode: code.optional(),
  districtCode: code.optional(),
  detail: text(200).optional(),
});

export const ZSubjectForm = z.strictObject({
  type: code.optional(),
  name: text(100).optional(),
  certificate: ZCertificateForm.extend({ domicile: text(200).optional() }).optional(),
  investor: text(100).optional(),
  address: ZAddressForm.optional(),
  principal: ZPersonForm.optional(),
  legalRepresentativeName: text(50).optional(),
  emergencyContact: z.strictObject({ name: text(50).optional(), mobile: text(32).optional(), qq: text(20).optional() }).optional(),
  renamed: z.boolean().optional(),
  filedBy: z.enum(["self", "agent"]).optional(),
  remark: text(500).optional(),
  icpNumber: text(40).optional(),
});

export const ZWebsiteForm = z.strictObject({
  name: text(100).optional(),
  domains: list(text(255), 20).optional(),
  homeUrl: text(500).optional(),
  serviceContent: code.optional(),
  languages: list(code, 20).optional(),
  preApprovals: list(
    z.strictObject({ category: code.optional(), permitNumber: text(64).optional(), documentId: text(64).optional() }),
    10,
  ).optional(),
  commercial: z.boolean().optional(),
  commercialLicenceNumber: text(40).optional(),
  ips: list(text(45), 20).optional(),
  accessMethod: code.optional(),
  serverLocation: text(100).optional(),
  remark: text(500).optional(),
  principal: ZPersonForm.optional(),
  domainCertificates: list(
    z.strictObject({
      domain: text(255).optional(),
      registrantName: text(100).optional(),
      registrantCertNumber: text(64).optional(),
      expiresAt: text(32).optional(),
      verifiedAt: text(32).optional(),
    }),
    20,
  ).optional(),
  icpNumber: text(40).optional(),
});

export const ZFilingForm = z.strictObject({
  province: code.optional(),
  subject: ZSubjectForm.optional(),
  // WF-2: at most 10 websites per application.
  websites: list(ZWebsiteForm, 10).optional(),
  access: z.strictObject({ icpNumber: text(40).optional(), filingPassword: text(64).optional() }).optional(),
  verificationFormSignedAt: text(32).optional(),
  cancellation: z.strictObject({ reason: text(500).optional() }).optional(),
});

export type TFilingForm = z.infer<typeof ZFilingForm>;

// The filing types are the rules' own (R-PRE-2); the API only names them.
export const FILING_TYPE_VALUES = Object.keys(FILING_TYPES) as [FilingType, ...FilingType[]];
export const FILING_STATUS_VALUES = Object.keys(FILING_STATUSES) as [FilingStatus, ...FilingStatus[]];

export const ZFilingType = z.enum(FILING_TYPE_VALUES, { message: "请选择备案类型。" });
export const ZFilingStatus = z.enum(FILING_STATUS_VALUES);

export const ZCreateFilingRequest = z.strictObject({ type: ZFilingType, form: ZFilingForm.optional() });
export const ZUpdateFilingRequest = z.strictObject({
  expectedVersion: z.number().int().min(1),
  form: ZFilingForm,
});
export const ZVersionRequest = z.strictObject({ expectedVersion: z.number().int().min(1) });
/** WF-4: the applicant withdraws (撤回) the filing, optionally saying why (shown in the timeline). */
export const ZWithdrawRequest = ZVersionRequest.extend({ reason: z.string().trim().max(200, { message: "最多 200 个字符。" }).optional() });

export const ZFindingView = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "review"]),
  path: z.string(),
  message: z.string(),
  ruleId: z.string(),
});

export const ZMaterialView = z.object({
  id: z.string(),
  kind: z.string(),
  /** The part of the filing it belongs to, as the checklist names it; null for the whole filing. */
  path: z.string().nullable(),
  originalName: z.string(),
  originalBytes: z.number().int(),
  storedBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});

export const ZTimelineEntry = z.object({
  at: z.string(),
  actorRole: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ZFilingSummary = z.object({
  id: z.string(),
  type: ZFilingType,
  status: ZFilingStatus,
  /** The stage as the applicant sees it (R-ST-1), e.g. 待接入商审核. */
  stage: z.string(),
  version: z.number().int(),
  subjectName: z.string().nullable(),
  domains: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});

const reasonText = (max: number) => z.string().trim().max(max, { message: `最多 ${max} 个字符。` });

export const ZReturnReason = z.strictObject({
  /** The form field the reason concerns ("websites.0.name"), so the applicant sees it in place. */
  path: reasonText(120).optional(),
  code: reasonText(64).default("OTHER"),
  message: reasonText(500).min(1, { message: "请写明原因。" }),
});
export type TReturnReason = z.infer<typeof ZReturnReason>;


/** R-REV-2: how the website principal's face-to-face verification happens. */
export const VERIFICATION_METHODS = ["curtain_photo", "on_site"] as const;

export const ZVerificationView = z.object({
  method: z.enum(VERIFICATION_METHODS).nullable(),
  mailing: z
    .object({
      recipient: z.string(),
      mobile: z.string(),
      address: z.string(),
      trackingNumber: z.string().nullable(),
      mailedAt: z.string().nullable(),
    })
    .nullable(),
  onSite: z.object({ originalsChecked: z.array(z.string()), checkedAt: z.string(), place: z.string(), checkedBy: z.string() }).nullable(),
  passed: z.boolean(),
});
export type TVerificationView = z.infer<typeof ZVerificationView>;

export const ZFiling = ZFilingSummary.extend({
  form: ZFilingForm,
  materials: z.array(ZMaterialView),
  findings: z.array(ZFindingView),
  timeline: z.array(ZTimelineEntry),
  /** Every return so far, newest last; each reason names the field it concerns. */
  returns: z.array(z.object({ at: z.string(), by: z.enum(["provider", "photo", "bureau"]), reasons: z.array(ZReturnReason) })),
  verification: ZVerificationView,
  /** R-ST-1: what the applicant must do next, or whose turn it is. */
  nextStep: z.object({ actor: z.enum(["applicant", "provider", "bureau", "none"]), text: z.string() }),
  reviewDueAt: z.string().nullable(),
  icpNumber: z.string().nullable(),
  websiteIcpNumbers: z.array(z.object({ name: z.string(), domain: z.string(), icpNumber: z.string() })),
  /** R-SMS-1…9: while 待短信核验, who gets a code, from which numbers, where to enter it, until when. */
  sms: z
    .object({
      recipients: z.array(z.object({ mobile: z.string(), roles: z.array(z.string()) })),
      senders: z.array(z.object({ carrier: z.string(), number: z.string() })),
      verificationUrl: z.string().nullable(),
      sentAt: z.string(),
      resendAt: z.string(),
      expiresAt: z.string(),
    })
    .nullable(),
});

export const ZFilingList = z.object({ items: z.array(ZFilingSummary) });

export type TFiling = z.infer<typeof ZFiling>;
export type TFilingSummary = z.infer<typeof ZFilingSummary>;
export type TMaterialView = z.infer<typeof ZMaterialView>;

export const ZPrecheckQuery = z
  .strictObject({
    domain: text(255).optional(),
    certType: code.optional(),
    certNumber: text(64).optional(),
  })
  .refine((q) => Boolean(q.domain) !== Boolean(q.certNumber), { message: "请输入要查询的域名，或证件号码（二选一）。" });

export const ZPrecheckResult = z.object({
  query: z.object({ kind: z.enum(["domain", "certificate"]), value: z.string() }),
  filed: z.boolean(),
  records: z.array(
    z.object({
      subjectName: z.string(),
      subjectNature: z.string(),
      subjectIcpNumber: z.string(),
      siteName: z.string(),
      siteIcpNumber: z.string(),
      domain: z.string(),
      approvedAt: z.string(),
    }),
  ),
  suggestion: z.object({ type: ZFilingType, reason: z.string() }),
});
export type TPrecheckResult = z.infer<typeof ZPrecheckResult>;

export const ZChecklist = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      reason: z.string(),
      ruleId: z.string(),
      path: z.string().nullable(),
      /** Needed to submit, or later at the verification stage (photo, signed 核验单). */
      stage: z.enum(["submission", "verification"]),
      present: z.boolean(),
    }),
  ),
});
export type TChecklist = z.infer<typeof ZChecklist>;
