import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { anonymous, type Actor } from "../modules/accounts/actor.js";
import { findSession, SESSION_COOKIE } from "../modules/accounts/sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** false on routes that anonymous visitors call (login, register): no CSRF check. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Resolves the actor of every request from the bearer token (automation) or the session
 * cookie (browser). Cookie-authenticated state changes must echo the session's CSRF token in
 * `x-csrf-token`; bearer requests cannot be forged by a browser and need none.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null as never);
  app.addHook("onRequest", async (request) => {
    request.actor = anonymous;
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token || token.length > 200) {
      if (bearer !== null) throw new AppError("SESSION_EXPIRED");
      return;
    }
    const session = await findSession(ctx.db, token, ctx.clock.now());
    if (!session) {
      // A stale bearer token is an error the client must see; a stale cookie is just "signed out".
      if (bearer) throw new AppError("SESSION_EXPIRED");
      return;
    }
    const via = bearer ? "bearer" : "cookie";
    request.actor = { kind: "user", user: session.user, via, sessionId: session.id, csrfToken: session.csrfToken };
    if (via === "cookie" && !SAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken)) throw new AppError("CSRF_TOKEN_INVALID");
    }
  });
}
