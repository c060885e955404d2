import { AppError } from "../errors.js";
import type { TRole } from "@beian/contracts";
import type { Actor, SessionUser } from "../modules/accounts/actor.js";

export type SignedIn = Extract<Actor, { kind: "user" }>;

/** A policy answers one question: may this signed-in user do this (to this resource)? */
export type Policy<R = void> = (user: SessionUser, resource: R) => boolean;

export const hasRole =
  (...roles: TRole[]): Policy<unknown> =>
  (user) =>
    roles.includes(user.role);

/**
 * Applies a policy: nobody signed in → 401, signed in but not allowed → 403.
 * Returns the signed-in actor so routes can use it typed.
 */
export function authorize<R>(actor: Actor, policy: Policy<R>, resource: R): SignedIn {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  if (!policy(actor.user, resource)) throw new AppError("FORBIDDEN");
  return actor;
}

export function requireSignedIn(actor: Actor): SignedIn {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  return actor;
}
