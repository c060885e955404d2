import { z } from "zod";
import { VERIFICATION_METHODS, ZFilingStatus, ZFilingSummary, ZFilingType, ZReturnReason } from "./filings.js";

/** The provider's side of the filing (R-REV-1…4): the queue, decisions and verification. */

const text = (max: number) => z.string().trim().max(max, { message: `最多 ${max} 个字符。` });

/** How the working-day deadline of an item stands (R-REV-3). */
export const SLA_STATES = ["overdue", "due_today", "on_time", "none"] as const;
export const ZSlaState = z.enum(SLA_STATES);

export const ZQueueQuery = z.strictObject({
  /** One status or several, comma-separated; by default the items waiting for a reviewer. */
  status: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
      for (const p of parts) {
        if (!ZFilingStatus.safeParse(p).success) {
          ctx.addIssue({ code: "custom", message: `未知的状态：${p}` });
          return z.NEVER;
        }
      }
      return parts as z.infer<typeof ZFilingStatus>[];
    }),
  province: text(20).optional(),
  type: ZFilingType.optional(),
  subjectType: text(20).optional(),
  sla: ZSlaState.optional(),
  /** Subject name (prefix), a domain, or a certificate number (exact). */
  q: text(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

/** A filing as the queue lists it: the summary, masked, with its deadline and findings. */
export const ZQueueItem = ZFilingSummary.extend({
  /** Masked when the subject is a person (personal data in lists). */
  subjectName: z.string().nullable(),
  subjectType: z.string().nullable(),
  province: z.string().nullable(),
  reviewDueAt: z.string().nullable(),
  sla: ZSlaState,
  /** The applicant uploaded a curtain photo that waits for the reviewer. */
  photoWaiting: z.boolean(),
  findings: z.object({ error: z.number().int(), warning: z.number().int(), review: z.number().int() }),
});
export type TQueueItem = z.infer<typeof ZQueueItem>;

export const ZQueuePage = z.object({
  items: z.array(ZQueueItem),
  /** Matches, counted up to 1 000; `totalCapped` says there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZDecisionRequest = z.strictObject({ expectedVersion: z.number().int().min(1) });
export const ZReturnRequest = z.strictObject({
  expectedVersion: z.number().int().min(1),
  reasons: z.array(ZReturnReason).min(1, { message: "请至少写明一条原因。" }).max(30),
});

export const ZVerificationChoice = z.strictObject({
  expectedVersion: z.number().int().min(1),
  method: z.enum(VERIFICATION_METHODS),
  /** Curtain by post: where to send it (mainland only); absent when the applicant has one. */
  mailing: z
    .strictObject({
      recipient: text(50).min(1, { message: "请填写收件人。" }),
      mobile: text(32).min(1, { message: "请填写收件人手机号码。" }),
      provinceCode: text(12),
      cityCode: text(12),
      districtCode: text(12),
      detail: text(200).min(4, { message: "请填写详细地址。" }),
    })
    .optional(),
});

export const ZMailingRecord = z.strictObject({
  expectedVersion: z.number().int().min(1),
  trackingNumber: text(40).min(4, { message: "请填写快递单号。" }),
  mailedAt: z.iso.datetime({ offset: true, message: "请填写寄出时间。" }),
});

export const ZOnSiteRecord = z.strictObject({
  expectedVersion: z.number().int().min(1),
  /** Which originals were checked, e.g. 身份证原件, 营业执照原件. */
  originalsChecked: z.array(text(50).min(1)).min(1, { message: "请填写核验了哪些原件。" }).max(20),
  checkedAt: z.iso.datetime({ offset: true }),
  place: text(200).min(2, { message: "请填写核验地点。" }),
});

/** A return reason reviewers pick from (R-REV-1), attached to the form field it concerns. */
export const ZReasonTemplate = z.object({
  id: z.string(),
  code: z.string(),
  /** Form path ("websites.0.name"); null when the reason concerns the filing as a whole. */
  path: z.string().nullable(),
  message: z.string(),
  /** Reviewers see the templates in this order; kept when an admin edits one. */
  position: z.number().int(),
});
export type TReasonTemplate = z.infer<typeof ZReasonTemplate>;
export const ZReasonTemplateList = z.object({ items: z.array(ZReasonTemplate) });

export const ZReasonTemplateCode = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,47}$/, { message: "代码由大写字母、数字和下划线组成。" }) });
export const ZReasonTemplateSave = z.strictObject({
  path: z.string().trim().max(120).optional(),
  message: z.string().trim().min(4, { message: "请写明原因，至少 4 个字。" }).max(500),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TReasonTemplateSave = z.infer<typeof ZReasonTemplateSave>;
