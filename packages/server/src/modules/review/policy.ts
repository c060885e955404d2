import type { Policy } from "../../policies/policy.js";

/** Provider staff: reviewers work the queue; admins may do everything reviewers do. */
export const reviewPolicy = {
  work: ((user) => user.role === "reviewer" || user.role === "admin") as Policy<unknown>,
  administer: ((user) => user.role === "admin") as Policy<unknown>,
} as const;
