import type { FilingRow } from "../../db/schema.js";
import type { Policy } from "../../policies/policy.js";

/** States in which the applicant may still edit the form (R-REV-1: returned filings are edited and resubmitted). */
export const EDITABLE_STATUSES = new Set(["draft", "returned_by_provider", "returned_by_bureau"]);

type FilingRef = Pick<FilingRow, "ownerId" | "status">;

/**
 * Applicants see and change only their own filings; provider staff see filings once they are
 * submitted (a draft is the applicant's private work) and never edit the applicant's form.
 */
export const filingPolicy = {
  create: ((user) => user.role === "applicant") as Policy<unknown>,
  read: ((user, filing) =>
    filing.ownerId === user.id || ((user.role === "reviewer" || user.role === "admin") && filing.status !== "draft")) as Policy<FilingRef>,
  edit: ((user, filing) => filing.ownerId === user.id) as Policy<FilingRef>,
  list: ((user) => user.role === "applicant") as Policy<unknown>,
} as const;
