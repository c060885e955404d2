import type { TFiling, TReturnReason, TVerificationView } from "@beian/contracts";
import {
  isProvinceKey,
  maskMobile,
  nextStep,
  SMS_SENDER_NUMBERS,
  smsRecipientsOf,
  smsSchedule,
  type FilingInput,
  type FilingStatus,
  type ProvincePolicies,
} from "@beian/rules";
import type { FilingRow } from "../../db/schema.js";

/**
 * The lifecycle fields a filing keeps next to its status (the `lifecycle` jsonb column), and how
 * applicants and reviewers see them.
 */
export interface LifecycleFields {
  verificationPassed?: boolean;
  icpNumber?: string;
  websiteIcpNumbers?: { name: string; domain: string; icpNumber: string }[];
  /** When the reviewer last submitted to the bureau: the SMS clock starts then (R-SMS-4). */
  bureauSubmittedAt?: string;
  returns?: ReturnRecord[];
  verification?: Verification;
}

/** A return as the filing keeps it: the reasons, each at its field, and when and by whom. */
export interface ReturnRecord {
  at: string;
  by: "provider" | "photo" | "bureau";
  reasons: TReturnReason[];
}

/** Face-to-face verification (R-REV-2…4): the chosen method, the curtain's post, the on-site record. */
export interface Verification {
  method?: TVerificationView["method"];
  mailing?: { recipient: string; mobile: string; address: string; codes: string[]; trackingNumber: string | null; mailedAt: string | null };
  onSite?: { originalsChecked: string[]; checkedAt: string; place: string; checkedBy: string };
}

export const lifecycleOf = (row: FilingRow): LifecycleFields => (row.lifecycle ?? {});

export const returnsOf = (row: FilingRow): ReturnRecord[] => {
  const returns = lifecycleOf(row).returns;
  return Array.isArray(returns) ? returns : [];
};

/** Earlier returns stay with the filing (the reviewer sees the history; the applicant the latest). */
export const withReturn = (row: FilingRow, at: Date, by: ReturnRecord["by"], reasons: TReturnReason[]) => ({
  returns: [...returnsOf(row), { at: at.toISOString(), by, reasons }],
});

export const verificationOf = (row: FilingRow): Verification => lifecycleOf(row).verification ?? {};

export function verificationView(row: FilingRow): TVerificationView {
  const v = verificationOf(row);
  return {
    method: v.method ?? null,
    mailing: v.mailing
      ? { recipient: v.mailing.recipient, mobile: v.mailing.mobile, address: v.mailing.address, trackingNumber: v.mailing.trackingNumber, mailedAt: v.mailing.mailedAt }
      : null,
    onSite: v.onSite ?? null,
    passed: lifecycleOf(row).verificationPassed === true,
  };
}

export interface ViewContext {
  policies: ProvincePolicies;
  /** Link to the simulator's province pages instead of the real ones (BUREAU_PORTALS). */
  portalBase: string | null;
}

/**
 * The simulator serves each province page at the real URL's host label + path
 * (https://zj.beian.miit.gov.cn/state/… → /zj/state/…), see packages/bureau-sim.
 */
function portalUrl(real: string, base: string | null): string {
  if (!base) return real;
  const u = new URL(real);
  return `${base}/${u.hostname.split(".")[0]}${u.pathname}`;
}

function smsView(row: FilingRow, ctx: ViewContext): TFiling["sms"] {
  const sentAt = lifecycleOf(row).bureauSubmittedAt;
  if (row.status !== "sms_pending" || !sentAt) return null;
  const input = { ...(row.form as object), type: row.type } as FilingInput;
  const schedule = smsSchedule(new Date(sentAt));
  const province = input.province;
  return {
    // The owner sees their own numbers; masked anyway, the page is often shown on a shared screen.
    recipients: smsRecipientsOf(input).map((r) => ({ mobile: maskMobile(r.mobile), roles: r.roles })),
    senders: SMS_SENDER_NUMBERS.map((s) => ({ carrier: s.carrier, number: s.number })),
    verificationUrl: isProvinceKey(province) ? portalUrl(ctx.policies[province].rules.smsVerification.value.url, ctx.portalBase) : null,
    sentAt: schedule.sentAt.toISOString(),
    resendAt: schedule.resendAt.toISOString(),
    expiresAt: schedule.expiresAt.toISOString(),
  };
}

/** The lifecycle part of the filing view: returns, verification, next step, deadline, ICP number. */
export function lifecycleView(
  row: FilingRow,
  ctx: ViewContext,
): Pick<TFiling, "returns" | "verification" | "nextStep" | "reviewDueAt" | "icpNumber" | "websiteIcpNumbers" | "sms"> {
  const verification = verificationView(row);
  return {
    returns: returnsOf(row),
    verification,
    nextStep: nextStep({
      status: row.status as FilingStatus,
      verificationMethod: verification.method,
      photoWaiting: row.status === "verifying" && row.reviewDueAt !== null,
      verificationPassed: verification.passed,
    }),
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    icpNumber: lifecycleOf(row).icpNumber ?? null,
    websiteIcpNumbers: lifecycleOf(row).websiteIcpNumbers ?? [],
    sms: smsView(row, ctx),
  };
}
