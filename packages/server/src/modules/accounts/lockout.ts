/**
 * Lockout with backoff after repeated failed logins: the first 4 failures are free, the 5th
 * locks the account for 1 minute, and every further failure doubles the lock, up to 1 hour.
 */
export const FREE_FAILURES = 4;
const BASE_MS = 60_000;
const MAX_MS = 60 * 60_000;

export function lockDurationMs(failedLogins: number): number {
  if (failedLogins <= FREE_FAILURES) return 0;
  return Math.min(BASE_MS * 2 ** (failedLogins - FREE_FAILURES - 1), MAX_MS);
}
