import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

/**
 * Security headers and rate limits (issue 11). The web app is built by Vite into module scripts
 * from our own origin, so scripts need no 'unsafe-inline'; antd writes its CSS-in-JS into <style>
 * tags, so styles do. Frames are refused (clickjacking); images may be data:/blob: previews.
 */
export async function registerSecurity(app: FastifyInstance, options: { rateLimits: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Cross-origin isolation would break PDF and image downloads opened in new tabs.
    crossOriginEmbedderPolicy: false,
  });

  // Limits are per route (config.rateLimit) and keyed by client address; behind the reverse
  // proxy the address comes from X-Forwarded-For (trustProxy). The store is this process's
  // memory: with several processes each allows the limit (docs/operations.md).
  // Without the plugin the routes' limits are inert: tests that are not about limits log in
  // hundreds of times a minute from one address.
  if (!options.rateLimits) return;
  await app.register(rateLimit, {
    global: false,
    // After authentication, so uploads and pre-checks are counted per user.
    hook: "preHandler",
    enableDraftSpec: true,
    // Thrown, so the problem handler answers it like every other error.
    errorResponseBuilder: (_request, context) => new AppError("RATE_LIMITED", `操作过于频繁，请在 ${Math.ceil(context.ttl / 1000)} 秒后重试。`),
  });
}

/** Per-route limits: what a person plausibly does in a minute, well below what a script wants. */
export const RATE_LIMITS = {
  login: { max: 20, timeWindow: "1 minute" },
  register: { max: 10, timeWindow: "1 minute" },
  /** #11.3: each request may send a mail, so per address like login and no more. */
  passwordReset: { max: 20, timeWindow: "1 minute" },
  upload: { max: 60, timeWindow: "1 minute", keyGenerator: byUserOrAddress },
  precheck: { max: 30, timeWindow: "1 minute", keyGenerator: byUserOrAddress },
} as const;

function byUserOrAddress(request: FastifyRequest): string {
  const actor = (request as FastifyRequest & { actor?: { kind: string; user?: { id: string } } }).actor;
  return actor?.kind === "user" && actor.user ? `user:${actor.user.id}` : `ip:${request.ip}`;
}
