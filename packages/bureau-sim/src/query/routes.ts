import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { SimContext } from "../app.js";
import { registry } from "../db/schema.js";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** 公共信息查询: the public registry, by domain or by certificate number. */
export function queryRoutes(ctx: SimContext) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: { domain?: string; certNumber?: string } }>("/sim/query", async (request, reply) => {
      const domain = request.query.domain?.trim().toLowerCase().slice(0, 255);
      const certNumber = request.query.certNumber?.trim().toUpperCase().slice(0, 64);
      if (!domain && !certNumber) {
        return reply.code(400).send({ code: "QUERY_REQUIRED", message: "请输入要查询的域名或证件号码。" });
      }
      const rows = await ctx.db
        .select()
        .from(registry)
        .where(domain ? eq(registry.domain, domain) : eq(registry.certificateNumber, certNumber!));
      const records = rows.map((r) => ({
        subjectName: r.subjectName,
        subjectNature: r.subjectNature,
        subjectIcpNumber: r.subjectIcpNumber,
        siteName: r.siteName,
        siteIcpNumber: r.siteIcpNumber,
        domain: r.domain,
        approvedAt: r.approvedAt.toISOString(),
      }));
      if (!(request.headers.accept ?? "").includes("text/html")) {
        return { filed: records.length > 0, records };
      }
      const body = records.length
        ? `<table border="1" cellpadding="6"><tr><th>主办单位名称</th><th>单位性质</th><th>网站备案号</th><th>网站名称</th><th>域名</th><th>审核通过日期</th></tr>${records
            .map(
              (r) =>
                `<tr><td>${escapeHtml(r.subjectName)}</td><td>${escapeHtml(r.subjectNature)}</td><td>${escapeHtml(r.siteIcpNumber)}</td><td>${escapeHtml(r.siteName)}</td><td>${escapeHtml(r.domain)}</td><td>${r.approvedAt.slice(0, 10)}</td></tr>`,
            )
            .join("")}</table>`
        : "<p>没有查询到备案信息。</p>";
      return reply
        .type("text/html; charset=utf-8")
        .send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>公共信息查询</title><h1>ICP备案信息查询结果</h1>${body}</html>`);
    });
  };
}
