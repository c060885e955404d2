import Fastify, { type FastifyBaseLogger } from "fastify";
import { systemClock, type Clock } from "./clock.js";
import { loadSimConfig, type SimConfig } from "./config.js";
import type { Sim } from "./context.js";
import type { SimDb } from "./db/connection.js";
import { operatorRoutes } from "./operator/operator-routes.js";
import { portalRoutes } from "./portal/portal-routes.js";
import { queryRoutes } from "./query/routes.js";
import { smsInboxRoutes } from "./sms/inbox-routes.js";

export interface SimContext {
  db: SimDb;
  dbKind: "pglite" | "postgres";
  /** Defaults to the environment's settings. */
  config?: SimConfig;
  clock?: Clock;
}

/** The bureau simulator's HTTP surface; the SOAP services attach to the same server after listen (start.ts). */
export async function buildSimApp(ctx: SimContext, logger: FastifyBaseLogger) {
  const app = Fastify({ loggerInstance: logger, bodyLimit: 60 * 1024 * 1024 });
  const sim: Sim = { db: ctx.db, dbKind: ctx.dbKind, config: ctx.config ?? loadSimConfig(), clock: ctx.clock ?? systemClock, log: app.log };
  // The province and operator pages post plain HTML forms.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.get("/sim/health", async () => ({ status: "ok" as const, db: ctx.dbKind }));
  await app.register(queryRoutes(ctx));
  await app.register(smsInboxRoutes(sim));
  await app.register(portalRoutes(sim));
  await app.register(operatorRoutes(sim));
  return app;
}
