/**
 * `transition(filing, event, ctx)`: the pure step of the filing lifecycle. Guards answer with
 * findings; a successful step gives the next status, field updates and the effects to
 * schedule. Time comes from ctx.now only.
 */
import { report } from "../catalog.js";
import { smsSchedule } from "../calendar/sms-clock.js";
import { addWorkingDays } from "../calendar/working-days.js";
import { hasNoErrors, type Finding } from "../finding.js";
import type { FilingInput, FilingType } from "../filing/types.js";
import { parseIcpNumber } from "../icp-number.js";
import { isProvinceKey } from "../provinces/identity.js";
import { DEFAULT_POLICIES } from "../provinces/policies.js";
import type { ProvincePolicies } from "../provinces/policy-types.js";
import { SMS_SENDER_NUMBERS } from "../provinces/sms-portals.js";
import { preReview, type PreReviewContext } from "../pre-review.js";
import { workflowLimits, type WorkflowLimits } from "../workflow/limits.js";
import { ALL_JOBS, type BureauMessage, type Effect, type JobName, type NotificationTemplate } from "./effects.js";
import { EVENT_RULES, FILING_STATUSES, stageName, type FilingEvent, type FilingStatus, type Role } from "./states.js";

/** The lifecycle fields the server stores next to the filing. */
export interface LifecycleState {
  status: FilingStatus;
  /** The photo or on-site verification passed (R-REV-3, R-REV-4). */
  verificationPassed?: boolean;
  /** Failed SMS verification attempts in the current round. */
  smsFailedAttempts?: number;
  /** Last change by applicant or reviewer, ISO instant (WF-4). */
  lastActivityAt?: string;
  icpNumber?: string;
}

export interface LifecycleFiling extends LifecycleState {
  /** The filing's content: needed to submit (pre-review) and to submit to the bureau. */
  input?: FilingInput;
}

export interface TransitionContext {
  now: Date;
  role: Role;
  policies?: Readonly<ProvincePolicies>;
  limits?: Partial<WorkflowLimits>;
  /** Server facts for the pre-review on submit (SUB-6, WF-1, WF-2). */
  preReview?: Omit<PreReviewContext, "now" | "limits">;
}

export type TransitionResult =
  | { ok: true; next: FilingStatus; updates: Partial<LifecycleState>; effects: Effect[]; findings: Finding[] }
  | { ok: false; findings: Finding[] };

const MESSAGES: Record<FilingType, BureauMessage> = {
  first: "XZBA",
  new_site: "XZWZ",
  new_access: "XZJR",
  change: "BGBA",
  cancel_site: "ZXBA",
  cancel_subject: "ZXBA",
  cancel_access: "ZXBA",
};

/** R-PRE-2 / R-SMS-1: SMS verification follows new, access and change filings. */
export function smsRequired(type: FilingType | undefined): boolean {
  return type === "first" || type === "new_site" || type === "new_access" || type === "change";
}

const notify = (template: NotificationTemplate, to: "applicant" | "reviewers", data?: Record<string, unknown>, sms = false): Effect => ({
  type: "notify",
  template,
  to,
  channels: sms ? ["email", "sms"] : ["email"],
  ...(data ? { data } : {}),
});
const schedule = (job: JobName, at: Date): Effect => ({ type: "schedule", job, at: at.toISOString() });
const cancel = (...jobs: JobName[]): Effect[] => jobs.map((job) => ({ type: "cancel", job }));
const fail = (findings: Finding[]): TransitionResult => ({ ok: false, findings });

export function transition(filing: LifecycleFiling, event: FilingEvent, ctx: TransitionContext): TransitionResult {
  const status = filing?.status;
  const type = event?.type;
  const rule = type ? EVENT_RULES[type] : undefined;
  if (!rule || !status || !(status in FILING_STATUSES)) {
    return fail([report("TRANSITION_NOT_ALLOWED", "status", "无法识别的操作或状态。")]);
  }
  if (!rule.from.includes(status)) {
    return fail([report("TRANSITION_NOT_ALLOWED", "status", `备案当前为“${stageName(status)}”，不能${rule.label}。`)]);
  }
  if (!rule.roles.includes(ctx.role)) {
    return fail([report("TRANSITION_ROLE_NOT_ALLOWED", "status", `当前账号无权${rule.label}。`)]);
  }
  const now = ctx.now;
  const limits = workflowLimits(ctx.limits);
  const policies = ctx.policies ?? DEFAULT_POLICIES;
  const touched = { lastActivityAt: now.toISOString() };
  const ok = (next: FilingStatus, effects: Effect[], updates: Partial<LifecycleState> = {}, findings: Finding[] = []): TransitionResult => ({
    ok: true,
    next,
    updates,
    effects,
    findings,
  });
  const expiry = (): Effect => schedule("filing_expiry", new Date(now.getTime() + limits.untouchedExpiryDays * 86_400_000));

  switch (event.type) {
    case "submit": {
      // R-REV-1: the automatic pre-review runs first; errors block the submission.
      if (!filing.input) return fail([report("TRANSITION_NOT_ALLOWED", "", "缺少备案内容，无法提交。")]);
      const findings = preReview(filing.input, policies, { ...ctx.preReview, now, limits });
      if (!hasNoErrors(findings)) return fail(findings);
      const due = addWorkingDays(now, limits.initialReviewWorkingDays);
      return ok(
        "submitted",
        [notify("filing_submitted", "applicant"), notify("filing_submitted", "reviewers"), schedule("initial_review_due", due.at), ...cancel("filing_expiry")],
        { ...touched, smsFailedAttempts: 0 },
        [...findings, ...due.findings],
      );
    }
    case "provider_approve":
      return ok("verifying", [notify("initial_review_passed", "applicant"), ...cancel("initial_review_due")], touched);
    case "provider_return":
    case "photo_rejected": {
      const reasons = Array.isArray(event.reasons) ? event.reasons.filter((r) => typeof r?.message === "string" && r.message.trim() !== "") : [];
      if (reasons.length === 0) return fail([report("RETURN_REASON_REQUIRED", "reasons", "请至少写明一条原因，告诉主办者需要修改什么。")]);
      if (event.type === "photo_rejected") {
        return ok("verifying", [notify("photo_rejected", "applicant", { reasons }, true), ...cancel("photo_review_due")], touched);
      }
      return ok(
        "returned_by_provider",
        [notify("returned_by_provider", "applicant", { reasons }), ...cancel("initial_review_due", "photo_review_due"), expiry()],
        { ...touched, verificationPassed: false },
      );
    }
    case "photo_uploaded": {
      // R-REV-3: the provider reviews a photo within 2 working days.
      const due = addWorkingDays(now, limits.photoReviewWorkingDays);
      return ok("verifying", [notify("photo_uploaded", "reviewers"), schedule("photo_review_due", due.at)], touched, due.findings);
    }
    case "verification_passed":
      return ok("verifying", [notify("verification_passed", "applicant", { method: event.method }, true), ...cancel("photo_review_due")], {
        ...touched,
        verificationPassed: true,
      });
    case "submit_to_bureau": {
      const filingType = filing.input?.type;
      const cancellation = filingType !== undefined && !smsRequired(filingType);
      if (!filing.verificationPassed && !cancellation) {
        return fail([report("VERIFICATION_NOT_PASSED", "verificationPassed", "网站负责人的当面核验（幕布照或现场核验）尚未通过，不能提交管局。")]);
      }
      const upload: Effect = { type: "bureau_upload", message: MESSAGES[filingType ?? "first"] };
      if (!smsRequired(filingType ?? "first")) {
        return ok("bureau_review", [upload, notify("submitted_to_bureau", "applicant"), ...cancel("initial_review_due")], touched);
      }
      // R-SMS-4 / R-SMS-5: code about 5 minutes later, noon resend next day, 48 h validity.
      const sms = smsSchedule(now, limits.smsValidityHours);
      const province = filing.input?.province;
      const page = province && isProvinceKey(province) ? policies[province].rules.smsVerification.value.url : undefined;
      return ok(
        "sms_pending",
        [
          upload,
          notify("sms_code_sent", "applicant", { verificationUrl: page, senders: SMS_SENDER_NUMBERS, expiresAt: sms.expiresAt.toISOString() }, true),
          schedule("sms_resend_reminder", sms.resendAt),
          schedule("sms_expiry", sms.expiresAt),
          ...cancel("initial_review_due"),
        ],
        { smsFailedAttempts: 0 },
      );
    }
    case "sms_verified":
      return ok("bureau_review", [notify("sms_verified", "applicant"), ...cancel("sms_resend_reminder", "sms_expiry")]);
    case "sms_failed": {
      const attempts = (filing.smsFailedAttempts ?? 0) + 1;
      if (attempts < limits.smsMaxFailedAttempts) return ok("sms_pending", [], { smsFailedAttempts: attempts });
      return returnedToProvider(attempts, "failed");
    }
    case "sms_expired":
      return returnedToProvider(filing.smsFailedAttempts ?? 0, "expired");
    case "bureau_approve": {
      const number = parseIcpNumber(event.icpNumber, { path: "icpNumber" });
      if (!number.ok) return fail(number.findings);
      return ok("approved", [notify("filing_approved", "applicant", { icpNumber: event.icpNumber }, true), ...cancel(...ALL_JOBS)], {
        icpNumber: typeof event.icpNumber === "string" ? event.icpNumber.trim() : "",
      });
    }
    case "bureau_return": {
      if (typeof event.reason !== "string" || event.reason.trim() === "") {
        return fail([report("RETURN_REASON_REQUIRED", "reason", "管局退回须附带退回原因。")]);
      }
      return ok(
        "returned_by_bureau",
        [notify("returned_by_bureau", "applicant", { reason: event.reason }, true), ...cancel("sms_resend_reminder", "sms_expiry"), expiry()],
        { ...touched, verificationPassed: false },
      );
    }
    case "withdraw":
      // WF-4: the applicant is told it happened (someone else may hold the session); reviewers
      // only when it had reached them — a draft is the applicant's private work.
      return ok(
        "withdrawn",
        [notify("filing_withdrawn", "applicant"), ...(status === "draft" ? [] : [notify("filing_withdrawn", "reviewers")]), ...cancel(...ALL_JOBS)],
        touched,
      );
    case "expire": {
      // WF-4: only orders untouched for the whole period expire (a late job must not close an active one).
      const last = filing.lastActivityAt ? Date.parse(filing.lastActivityAt) : Number.NaN;
      if (!Number.isNaN(last) && now.getTime() - last < limits.untouchedExpiryDays * 86_400_000) {
        return fail([report("FILING_NOT_STALE", "lastActivityAt", `申请在 ${limits.untouchedExpiryDays} 天内有过操作，暂不关闭。`)]);
      }
      return ok("expired", [notify("filing_expired", "applicant"), ...cancel(...ALL_JOBS)]);
    }
  }

  // R-SMS-5: not verified in 48 h, or failed: back to the provider, who submits again.
  function returnedToProvider(attempts: number, why: "failed" | "expired"): TransitionResult {
    return ok(
      "submitted",
      [
        notify("sms_returned_to_provider", "applicant", { why, attempts }, true),
        notify("sms_returned_to_provider", "reviewers", { why, attempts }),
        ...cancel("sms_resend_reminder", "sms_expiry"),
      ],
      { smsFailedAttempts: attempts },
    );
  }
}

/** Effects when a draft is created: WF-4 expiry of an untouched order. */
export function onFilingCreated(now: Date, limits: Partial<WorkflowLimits> = {}): Effect[] {
  return [schedule("filing_expiry", new Date(now.getTime() + workflowLimits(limits).untouchedExpiryDays * 86_400_000))];
}
