import { checkDomain } from "@beian/rules";
import { ZPrecheckQuery, ZPrecheckResult } from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { AppError } from "../../errors.js";
import { RegistryUnavailable } from "../../gateways/bureau/public-registry.js";
import { requireSignedIn } from "../../policies/policy.js";
import { suggestFilingType } from "./suggest.js";

function hostOf(input: string): string {
  const value = input.trim();
  if (!/[/:]/.test(value)) return value;
  try {
    return new URL(value.includes("://") ? value : `http://${value}`).hostname;
  } catch {
    return value;
  }
}

/** GET /api/precheck: query the public registry before choosing a filing type (R-PRE-1). */
export function precheckRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      "/api/precheck",
      {
        config: { rateLimit: RATE_LIMITS.precheck },
        schema: {
          tags: ["filings"],
          summary: "备案预查询：按域名或证件号码查询公共备案信息，并建议备案类型",
          querystring: ZPrecheckQuery,
          response: { 200: ZPrecheckResult },
        },
      },
      async (request) => {
        requireSignedIn(request.actor);
        const q = request.query;
        let kind: "domain" | "certificate";
        let value: string;
        if (q.domain) {
          // People paste addresses from the browser: accept "https://www.example.cn/" here.
          const checked = checkDomain(hostOf(q.domain), { path: "domain" });
          // A subdomain is looked up by its registrable domain; anything else wrong is said.
          const errors = checked.findings.filter((f) => f.severity === "error" && f.code !== "DOMAIN_IS_SUBDOMAIN");
          if (errors.length > 0 || !checked.registrable) {
            throw new AppError(
              "VALIDATION_FAILED",
              undefined,
              errors.map((f) => ({ path: "domain", code: f.code, message: f.message })),
            );
          }
          kind = "domain";
          value = checked.registrable;
        } else {
          kind = "certificate";
          value = q.certNumber!.normalize("NFKC").replace(/\s/g, "").toUpperCase();
        }
        try {
          const records = kind === "domain" ? await ctx.registry.byDomain(value) : await ctx.registry.byCertificate(value);
          return { query: { kind, value }, filed: records.length > 0, records, suggestion: suggestFilingType(kind, records) };
        } catch (error) {
          if (error instanceof RegistryUnavailable) {
            request.log.warn({ err: error }, "public registry unavailable");
            throw new AppError("BUREAU_UNAVAILABLE");
          }
          throw error;
        }
      },
    );
  };
}
