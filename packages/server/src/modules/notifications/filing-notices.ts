import { SMS_SENDER_NUMBERS, workflowLimits, type Effect, type NotificationTemplate as EffectTemplate } from "@beian/rules";
import { and, inArray, isNull, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { users, type FilingRow } from "../../db/schema.js";
import { lifecycleOf, lifecycleView } from "../filings/lifecycle-view.js";
import { policiesInForce } from "../provinces/policies.js";
import { formatReasons } from "./field-names.js";
import { scheduleSmsReminders } from "./reminders.js";
import { notify } from "./service.js";
import { beijingTime, type TemplateKey } from "./templates.js";

type NotifyEffect = Extract<Effect, { type: "notify" }>;

/** What the applicant or the staff read, per lifecycle notice of the rules. */
interface Notice {
  template: TemplateKey;
  variables: Record<string, string>;
}

export const shortId = (id: string) => id.slice(0, 8);

const senderList = (senders: unknown): string => {
  const list = Array.isArray(senders) ? (senders as { carrier?: string; number?: string }[]) : SMS_SENDER_NUMBERS;
  return list.map((s) => `${s.carrier ?? ""} ${s.number ?? ""}`.trim()).join("、");
};

const METHODS: Record<string, string> = { photo: "幕布照片核验", on_site: "现场核验" };

/** An event's payload value as notice text; anything but a string or number prints as nothing. */
const textOf = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");

function smsReturnReason(data: Record<string, unknown> | undefined): string {
  if (data?.why === "failed") return `短信核验连续 ${textOf(data.attempts)} 次失败`.replace("  ", " ");
  return `未在 ${workflowLimits().smsValidityHours} 小时内完成短信核验`;
}

/**
 * Where the code goes (R-SMS-2, R-SMS-3: contact slot 1, one code per mobile, masked) and the
 * province page where it is entered (the simulator's when BUREAU_PORTALS=simulator).
 */
async function smsCodeFacts(tx: Tx, ctx: AppContext, row: FilingRow, effect: NotifyEffect): Promise<{ verificationUrl: string; recipients: string }> {
  const portalBase = ctx.config.bureauPortals === "simulator" ? ctx.config.bureauUrl : null;
  const view = lifecycleView(row, { policies: await policiesInForce(ctx, tx), portalBase }).sms;
  const fallback = typeof effect.data?.verificationUrl === "string" ? effect.data.verificationUrl : "https://beian.miit.gov.cn/";
  const recipients = view?.recipients.map((r) => `${r.mobile}（${r.roles.join("、")}）`).join("、");
  return { verificationUrl: view?.verificationUrl ?? fallback, recipients: recipients || "负责人的手机（联系方式 1）" };
}

async function applicantNotice(tx: Tx, ctx: AppContext, row: FilingRow, effect: NotifyEffect): Promise<Notice> {
  const subjectName = row.subjectName ?? "您";
  const data = effect.data;
  const template: EffectTemplate = effect.template;
  switch (template) {
    case "filing_submitted":
      return { template: "filing.submitted", variables: { subjectName, filingId: shortId(row.id) } };
    case "initial_review_passed":
      return { template: "filing.initial_review_passed", variables: { subjectName } };
    case "returned_by_provider":
      return { template: "filing.returned", variables: { subjectName, reasons: formatReasons((data?.reasons as { path?: string; message: string }[]) ?? []) } };
    case "photo_rejected":
      return { template: "filing.photo_rejected", variables: { subjectName, reasons: formatReasons((data?.reasons as { path?: string; message: string }[]) ?? []) } };
    case "verification_passed":
      return { template: "filing.verification_passed", variables: { subjectName, method: METHODS[String(data?.method)] ?? "当面核验" } };
    case "submitted_to_bureau":
      return { template: "filing.submitted_to_bureau", variables: { subjectName } };
    case "sms_code_sent": {
      const expiresAt = typeof data?.expiresAt === "string" ? new Date(data.expiresAt) : null;
      return {
        template: "filing.sms_code_expected",
        variables: {
          subjectName,
          ...(await smsCodeFacts(tx, ctx, row, effect)),
          senders: senderList(data?.senders),
          expiresAt: expiresAt ? beijingTime(expiresAt) : `${workflowLimits().smsValidityHours} 小时内`,
          hours: String(workflowLimits().smsValidityHours),
        },
      };
    }
    case "sms_verified":
      return { template: "filing.sms_verified", variables: { subjectName } };
    case "sms_returned_to_provider":
      return { template: "filing.sms_returned", variables: { subjectName, why: smsReturnReason(data) } };
    case "filing_approved":
      return { template: "filing.approved", variables: { subjectName, icpNumber: textOf(data?.icpNumber ?? lifecycleOf(row).icpNumber) } };
    case "returned_by_bureau":
      return { template: "filing.returned_by_bureau", variables: { subjectName, reason: textOf(data?.reason) } };
    case "filing_expired":
      return { template: "filing.expired", variables: { subjectName } };
    case "filing_withdrawn":
      return { template: "filing.withdrawn", variables: { subjectName, filingId: shortId(row.id) } };
    case "photo_uploaded":
      throw new Error(`notice ${template} is for staff`);
  }
}

function staffNotice(row: FilingRow, effect: NotifyEffect): Notice {
  const subjectName = row.subjectName ?? "（未填写）";
  const filingId = shortId(row.id);
  const dueAt = row.reviewDueAt ? beijingTime(row.reviewDueAt) : "规定时限";
  switch (effect.template) {
    case "filing_submitted":
      return { template: "review.filing_submitted", variables: { subjectName, filingId, dueAt } };
    case "photo_uploaded":
      return { template: "review.photo_uploaded", variables: { subjectName, filingId, dueAt } };
    case "sms_returned_to_provider":
      return { template: "review.sms_returned", variables: { subjectName, filingId, why: smsReturnReason(effect.data) } };
    case "filing_withdrawn":
      return { template: "review.filing_withdrawn", variables: { subjectName, filingId } };
    default:
      throw new Error(`no staff notice for ${effect.template}`);
  }
}

/** Reviewers are every reviewer and admin account that is not disabled. */
export async function activeStaff(tx: Tx) {
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["reviewer", "admin"]), isNull(users.disabledAt)));
}

/**
 * Turns a lifecycle "notify" effect into notices, in the state change's transaction: to the
 * applicant by email, SMS where the rules ask for it (R-REV-3 photo results, the SMS code, the
 * bureau's answer) and the in-app inbox; to every reviewer by email and inbox. The event key
 * holds the filing version the change produced, so each change notifies each person once.
 */
export async function notifyFilingEvent(tx: Tx, ctx: AppContext, row: FilingRow, effect: NotifyEffect): Promise<void> {
  const eventKey = `filing:${row.id}:v${row.version}:${effect.template}`;
  if (effect.to === "reviewers") {
    const notice = staffNotice(row, effect);
    for (const person of await activeStaff(tx)) {
      await notify(tx, ctx, { ...notice, eventKey: `${eventKey}:staff:${person.id}`, userId: person.id, email: person.email, inbox: true });
    }
    return;
  }
  const [owner] = await tx.select({ id: users.id, email: users.email, mobile: users.mobile }).from(users).where(eq(users.id, row.ownerId));
  if (!owner) return;
  const notice = await applicantNotice(tx, ctx, row, effect);
  await notify(tx, ctx, {
    ...notice,
    eventKey,
    userId: owner.id,
    email: owner.email,
    mobile: effect.channels.includes("sms") ? owner.mobile : null,
    inbox: true,
  });
  // R-SMS-5: the code is valid 48 h; remind 24 h and 4 h before it expires.
  if (effect.template === "sms_code_sent" && typeof effect.data?.expiresAt === "string") {
    await scheduleSmsReminders(tx, ctx, row, new Date(effect.data.expiresAt));
  }
}
