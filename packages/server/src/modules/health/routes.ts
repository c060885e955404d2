import { ZHealth } from "@beian/contracts";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../context.js";

export function healthRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      "/api/health",
      { schema: { tags: ["system"], summary: "健康检查", response: { 200: ZHealth } } },
      async () => {
        // A real round trip: a health check that never touches the database proves little.
        await ctx.db.execute(sql`select 1`);
        return { status: "ok" as const, db: ctx.database.kind, version: ctx.config.version };
      },
    );
  };
}
