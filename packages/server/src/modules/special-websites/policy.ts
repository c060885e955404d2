import type { SpecialWebsiteRow } from "../../db/schema.js";
import type { Policy } from "../../policies/policy.js";

type Owned = Pick<SpecialWebsiteRow, "ownerId">;

/**
 * R-FORM-7 records: an applicant keeps their own; provider staff read every record and mark it
 * checked or returned, but never change what the applicant entered.
 */
export const specialWebsitePolicy = {
  create: ((user) => user.role === "applicant") as Policy<unknown>,
  listOwn: ((user) => user.role === "applicant") as Policy<unknown>,
  read: ((user, row) => row.ownerId === user.id || user.role === "reviewer" || user.role === "admin") as Policy<Owned>,
  edit: ((user, row) => row.ownerId === user.id) as Policy<Owned>,
  review: ((user) => user.role === "reviewer" || user.role === "admin") as Policy<unknown>,
} as const;
