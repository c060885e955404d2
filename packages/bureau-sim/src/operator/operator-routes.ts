import { FILING_TYPES } from "@beian/rules";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Sim } from "../context.js";
import { escapeHtml, page, wantsJson } from "../html.js";
import { recordOf } from "../filings/filing-row.js";
import { shanghaiTime } from "../xml/result-xml.js";
import { approveFiling, awaitingReview, returnFilingByBureau, type ReviewOutcome } from "./review.js";

const OPERATION: Record<string, string> = {
  XZBA: FILING_TYPES.first,
  XZWZ: FILING_TYPES.new_site,
  XZJR: FILING_TYPES.new_access,
  BGBA: FILING_TYPES.change,
  ZXBA: "注销备案",
};

function answer(reply: FastifyReply, json: boolean, outcome: ReviewOutcome) {
  if (!outcome.ok) {
    const message = outcome.reason === "not_found" ? "未找到该备案。" : "该备案不在待审核状态。";
    return reply.code(outcome.reason === "not_found" ? 404 : 409).send({ code: outcome.reason.toUpperCase(), message });
  }
  return json ? reply.send(outcome) : reply.redirect("/sim/operator", 303);
}

/** The bureau reviewer: GET /sim/operator lists filings awaiting review; POST approves or returns. */
export function operatorRoutes(sim: Sim) {
  return async (app: FastifyInstance) => {
    app.get("/sim/operator", async (request, reply) => {
      const rows = await awaitingReview(sim);
      const filings = rows.map((f) => {
        const r = recordOf(f);
        return {
          id: f.id,
          recordId: f.recordId,
          messageType: f.messageType,
          province: f.province,
          subjectName: r.subject?.name ?? r.subjectIcpNumber ?? r.siteIcpNumber ?? "",
          domains: r.websites.flatMap((w) => w.domains),
          receivedAt: f.createdAt.toISOString(),
        };
      });
      if (wantsJson(request.headers.accept)) return { filings };
      const body = filings.length
        ? `<table><tr><th>备案类型</th><th>主办者</th><th>域名</th><th>接入商备案编号</th><th>收到时间（北京时间）</th><th>审核</th></tr>${filings
            .map(
              (f) => `<tr><td>${escapeHtml(OPERATION[f.messageType] ?? f.messageType)}</td><td>${escapeHtml(f.subjectName)}</td><td>${escapeHtml(f.domains.join("，"))}</td><td>${escapeHtml(f.recordId)}</td><td>${shanghaiTime(new Date(f.receivedAt))}</td>
<td><form method="post" action="/sim/operator/filings/${f.id}/approve"><button>审核通过</button></form>
<form method="post" action="/sim/operator/filings/${f.id}/return"><input name="reason" required placeholder="退回原因"><button>退回</button></form></td></tr>`,
            )
            .join("")}</table>`
        : "<p>暂无待审核的备案。</p>";
      return reply.type("text/html; charset=utf-8").send(page("管局审核：待审核备案", body));
    });
    app.post<{ Params: { id: string } }>("/sim/operator/filings/:id/approve", async (request, reply) =>
      answer(reply, wantsJson(request.headers.accept), await approveFiling(sim, request.params.id)),
    );
    app.post<{ Params: { id: string }; Body: { reason?: string } | undefined }>("/sim/operator/filings/:id/return", async (request, reply) => {
      const reason = String(request.body?.reason ?? "").trim().slice(0, 500);
      if (!reason) return reply.code(400).send({ code: "REASON_REQUIRED", message: "请填写退回原因（审核意见）。" });
      return answer(reply, wantsJson(request.headers.accept), await returnFilingByBureau(sim, request.params.id, reason));
    });
  };
}
