import {
  ZChecklist,
  ZCreateFilingRequest,
  ZFiling,
  ZFilingList,
  ZMaterialView,
  ZUpdateFilingRequest,
  ZVersionRequest,
  ZWithdrawRequest,
} from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { readUpload } from "../materials/multipart.js";
import { materialFile, uploadMaterial } from "../materials/upload.js";
import { filingChecklist, submitFiling } from "./submit.js";
import { withdrawFiling } from "./withdraw.js";
import { createFiling, filingDetails, listOwnFilings, readableFiling, updateFilingForm } from "./service.js";

const ZId = z.object({ id: z.string().max(64) });
const ZMaterialParams = z.object({ id: z.string().max(64), materialId: z.string().max(64) });

export function filingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      "/api/filings",
      { schema: { tags: ["filings"], summary: "新建备案申请（草稿）", body: ZCreateFilingRequest, response: { 201: ZFiling } } },
      async (request, reply) => {
        const row = await createFiling(ctx, request.actor, request.body.type, request.body.form);
        return reply.code(201).send(await filingDetails(ctx, row));
      },
    );

    r.get("/api/filings", { schema: { tags: ["filings"], summary: "我的备案申请", response: { 200: ZFilingList } } }, async (request) => ({
      items: await listOwnFilings(ctx, request.actor),
    }));

    r.get(
      "/api/filings/:id",
      { schema: { tags: ["filings"], summary: "备案申请详情", params: ZId, response: { 200: ZFiling } } },
      async (request) => filingDetails(ctx, await readableFiling(ctx, request.actor, request.params.id)),
    );

    r.patch(
      "/api/filings/:id",
      {
        schema: {
          tags: ["filings"],
          summary: "保存草稿（自动保存）",
          params: ZId,
          body: ZUpdateFilingRequest,
          response: { 200: ZFiling },
        },
      },
      async (request) => {
        const row = await updateFilingForm(ctx, request.actor, request.params.id, request.body.expectedVersion, request.body.form);
        return filingDetails(ctx, row);
      },
    );

    r.get(
      "/api/filings/:id/checklist",
      { schema: { tags: ["filings"], summary: "所需资料清单及上传情况", params: ZId, response: { 200: ZChecklist } } },
      async (request) => filingChecklist(ctx, request.actor, request.params.id),
    );

    r.post(
      "/api/filings/:id/submit",
      {
        schema: {
          tags: ["filings"],
          summary: "提交接入商审核（自动初审；有错误时 422 并逐项列出）",
          params: ZId,
          body: ZVersionRequest,
          response: { 200: ZFiling },
        },
      },
      async (request) => {
        const row = await submitFiling(ctx, request.actor, request.params.id, request.body.expectedVersion);
        return filingDetails(ctx, row);
      },
    );

    r.post(
      "/api/filings/:id/withdraw",
      {
        schema: {
          tags: ["filings"],
          summary: "撤回备案申请（WF-4：提交管局前可撤回；撤回后可重新开始备案）",
          params: ZId,
          body: ZWithdrawRequest,
          response: { 200: ZFiling },
        },
      },
      async (request) => {
        const row = await withdrawFiling(ctx, request.actor, request.params.id, request.body.expectedVersion, request.body.reason);
        return filingDetails(ctx, row);
      },
    );

    r.post(
      "/api/filings/:id/materials",
      {
        config: { rateLimit: RATE_LIMITS.upload },
        schema: {
          tags: ["materials"],
          summary: "上传备案资料（multipart：先 kind、path 字段，后 file）",
          params: ZId,
          response: { 201: ZMaterialView },
        },
      },
      async (request, reply) => {
        const row = await uploadMaterial(ctx, request.actor, request.params.id, await readUpload(request));
        const details = await filingDetails(ctx, await readableFiling(ctx, request.actor, request.params.id));
        return reply.code(201).send(details.materials.find((m) => m.id === row.id)!);
      },
    );

    r.get(
      "/api/filings/:id/materials/:materialId/file",
      { schema: { tags: ["materials"], summary: "资料图片（合规后的版本）", params: ZMaterialParams } },
      async (request, reply) => {
        const data = await materialFile(ctx, request.actor, request.params.id, request.params.materialId);
        return reply.type("image/jpeg").header("cache-control", "private, max-age=3600").send(data);
      },
    );
  };
}
