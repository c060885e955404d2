import {
  ZDecisionRequest,
  ZFiling,
  ZMailingRecord,
  ZOnSiteRecord,
  ZQueuePage,
  ZQueueQuery,
  ZReasonTemplate,
  ZReasonTemplateCode,
  ZReasonTemplateList,
  ZReasonTemplateSave,
  ZReturnRequest,
  ZVerificationChoice,
} from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { filingDetails } from "../filings/service.js";
import { readUpload } from "../materials/multipart.js";
import { approveFiling, approvePhoto, rejectPhoto, returnFiling, submitToBureau } from "./decisions.js";
import { uploadVerificationPhoto } from "./photo.js";
import { reviewQueue } from "./queue.js";
import { deleteReasonTemplate, reasonTemplates, saveReasonTemplate } from "./reason-templates.js";
import { chooseVerification, recordMailing, recordOnSite } from "./verification.js";

const ZId = z.object({ id: z.string().max(64) });

/** The provider's review (R-REV-1…4) and the applicant's part of verification. */
export function reviewRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const decision = { tags: ["review"], params: ZId, response: { 200: ZFiling } };

    r.get(
      "/api/review/queue",
      { schema: { tags: ["review"], summary: "审核队列（最早提交的在前）", querystring: ZQueueQuery, response: { 200: ZQueuePage } } },
      async (request) => reviewQueue(ctx, request.actor, request.query),
    );

    r.get(
      "/api/review/reason-templates",
      {
        schema: {
          tags: ["review"],
          summary: "退回原因模板",
          response: { 200: ZReasonTemplateList },
        },
      },
      async (request) => ({ items: await reasonTemplates(ctx, request.actor) }),
    );

    r.put(
      "/api/admin/reason-templates/:code",
      {
        schema: {
          tags: ["admin"],
          summary: "新增或修改退回原因模板",
          params: ZReasonTemplateCode,
          body: ZReasonTemplateSave,
          response: { 200: ZReasonTemplate },
        },
      },
      async (request) => saveReasonTemplate(ctx, request.actor, request.params.code, request.body),
    );

    r.delete(
      "/api/admin/reason-templates/:code",
      { schema: { tags: ["admin"], summary: "删除退回原因模板", params: ZReasonTemplateCode } },
      async (request, reply) => {
        await deleteReasonTemplate(ctx, request.actor, request.params.code);
        return reply.code(204).send();
      },
    );

    r.post(
      "/api/review/filings/:id/approve",
      { schema: { ...decision, summary: "初审通过", body: ZDecisionRequest } },
      async (request) => filingDetails(ctx, await approveFiling(ctx, request.actor, request.params.id, request.body.expectedVersion)),
    );

    r.post(
      "/api/review/filings/:id/return",
      { schema: { ...decision, summary: "退回主办者（每条原因可指向具体字段）", body: ZReturnRequest } },
      async (request) =>
        filingDetails(ctx, await returnFiling(ctx, request.actor, request.params.id, request.body.expectedVersion, request.body.reasons)),
    );

    r.post(
      "/api/review/filings/:id/photo/approve",
      { schema: { ...decision, summary: "核验照片通过", body: ZDecisionRequest } },
      async (request) => filingDetails(ctx, await approvePhoto(ctx, request.actor, request.params.id, request.body.expectedVersion)),
    );

    r.post(
      "/api/review/filings/:id/photo/reject",
      { schema: { ...decision, summary: "核验照片不通过（附原因）", body: ZReturnRequest } },
      async (request) =>
        filingDetails(ctx, await rejectPhoto(ctx, request.actor, request.params.id, request.body.expectedVersion, request.body.reasons)),
    );

    r.post(
      "/api/review/filings/:id/mailing",
      { schema: { ...decision, summary: "登记幕布寄出（快递单号、寄出时间）", body: ZMailingRecord } },
      async (request) => filingDetails(ctx, await recordMailing(ctx, request.actor, request.params.id, request.body)),
    );

    r.post(
      "/api/review/filings/:id/on-site",
      { schema: { ...decision, summary: "登记现场核验（核验了哪些原件、时间、地点）", body: ZOnSiteRecord } },
      async (request) => filingDetails(ctx, await recordOnSite(ctx, request.actor, request.params.id, request.body)),
    );

    r.post(
      "/api/review/filings/:id/submit-to-bureau",
      { schema: { ...decision, summary: "提交管局", body: ZDecisionRequest } },
      async (request) => filingDetails(ctx, await submitToBureau(ctx, request.actor, request.params.id, request.body.expectedVersion)),
    );

    r.post(
      "/api/filings/:id/verification",
      { schema: { tags: ["verification"], summary: "选择核验方式（幕布拍照或现场核验；可申请邮寄幕布）", params: ZId, body: ZVerificationChoice, response: { 200: ZFiling } } },
      async (request) => filingDetails(ctx, await chooseVerification(ctx, request.actor, request.params.id, request.body)),
    );

    r.post(
      "/api/filings/:id/photo",
      {
        config: { rateLimit: RATE_LIMITS.upload },
        schema: {
          tags: ["verification"],
          summary: "上传核验照片（multipart：expectedVersion 字段，后 file）",
          params: ZId,
          response: { 200: ZFiling },
        },
      },
      async (request) => filingDetails(ctx, await uploadVerificationPhoto(ctx, request.actor, request.params.id, await readUpload(request))),
    );
  };
}
