import { ZPolicies, ZProvinceOverridesUpdate, ZProvinceParam } from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../context.js";
import { authorize, requireSignedIn } from "../../policies/policy.js";
import { reviewPolicy } from "../review/policy.js";
import { overrideChanges, policiesInForce, setProvinceOverrides, storedOverrides } from "./policies.js";

export function provinceRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // The browser's live checks run the same rules with the same overrides as the server.
    r.get(
      "/api/provinces/policies",
      { schema: { tags: ["provinces"], summary: "各省备案规则（含接入商的覆盖配置；管理员另得到每省的修改人和修改时间）", response: { 200: ZPolicies } } },
      async (request) => {
        const actor = requireSignedIn(request.actor);
        const answer = { policies: await policiesInForce(ctx), overrides: await storedOverrides(ctx) };
        return reviewPolicy.administer(actor.user, undefined) ? { ...answer, changes: await overrideChanges(ctx) } : answer;
      },
    );

    r.put(
      "/api/admin/provinces/:province",
      {
        schema: {
          tags: ["admin"],
          summary: "设置某省的规则覆盖（空对象恢复默认），经规则校验并记入审计",
          params: ZProvinceParam,
          body: ZProvinceOverridesUpdate,
          response: { 200: ZPolicies },
        },
      },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        const policies = await setProvinceOverrides(ctx, request.actor, request.params.province, request.body.overrides);
        return { policies, overrides: await storedOverrides(ctx), changes: await overrideChanges(ctx) };
      },
    );
  };
}
