import {
  ZSpecialWebsite,
  ZSpecialWebsiteDocumentParams,
  ZSpecialWebsiteInput,
  ZSpecialWebsiteList,
  ZSpecialWebsiteReviewRequest,
  ZUpdateSpecialWebsiteRequest,
} from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { readUpload } from "../materials/multipart.js";
import { specialWebsiteDocumentFile, uploadSpecialWebsiteDocument } from "./documents.js";
import { renderResponsibilityLetter } from "./responsibility-letter.js";
import { reviewSpecialWebsite, specialWebsitesForReview } from "./review.js";
import {
  createSpecialWebsite,
  deleteSpecialWebsite,
  listOwnSpecialWebsites,
  readableSpecialWebsite,
  updateSpecialWebsite,
} from "./service.js";
import { maskedSpecialWebsiteView, specialWebsiteView } from "./view.js";

const ZId = z.object({ id: z.string().max(64) });
const ZReviewListQuery = z.strictObject({
  status: z.enum(["pending", "accepted", "returned"], { message: "未知的状态。" }).optional(),
  order: z.enum(["oldest", "newest"], { message: "排序只能是 oldest 或 newest。" }).optional(),
});
const tags = ["special-websites"];

/** R-FORM-7: special websites filed elsewhere — the applicant's records and the provider's check. */
export function specialWebsiteRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      "/api/special-websites",
      { schema: { tags, summary: "登记特殊网站（不经本系统备案的网站）", body: ZSpecialWebsiteInput, response: { 201: ZSpecialWebsite } } },
      async (request, reply) => reply.code(201).send(specialWebsiteView(await createSpecialWebsite(ctx, request.actor, request.body))),
    );

    r.get("/api/special-websites", { schema: { tags, summary: "我登记的特殊网站", response: { 200: ZSpecialWebsiteList } } }, async (request) => ({
      items: (await listOwnSpecialWebsites(ctx, request.actor)).map(specialWebsiteView),
    }));

    r.get(
      "/api/special-websites/:id",
      { schema: { tags, summary: "特殊网站登记详情", params: ZId, response: { 200: ZSpecialWebsite } } },
      async (request) => specialWebsiteView(await readableSpecialWebsite(ctx, request.actor, request.params.id)),
    );

    r.put(
      "/api/special-websites/:id",
      { schema: { tags, summary: "修改特殊网站登记（修改后重新审核）", params: ZId, body: ZUpdateSpecialWebsiteRequest, response: { 200: ZSpecialWebsite } } },
      async (request) => {
        const { expectedVersion, ...input } = request.body;
        return specialWebsiteView(await updateSpecialWebsite(ctx, request.actor, request.params.id, expectedVersion, input));
      },
    );

    r.delete("/api/special-websites/:id", { schema: { tags, summary: "删除特殊网站登记", params: ZId } }, async (request, reply) => {
      await deleteSpecialWebsite(ctx, request.actor, request.params.id);
      return reply.code(204).send();
    });

    r.post(
      "/api/special-websites/:id/documents",
      {
        config: { rateLimit: RATE_LIMITS.upload },
        schema: {
          tags,
          summary: "上传证件/资质或已签字的信息安全责任书（multipart：先 kind 字段，后 file；图片）",
          params: ZId,
          response: { 201: ZSpecialWebsite },
        },
      },
      async (request, reply) => {
        const row = await uploadSpecialWebsiteDocument(ctx, request.actor, request.params.id, await readUpload(request));
        return reply.code(201).send(specialWebsiteView(row));
      },
    );

    r.get(
      "/api/special-websites/:id/documents/:kind",
      { schema: { tags, summary: "资料图片（合规后的版本）", params: ZSpecialWebsiteDocumentParams } },
      async (request, reply) => {
        const data = await specialWebsiteDocumentFile(ctx, request.actor, request.params.id, request.params.kind);
        return reply.type("image/jpeg").header("cache-control", "private, max-age=3600").send(data);
      },
    );

    r.get(
      "/api/special-websites/:id/responsibility-letter.pdf",
      { schema: { tags, summary: "下载预填的信息安全责任书（打印、签字后上传）", params: ZId } },
      async (request, reply) => {
        const row = await readableSpecialWebsite(ctx, request.actor, request.params.id);
        const pdf = await renderResponsibilityLetter(row, ctx.config.providerName);
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="responsibility-letter.pdf"; filename*=UTF-8''${encodeURIComponent("信息安全责任书.pdf")}`)
          .header("cache-control", "private, no-store")
          .send(pdf);
      },
    );

    r.get(
      "/api/review/special-websites",
      {
        schema: {
          tags,
          summary: "特殊网站登记（接入商审核，待审核的在前；个人信息已脱敏，详情见单条记录）",
          querystring: ZReviewListQuery,
          response: { 200: ZSpecialWebsiteList },
        },
      },
      async (request) => ({ items: (await specialWebsitesForReview(ctx, request.actor, request.query)).map(maskedSpecialWebsiteView) }),
    );

    r.post(
      "/api/review/special-websites/:id/review",
      { schema: { tags, summary: "审核特殊网站登记：通过，或退回并写明原因", params: ZId, body: ZSpecialWebsiteReviewRequest, response: { 200: ZSpecialWebsite } } },
      async (request) => specialWebsiteView(await reviewSpecialWebsite(ctx, request.actor, request.params.id, request.body)),
    );
  };
}
