/**
 * A finding is what every rule returns: a stable code, how serious it is, where it applies
 * and a Chinese sentence that tells the applicant what to fix.
 *  - error: blocks submission
 *  - warning: shown to applicant and reviewer, does not block
 *  - review: only marks the point for the human reviewer
 */
export type Severity = "error" | "warning" | "review";

export interface Finding {
  code: string;
  severity: Severity;
  /** Dotted path of the field concerned, e.g. "subject.principal.mobile"; "" for the whole value. */
  path: string;
  message: string;
  ruleId: string;
}

export function finding(
  ruleId: string,
  code: string,
  severity: Severity,
  path: string,
  message: string,
): Finding {
  return { code, severity, path, message, ruleId };
}

/** `ok` is false exactly when there is a finding of severity "error". */
export function hasNoErrors(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === "error");
}

/** What every validator returns. */
export interface CheckResult {
  ok: boolean;
  findings: Finding[];
}

/** Attaches `ok` to a validator's findings, plus whatever it learnt (normalized value …). */
export function checked<T extends object>(findings: Finding[], extra: T): T & CheckResult {
  return { ...extra, ok: hasNoErrors(findings), findings };
}
