import { ZPrintableForms } from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.js";
import type { FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../accounts/actor.js";
import { readableFiling } from "../filings/service.js";
import { renderAuthorizationLetter, renderSecurityAgreement } from "./agreements.js";
import { agreementParty, authorizationLetters, printingInstructions, verificationSheets, type FormContext } from "./models.js";
import { policiesInForce } from "../provinces/policies.js";
import { renderVerificationSheets } from "./verification-sheet.js";

const FORMS = {
  verification: "网站备案信息真实性核验单",
  "security-agreement": "信息安全管理协议",
  authorization: "网站备案授权书",
} as const;
type FormName = keyof typeof FORMS;

const ZFormParams = z.object({ id: z.string().max(64), form: z.enum(Object.keys(FORMS) as [FormName, ...FormName[]], { message: "没有这种表格。" }) });
const ZFormQuery = z.strictObject({ index: z.coerce.number().int().min(0).max(9).default(0) });

/** R-DOC-1: the forms are printed after submission, from the submitted data. */
async function printableFiling(ctx: AppContext, actor: Actor, id: string): Promise<FilingRow> {
  const row = await readableFiling(ctx, actor, id);
  if (row.status === "draft") throw new AppError("FILING_NOT_SUBMITTED", "请先提交备案申请，提交后即可下载打印核验单等表格。");
  return row;
}

export function formRoutes(ctx: AppContext) {
  const formContext = async (): Promise<FormContext> => ({ providerName: ctx.config.providerName, now: ctx.clock.now(), policies: await policiesInForce(ctx) });
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/filings/:id/forms",
      { schema: { tags: ["forms"], summary: "可下载的表格及打印说明", params: z.object({ id: z.string().max(64) }), response: { 200: ZPrintableForms } } },
      async (request) => {
        const row = await printableFiling(ctx, request.actor, request.params.id);
        const letters = authorizationLetters(row, await formContext()).length;
        const url = (form: FormName, index?: number) => `/api/filings/${row.id}/forms/${form}.pdf${index ? `?index=${index}` : ""}`;
        return {
          forms: [
            { form: "verification", title: FORMS.verification, url: url("verification") },
            { form: "security-agreement", title: FORMS["security-agreement"], url: url("security-agreement") },
            ...Array.from({ length: letters }, (_, i) => ({
              form: "authorization",
              title: letters > 1 ? `${FORMS.authorization}（${i + 1}）` : FORMS.authorization,
              url: url("authorization", i),
            })),
          ],
          instructions: printingInstructions(row),
        };
      },
    );

    r.get(
      "/api/filings/:id/forms/:form.pdf",
      { schema: { tags: ["forms"], summary: "下载表格 PDF（核验单、信息安全管理协议、授权书）", params: ZFormParams, querystring: ZFormQuery } },
      async (request, reply) => {
        const row = await printableFiling(ctx, request.actor, request.params.id);
        const fc = await formContext();
        let pdf: Buffer;
        if (request.params.form === "verification") pdf = await renderVerificationSheets(verificationSheets(row, fc));
        else if (request.params.form === "security-agreement") pdf = await renderSecurityAgreement(agreementParty(row, fc));
        else {
          const letter = authorizationLetters(row, fc)[request.query.index];
          if (!letter) throw new AppError("NOT_FOUND", "该备案不需要网站备案授权书：网站负责人与主体负责人为同一人。");
          pdf = await renderAuthorizationLetter(letter);
        }
        const name = encodeURIComponent(`${FORMS[request.params.form]}.pdf`);
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${request.params.form}.pdf"; filename*=UTF-8''${name}`)
          .header("cache-control", "private, no-store")
          .send(pdf);
      },
    );
  };
}
