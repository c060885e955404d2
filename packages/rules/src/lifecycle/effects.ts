/**
 * Effects a transition asks for, as data: the server enqueues them in the same database
 * transaction as the state change (outbox) and runs them afterwards.
 */
export interface ReturnReason {
  path?: string;
  code: string;
  message: string;
}

export type NotificationTemplate =
  | "filing_submitted"
  | "initial_review_passed"
  | "returned_by_provider"
  | "photo_uploaded"
  | "photo_rejected"
  | "verification_passed"
  | "submitted_to_bureau"
  | "sms_code_sent"
  | "sms_verified"
  | "sms_returned_to_provider"
  | "filing_approved"
  | "returned_by_bureau"
  | "filing_withdrawn"
  | "filing_expired";

export type JobName =
  | "initial_review_due" // WF-3
  | "photo_review_due" // WF-3, R-REV-3
  | "sms_resend_reminder" // R-SMS-4
  | "sms_expiry" // R-SMS-5
  | "filing_expiry"; // WF-4

/** ZXBA for every cancellation type. */
export type BureauMessage = "XZBA" | "XZWZ" | "XZJR" | "BGBA" | "ZXBA";

export type Effect =
  | {
      type: "notify";
      template: NotificationTemplate;
      to: "applicant" | "reviewers";
      /** R-REV-3: photo results go by SMS and e-mail. */
      channels: ("email" | "sms")[];
      data?: Record<string, unknown>;
    }
  | { type: "schedule"; job: JobName; at: string }
  | { type: "cancel"; job: JobName }
  | { type: "bureau_upload"; message: BureauMessage };

export const ALL_JOBS: readonly JobName[] = ["initial_review_due", "photo_review_due", "sms_resend_reminder", "sms_expiry", "filing_expiry"];
