import { ZAccountDeletion, ZDeleteAccountRequest, ZPersonalDataExport } from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { SESSION_COOKIE } from "../accounts/sessions.js";
import { closeAccount } from "./deletion.js";
import { exportPersonalData } from "./export.js";

/** #11.4: the applicant's own data, to take away (export) or to have deleted (close the account). */
export function privacyRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/me/export",
      { schema: { tags: ["auth"], summary: "导出我的个人信息（JSON：账号、主体、备案及进度、资料清单、通知、相关操作日志）", response: { 200: ZPersonalDataExport } } },
      async (request, reply) => {
        const document = await exportPersonalData(ctx, request.actor);
        const day = document.exportedAt.slice(0, 10);
        return reply.header("content-disposition", `attachment; filename="beian-personal-data-${day}.json"`).header("cache-control", "no-store").send(document);
      },
    );

    r.delete(
      "/api/me",
      {
        config: { rateLimit: RATE_LIMITS.login },
        schema: {
          tags: ["auth"],
          summary: "注销账号（需密码确认；删除法律未要求保留的个人信息，并说明依法保留的内容及原因）",
          body: ZDeleteAccountRequest,
          response: { 200: ZAccountDeletion },
        },
      },
      async (request, reply) => {
        const result = await closeAccount(ctx, request.actor, request.body.password);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return result;
      },
    );
  };
}
