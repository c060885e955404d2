import Fastify, { type FastifyBaseLogger } from "fastify";
import type { SimDb } from "./db/connection.js";
import { queryRoutes } from "./query/routes.js";

export interface SimContext {
  db: SimDb;
  dbKind: "pglite" | "postgres";
}

/** The bureau simulator's HTTP surface; the SOAP services attach to the same server. */
export async function buildSimApp(ctx: SimContext, logger: FastifyBaseLogger) {
  const app = Fastify({ loggerInstance: logger, bodyLimit: 60 * 1024 * 1024 });
  app.get("/sim/health", async () => ({ status: "ok" as const, db: ctx.dbKind }));
  await app.register(queryRoutes(ctx));
  return app;
}
