import { hasRole } from "../../policies/policy.js";

/** Who may manage accounts. Applicants register themselves; only admins create staff. */
export const accountPolicy = {
  listUsers: hasRole("admin"),
  createUser: hasRole("admin"),
} as const;
