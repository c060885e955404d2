import type { Policy } from "../../policies/policy.js";
import { hasRole } from "../../policies/policy.js";

/**
 * #11.4: everyone may download what the system holds about them; applicants may close their own
 * account (staff accounts are closed by an admin, with their work kept for the audit).
 */
export const privacyPolicy = {
  export: (() => true) as Policy<unknown>,
  closeAccount: hasRole("applicant"),
} as const;
