import { PROVINCES, type ProvinceKey } from "@beian/rules";
import type { FastifyInstance } from "fastify";
import type { Sim } from "../context.js";
import { escapeHtml, page, wantsJson } from "../html.js";
import { resendSms, verifySms, type VerifyOutcome } from "../sms/sms-service.js";
import { portalPaths } from "./portal-paths.js";

type Form = { certificateNumber?: string; mobile?: string; code?: string; action?: string };

function outcomeText(o: VerifyOutcome): string {
  switch (o.kind) {
    case "no_pending":
      return "未找到该手机号码待核验的备案，请确认手机号码和省份是否正确。";
    case "not_sent":
      return "核验码尚未发送，请在提交备案约5分钟后再试。";
    case "wrong":
      return `证件号码或核验码错误，还可尝试${o.remaining}次。`;
    case "failed":
      return "错误次数已达上限，短信核验失败，备案已退回接入商，请联系接入商重新提交。";
    case "expired":
      return "核验码已超过48小时有效期，备案已退回接入商，请联系接入商重新提交。";
    case "verified":
      return o.allDone ? "短信核验成功，备案已提交管局审核。" : "本手机号码核验成功，还需其他负责人完成核验。";
  }
}

function form(path: string, notice?: string): string {
  return `${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ""}
<form method="post" action="${path}">
<label>证件号码 <input name="certificateNumber" required maxlength="64"></label>
<label>手机号码 <input name="mobile" required pattern="1[0-9]{10}" maxlength="11"></label>
<label>短信核验码 <input name="code" required pattern="[0-9]{6}" maxlength="6"></label>
<button type="submit" name="action" value="verify">提交核验</button>
</form>
<form method="post" action="${path}"><label>没有收到核验码？手机号码 <input name="mobile" required pattern="1[0-9]{10}" maxlength="11"></label>
<button type="submit" name="action" value="resend">重新发送核验码</button></form>
<p>提示：请检查手机信号与短信拦截设置；也可等待次日12:00系统自动重发。</p>`;
}

/** R-SMS-7: one verification page per province: GET the form, POST verifies or resends. */
export function portalRoutes(sim: Sim) {
  return async (app: FastifyInstance) => {
    const paths = portalPaths();
    app.get("/sim/portal", async (_request, reply) => {
      const links = paths.map(({ province, path }) => `<li><a href="${path}">${escapeHtml(PROVINCES[province].name)}</a></li>`).join("");
      return reply.type("text/html; charset=utf-8").send(page("各省通信管理局短信核验页面", `<ul>${links}</ul>`));
    });
    for (const { province, path } of paths) {
      const title = `${PROVINCES[province].name}通信管理局 ICP备案短信核验`;
      app.get(path, async (_request, reply) => reply.type("text/html; charset=utf-8").send(page(title, form(path))));
      app.post<{ Body: Form | undefined }>(path, async (request, reply) => {
        const body = request.body ?? {};
        const json = wantsJson(request.headers.accept);
        const mobile = String(body.mobile ?? "").trim();
        if (body.action === "resend") {
          const sent = await resendSms(sim, province as ProvinceKey, mobile);
          const message = sent === "sent" ? "核验码已重新发送，请查收短信。" : "未找到该手机号码待核验的备案。";
          return json ? { result: sent, message } : reply.type("text/html; charset=utf-8").send(page(title, form(path, message)));
        }
        const input = { certificateNumber: String(body.certificateNumber ?? ""), mobile, code: String(body.code ?? "") };
        if (!input.certificateNumber.trim() || !/^1\d{10}$/.test(mobile) || !/^\d{6}$/.test(input.code.trim())) {
          const message = "请填写证件号码、11位手机号码和6位核验码。";
          if (json) return reply.code(400).send({ result: "invalid", message });
          return reply.code(400).type("text/html; charset=utf-8").send(page(title, form(path, message)));
        }
        const outcome = await verifySms(sim, province, input);
        const message = outcomeText(outcome);
        return json ? { result: outcome.kind, ...outcome, message } : reply.type("text/html; charset=utf-8").send(page(title, form(path, message)));
      });
    }
  };
}
