import type { TFiling, TReturnReason, TVerificationView } from "@beian/contracts";
import { nextStep, type FilingStatus } from "@beian/rules";
import type { FilingRow } from "../../db/schema.js";

/**
 * The lifecycle fields a filing keeps next to its status (the `lifecycle` jsonb column), and how
 * applicants and reviewers see them.
 */
export interface LifecycleFields {
  verificationPassed?: boolean;
  icpNumber?: string;
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

export const lifecycleOf = (row: FilingRow): LifecycleFields => (row.lifecycle ?? {}) as LifecycleFields;

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

/** The lifecycle part of the filing view: returns, verification, next step, deadline, ICP number. */
export function lifecycleView(row: FilingRow): Pick<TFiling, "returns" | "verification" | "nextStep" | "reviewDueAt" | "icpNumber"> {
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
  };
}
