import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppContext } from "./context.js";
import { registerAuthentication } from "./http/authentication.js";
import { registerSecurity } from "./http/security.js";
import { problem, registerProblemHandlers, sendProblem } from "./http/problem.js";
import { LOG_REDACT, requestForLog } from "./logging/mask.js";
import { accountRoutes } from "./modules/accounts/routes.js";
import { filingRoutes } from "./modules/filings/routes.js";
import { reviewRoutes } from "./modules/review/routes.js";
import { formRoutes } from "./modules/forms/routes.js";
import { provinceRoutes } from "./modules/provinces/routes.js";
import { healthRoutes } from "./modules/health/routes.js";
import { precheckRoutes } from "./modules/precheck/routes.js";
import { notificationRoutes } from "./modules/notifications/routes.js";
import { specialWebsiteRoutes } from "./modules/special-websites/routes.js";

export interface RouteEntry {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route, collected as registered: the authorization matrix test walks it. */
    apiRoutes: RouteEntry[];
  }
}

/** JSON bodies above this are refused with 413 (uploads get their own limits per route). */
const BODY_LIMIT = 1024 * 1024;

export function buildLogger(level: string) {
  return { level, redact: LOG_REDACT, serializers: { req: requestForLog } };
}

/** Builds the HTTP application without listening: tests drive it with `app.inject`. */
export async function buildApp(ctx: AppContext, logger: FastifyInstance["log"]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
    // Errors the router raises before any route (an overlong or malformed path) are problems too:
    // an id longer than any real one cannot exist.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(reply, problem(error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "NOT_FOUND" : "VALIDATION_FAILED")),
  });
  app.decorate("apiRoutes", [] as RouteEntry[]);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url === "/api/openapi.json") return;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") app.apiRoutes.push({ method, url: route.url });
    }
  });

  // The API speaks JSON (and multipart for uploads); plain text is refused with 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(cookie);
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Beian 备案系统 API",
        description: "接入商备案系统的公开接口。错误以 RFC 9457 problem+json 返回，含稳定的 code 与中文说明。",
        version: ctx.config.version,
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "beian_session" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuthentication(app, ctx);
  await registerSecurity(app, { rateLimits: ctx.config.rateLimits });

  await app.register(healthRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(filingRoutes(ctx));
  await app.register(reviewRoutes(ctx));
  await app.register(formRoutes(ctx));
  await app.register(provinceRoutes(ctx));
  await app.register(precheckRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(specialWebsiteRoutes(ctx));
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const webDist = ctx.config.webDist;
  const hasWeb = webDist !== null && existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") && hasWeb && (request.method === "GET" || request.method === "HEAD")) {
      // Client-side routes of the single-page app all serve its index.
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return sendProblem(reply, problem("ROUTE_NOT_FOUND"));
  });
  return app;
}
