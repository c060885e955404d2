/**
 * Provider-wide workflow limits (WF-2…WF-4, R-SMS-5). Defaults follow the sources; a provider
 * passes its own in the pre-review / transition context.
 */
export interface WorkflowLimits {
  /** WF-2: organisations ≤ 10 websites per application. */
  organisationWebsitesPerApplication: number;
  /** WF-2: individuals 1 website per application. */
  personalWebsitesPerApplication: number;
  /** WF-2 (Huawei): individuals ≤ 5 websites in total. */
  personalWebsitesTotal: number;
  /** WF-2: domains per website before a warning (1 by default). */
  domainsPerWebsite: number;
  /** WF-3: initial review within N working days. */
  initialReviewWorkingDays: number;
  /** WF-3 / R-REV-3: photo review within N working days. */
  photoReviewWorkingDays: number;
  /** WF-4 (Inspur): untouched orders expire after N days. */
  untouchedExpiryDays: number;
  /** R-SMS-5: code validity in hours. */
  smsValidityHours: number;
  /** MIIT: wrong certificate 5 times fails the verification. */
  smsMaxFailedAttempts: number;
}

export const DEFAULT_WORKFLOW_LIMITS: Readonly<WorkflowLimits> = {
  organisationWebsitesPerApplication: 10,
  personalWebsitesPerApplication: 1,
  personalWebsitesTotal: 5,
  domainsPerWebsite: 1,
  initialReviewWorkingDays: 2,
  photoReviewWorkingDays: 2,
  untouchedExpiryDays: 60,
  smsValidityHours: 48,
  smsMaxFailedAttempts: 5,
};

export function workflowLimits(overrides: Partial<WorkflowLimits> = {}): WorkflowLimits {
  return { ...DEFAULT_WORKFLOW_LIMITS, ...overrides };
}
