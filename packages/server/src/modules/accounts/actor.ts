import type { TRole } from "@beian/contracts";

export interface SessionUser {
  id: string;
  email: string;
  role: TRole;
}

/** Who performs an action: a signed-in user, nobody, or the system itself (jobs, bootstrap). */
export type Actor =
  | { kind: "user"; user: SessionUser; via: "cookie" | "bearer"; sessionId: string; csrfToken: string }
  | { kind: "anonymous" }
  | { kind: "system" }
  /** The bureau, through the results the gateway downloads. */
  | { kind: "bureau" };

export const anonymous: Actor = { kind: "anonymous" };
export const system: Actor = { kind: "system" };
export const bureau: Actor = { kind: "bureau" };
