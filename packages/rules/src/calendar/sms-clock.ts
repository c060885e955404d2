/**
 * The SMS verification clock (R-SMS-4, R-SMS-5): a code is valid 48 hours after it is sent;
 * MIIT resends it once at 12:00 Shanghai time the next day.
 */
import { DEFAULT_WORKFLOW_LIMITS } from "../workflow/limits.js";
import { addDays, shanghaiDate, shanghaiInstant } from "./local-date.js";

export interface SmsSchedule {
  sentAt: Date;
  /** R-SMS-4: the automatic resend, 12:00 the day after sending. */
  resendAt: Date;
  /** R-SMS-5: after this the filing goes back to the provider. */
  expiresAt: Date;
}

export function smsSchedule(sentAt: Date, validityHours = DEFAULT_WORKFLOW_LIMITS.smsValidityHours): SmsSchedule {
  return {
    sentAt,
    resendAt: shanghaiInstant(addDays(shanghaiDate(sentAt), 1), 12),
    expiresAt: new Date(sentAt.getTime() + validityHours * 60 * 60 * 1000),
  };
}

/** Whether a code sent at `sentAt` is still valid at `now`. */
export function smsCodeValid(sentAt: Date, now: Date, validityHours = DEFAULT_WORKFLOW_LIMITS.smsValidityHours): boolean {
  return now.getTime() < smsSchedule(sentAt, validityHours).expiresAt.getTime();
}
