import type { TProblemFieldError } from "@beian/contracts";
import { FILING_TYPES, stageName, type FilingStatus, type FilingType } from "@beian/rules";
import type { FilingRow } from "../../db/schema.js";

/**
 * What closing an account may delete (#11.4). PIPL art. 47 gives the applicant deletion once the
 * purpose is fulfilled or consent withdrawn, unless a law sets a retention period; the telecom
 * filing rules make the access provider keep the records of what it submitted to the bureau.
 * So: what reached the bureau is kept, everything else goes.
 */

/** In flight: the applicant must withdraw it, or wait for the bureau, before closing the account. */
const OPEN: ReadonlySet<string> = new Set<FilingStatus>(["submitted", "returned_by_provider", "verifying", "sms_pending", "bureau_review", "returned_by_bureau"]);

/** After these the bureau has (or had) the filing. */
const AT_BUREAU: ReadonlySet<string> = new Set<FilingStatus>(["sms_pending", "bureau_review", "returned_by_bureau", "approved"]);

/** Cancellations that end the provider's relation to the subject's record (注销主体, 取消接入). */
const ENDS_RECORD: ReadonlySet<string> = new Set<FilingType>(["cancel_subject", "cancel_access"]);

type FilingRef = Pick<FilingRow, "id" | "type" | "status" | "lifecycle" | "updatedAt">;

/** A filing the bureau received: its record is kept after the account is closed. */
export function reachedBureau(filing: FilingRef): boolean {
  return AT_BUREAU.has(filing.status) || Boolean((filing.lifecycle as { bureauSubmittedAt?: string } | null)?.bureauSubmittedAt);
}

/**
 * Why the account cannot be closed yet, one field error per reason; empty when it can. Blocked
 * by a filing in flight, or by a record still in force: an approved filing counts as ended only
 * when the latest approved filing is 注销主体 or 取消接入.
 */
export function deletionBlockers(rows: FilingRef[]): TProblemFieldError[] {
  const problems: TProblemFieldError[] = rows
    .filter((f) => OPEN.has(f.status))
    .map((f) => ({
      path: `filings.${f.id}`,
      code: "FILING_IN_PROGRESS",
      message: `${FILING_TYPES[f.type as FilingType] ?? "备案"}申请处于“${stageName(f.status as FilingStatus)}”阶段，请先撤回或等待办结后再注销账号。`,
    }));
  const approved = rows.filter((f) => f.status === "approved").sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  const latest = approved.at(-1);
  if (latest && !ENDS_RECORD.has(latest.type)) {
    problems.push({
      path: `filings.${latest.id}`,
      code: "RECORD_IN_FORCE",
      message: "您的备案仍然有效，接入商需要保留接入关系；请先办理“注销主体”或“取消接入”，办结后即可注销账号。",
    });
  }
  return problems;
}
