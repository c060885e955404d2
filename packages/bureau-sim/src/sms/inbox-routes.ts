import { SMS_SENDER_NUMBERS } from "@beian/rules";
import type { FastifyInstance } from "fastify";
import type { Sim } from "../context.js";
import { escapeHtml, page, wantsJson } from "../html.js";
import { shanghaiTime } from "../xml/result-xml.js";
import { inbox } from "./sms-service.js";

/** GET /sim/sms?mobile=…: the simulated handset of one mobile number (R-SMS-8). */
export function smsInboxRoutes(sim: Sim) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: { mobile?: string } }>("/sim/sms", async (request, reply) => {
      const mobile = (request.query.mobile ?? "").trim();
      if (!/^1\d{10}$/.test(mobile)) {
        return reply.code(400).send({ code: "MOBILE_REQUIRED", message: "请提供11位手机号码，例如 /sim/sms?mobile=13800000001。" });
      }
      const messages = (await inbox(sim, mobile)).map((m) => ({ sender: m.sender, carrier: m.carrier, text: m.text, sentAt: m.sentAt.toISOString() }));
      if (wantsJson(request.headers.accept)) return { mobile, messages };
      const rows = messages
        .map((m) => `<tr><td>${shanghaiTime(new Date(m.sentAt))}</td><td>${escapeHtml(m.sender)}（${escapeHtml(m.carrier)}）</td><td>${escapeHtml(m.text)}</td></tr>`)
        .join("");
      const senders = SMS_SENDER_NUMBERS.map((s) => `${s.carrier} ${s.number}`).join("，");
      const body = `<p>核验短信的发送号码：${escapeHtml(senders)}；虚拟运营商号码不固定。</p>${
        rows ? `<table><tr><th>时间（北京时间）</th><th>发送号码</th><th>内容</th></tr>${rows}</table>` : "<p>暂无短信。</p>"
      }`;
      return reply.type("text/html; charset=utf-8").send(page(`模拟手机短信 ${mobile}`, body));
    });
  };
}
