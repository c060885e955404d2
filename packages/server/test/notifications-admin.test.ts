import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications } from "../src/db/schema.js";
import { smsSenderFromEnv } from "../src/gateways/sms/select.js";
import { deliverNotification, notify } from "../src/modules/notifications/service.js";
import { templateProblems } from "../src/modules/notifications/template-store.js";
import { DEFAULT_TEMPLATES } from "../src/modules/notifications/templates.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let admin: Session;

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
}, 60_000);
afterAll(() => sys.close());

const putTemplate = (key: string, payload: Record<string, string>) =>
  sys.app.inject({ method: "PUT", url: `/api/admin/notification-templates/${key}`, headers: bearer(admin), payload });

describe("templates editable by admins, variables checked (issue 9)", () => {
  const approved = DEFAULT_TEMPLATES.find((t) => t.key === "filing.approved")!;

  it("lists every template in force, in Chinese, with its variables and whether it is mandatory", async () => {
    const res = await sys.app.inject({ url: "/api/admin/notification-templates", headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; mandatory: boolean; variables: string[]; subject: string; edited: boolean }[];
    expect(items.map((i) => i.key)).toEqual(DEFAULT_TEMPLATES.map((t) => t.key));
    expect(items.find((i) => i.key === "filing.approved")).toMatchObject({ mandatory: true, variables: ["subjectName", "icpNumber"], edited: false });
    for (const i of items) expect(i.subject).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.key, t] as const))("default %s passes its own checks (required variables declared and present)", (_key, template) => {
    for (const v of [...template.required, ...(template.smsRequired ?? [])]) expect(template.variables).toContain(v);
    expect(templateProblems(template, template)).toEqual([]);
  });

  it("refuses an unknown {{variable}} with a Chinese message at the field (422)", async () => {
    const res = await putTemplate("filing.approved", { subject: approved.subject, body: `${approved.body}{{password}}`, sms: approved.sms });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      detail: expect.stringContaining("{{password}} 不存在"),
      errors: [{ path: "body", code: "TEMPLATE_VARIABLE_UNKNOWN" }],
    });
  });

  it("refuses to drop a required variable: the ICP number must stay in the approval notice (422)", async () => {
    const res = await putTemplate("filing.approved", { subject: "备案成功", body: "{{subjectName}} 的备案已通过。", sms: "【备案系统】备案已通过。" });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { path: string; code: string; message: string }[];
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["body", "TEMPLATE_VARIABLE_REQUIRED"],
      ["sms", "TEMPLATE_VARIABLE_REQUIRED"],
    ]);
    expect(errors[0]!.message).toContain("{{icpNumber}}");
  });

  it("refuses an empty text and an unknown template", async () => {
    expect((await putTemplate("filing.approved", { subject: " ", body: approved.body, sms: approved.sms })).statusCode).toBe(400);
    const unknown = await putTemplate("filing.nothing", { subject: "x", body: "x", sms: "x" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it("saves a valid edit, audits it, and the next notice uses it", async () => {
    const body = "恭喜！{{subjectName}} 的备案号是 {{icpNumber}}，请在 30 日内办理公安备案。";
    const res = await putTemplate("filing.approved", { subject: "备案成功：{{icpNumber}}", body, sms: "【备案系统】备案号 {{icpNumber}}。" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ key: "filing.approved", body, edited: true });
    const audited = await sys.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "notification_template"), eq(auditLog.entityId, "filing.approved")));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.action).toBe("notification_template.updated");

    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, {
        eventKey: "test.edited:1",
        template: "filing.approved",
        variables: { subjectName: "张三", icpNumber: "浙ICP备2026000001号" },
        userId: null,
        email: "edited@example.com",
      }),
    );
    const [row] = await sys.ctx.db.select().from(notifications).where(eq(notifications.idempotencyKey, "test.edited:1:email:edited@example.com"));
    expect(row).toMatchObject({ subject: "备案成功：浙ICP备2026000001号", body: "恭喜！张三 的备案号是 浙ICP备2026000001号，请在 30 日内办理公安备案。" });
  });
});

describe("restoring a template to its built-in text (#6)", () => {
  const expired = DEFAULT_TEMPLATES.find((t) => t.key === "filing.expired")!;
  const restore = (key: string, who: Session = admin) =>
    sys.app.inject({ method: "POST", url: `/api/admin/notification-templates/${key}/restore-default`, headers: bearer(who) });
  const audited = () =>
    sys.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "notification_template"), eq(auditLog.entityId, "filing.expired")))
      .then((rows) => rows.map((r) => ({ action: r.action, data: r.data })));

  it("drops the admin's edit, audits what it replaced, and the next notice uses the default again", async () => {
    const edited = { subject: "申请已关闭（修改）", body: "{{subjectName}} 的申请已关闭（修改）。", sms: "【备案系统】申请已关闭（修改）。" };
    expect((await putTemplate("filing.expired", edited)).statusCode).toBe(200);

    const res = await restore("filing.expired");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ key: "filing.expired", subject: expired.subject, body: expired.body, sms: expired.sms, edited: false, updatedAt: null });
    const listed = (await sys.app.inject({ url: "/api/admin/notification-templates", headers: bearer(admin) })).json().items as { key: string; edited: boolean; body: string }[];
    expect(listed.find((t) => t.key === "filing.expired")).toMatchObject({ edited: false, body: expired.body });
    expect(await audited()).toEqual([
      { action: "notification_template.updated", data: expect.anything() },
      { action: "notification_template.restored", data: { before: edited, after: "default" } },
    ]);

    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, { eventKey: "test.restored:1", template: "filing.expired", variables: { subjectName: "张三" }, userId: null, email: "restored@example.com" }),
    );
    const [row] = await sys.ctx.db.select().from(notifications).where(eq(notifications.idempotencyKey, "test.restored:1:email:restored@example.com"));
    expect(row!.body).toBe(expired.body.replace("{{subjectName}}", "张三"));
  });

  it("leaves a template already at its default as it is, unaudited; an unknown template is not found", async () => {
    const before = (await audited()).length;
    const res = await restore("filing.expired");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ edited: false, body: expired.body });
    expect(await audited()).toHaveLength(before);
    const unknown = await restore("filing.nothing");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("the delivery list pages on the server (#6)", () => {
  const list = (query: string) => sys.app.inject({ url: `/api/admin/notifications?${query}`, headers: bearer(admin) });
  const ids = async (query: string) => {
    const res = await list(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string }[]; total: number; page: number; pageSize: number };
  };

  beforeAll(async () => {
    // Seven failed emails a minute apart, plus two at the same instant: the order must still be total.
    const base = new Date("2026-03-01T00:00:00Z").getTime();
    await sys.ctx.db.insert(notifications).values(
      Array.from({ length: 9 }, (_, i) => ({
        idempotencyKey: `test.paging:${i}`,
        channel: "email" as const,
        recipient: `paging${i}@example.com`,
        template: "filing.submitted",
        subject: "s",
        body: "b",
        status: "failed" as const,
        attempts: 6,
        createdAt: new Date(base + Math.min(i, 7) * 60_000),
      })),
    );
  });

  it("walks every page once, newest first, with the total of all matches", async () => {
    const all = await ids("status=failed&channel=email&pageSize=200");
    expect(all.total).toBeGreaterThanOrEqual(9);
    expect(all.items).toHaveLength(all.total);
    const walked: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 4); page++) {
      const one = await ids(`status=failed&channel=email&page=${page}&pageSize=4`);
      expect(one).toMatchObject({ total: all.total, page, pageSize: 4 });
      expect(one.items.length).toBe(Math.min(4, all.total - (page - 1) * 4));
      walked.push(...one.items.map((i) => i.id));
    }
    expect(walked).toEqual(all.items.map((i) => i.id));
    const beyond = await ids(`status=failed&channel=email&page=${Math.ceil(all.total / 4) + 1}&pageSize=4`);
    expect(beyond).toMatchObject({ items: [], total: all.total });
  });

  it("still takes the old limit (the first page of that size); defaults to 50 a page", async () => {
    const old = await ids("status=failed&channel=email&limit=3");
    expect(old).toMatchObject({ page: 1, pageSize: 3 });
    expect(old.items.map((i) => i.id)).toEqual((await ids("status=failed&channel=email&page=1&pageSize=3")).items.map((i) => i.id));
    expect(await ids("status=failed")).toMatchObject({ page: 1, pageSize: 50 });
  });

  it.each([
    ["pageSize=201", "pageSize"],
    ["limit=0", "limit"],
    ["page=0", "page"],
    ["pageSize=10&limit=10", "limit"],
  ])("refuses %s at the parameter (400)", async (query, path) => {
    const res = await list(`status=failed&${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(`querystring.${path}`);
  });
});

/** A cloud SMS gateway on loopback speaking the documented JSON shape; `fail` makes it refuse. */
async function startSmsGateway() {
  const received: { headers: IncomingHttpHeaders; body: Record<string, string> }[] = [];
  let fail = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string> });
      res.setHeader("content-type", "application/json");
      if (fail > 0) {
        fail--;
        res.statusCode = 503;
        res.end(JSON.stringify({ ok: false, code: "BUSINESS_LIMIT_CONTROL", message: "触发流控，请稍后再试" }));
        return;
      }
      res.end(JSON.stringify({ ok: true, messageId: `m${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`,
    received,
    failNext: (n: number) => void (fail = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("SMS through the HTTP JSON gateway; failed deliveries listed masked and retried by an admin", () => {
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  beforeAll(async () => {
    gateway = await startSmsGateway();
  });
  afterAll(() => gateway.close());

  const smsOf = (eventKey: string) =>
    sys.ctx.db.select().from(notifications).where(eq(notifications.idempotencyKey, `${eventKey}:sms:138****5678`)).then((r) => r[0]!);

  it("is chosen by SMS_PROVIDER=http and posts the documented request", async () => {
    expect(smsSenderFromEnv({}).kind).toBe("outbox");
    expect(() => smsSenderFromEnv({ SMS_PROVIDER: "http" })).toThrow(/SMS_HTTP_URL/);
    const sms = smsSenderFromEnv({ SMS_PROVIDER: "http", SMS_HTTP_URL: gateway.url, SMS_HTTP_TOKEN: "t0ken", SMS_SIGN_NAME: "示例接入商" });
    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, { eventKey: "test.sms:1", template: "filing.sms_verified", variables: { subjectName: "张三" }, userId: null, mobile: "13812345678" }),
    );
    const row = await smsOf("test.sms:1");
    await deliverNotification(sys.ctx, { mail: sys.ctx.mail, sms }, row.id, 1, 6);
    expect(gateway.received).toHaveLength(1);
    expect(gateway.received[0]!.headers).toMatchObject({ authorization: "Bearer t0ken", "idempotency-key": row.idempotencyKey, "content-type": "application/json" });
    expect(gateway.received[0]!.body).toEqual({ mobile: "13812345678", signName: "示例接入商", text: row.body, outId: row.idempotencyKey });
    expect((await smsOf("test.sms:1")).status).toBe("sent");
  });

  it("a refusal is retried; after the last attempt the notice is listed for admins, masked; an admin's retry sends it once", async () => {
    const sms = smsSenderFromEnv({ SMS_PROVIDER: "http", SMS_HTTP_URL: gateway.url });
    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, {
        eventKey: "test.sms:2",
        template: "filing.returned_by_bureau",
        variables: { subjectName: "李四", reason: "联系人手机 13900001111 无法接通，邮箱 li.si@example.com 无效" },
        userId: null,
        mobile: "13812345678",
      }),
    );
    const row = await smsOf("test.sms:2");
    gateway.failNext(2);
    const before = gateway.received.length;
    await expect(deliverNotification(sys.ctx, { mail: sys.ctx.mail, sms }, row.id, 1, 2)).rejects.toThrow(/HTTP 503, BUSINESS_LIMIT_CONTROL/);
    expect((await smsOf("test.sms:2")).status).toBe("pending");
    await expect(deliverNotification(sys.ctx, { mail: sys.ctx.mail, sms }, row.id, 2, 2)).rejects.toThrow(/触发流控/);
    expect((await smsOf("test.sms:2")).status).toBe("failed");

    const list = await sys.app.inject({ url: "/api/admin/notifications?status=failed&channel=sms", headers: bearer(admin) });
    expect(list.statusCode, list.body).toBe(200);
    const item = (list.json().items as { id: string; recipient: string; body: string; attempts: number; lastError: string }[]).find((i) => i.id === row.id)!;
    expect(item).toMatchObject({ recipient: "138****5678", attempts: 2, lastError: expect.stringContaining("触发流控") });
    expect(item.body).toContain("139****1111");
    expect(item.body).toContain("li***@example.com");
    expect(JSON.stringify(list.json())).not.toMatch(/13812345678|13900001111|li\.si@/);

    const retried = await sys.app.inject({ method: "POST", url: `/api/admin/notifications/${row.id}/retry`, headers: bearer(admin) });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id: row.id, status: "pending", recipient: "138****5678" });
    const pending = await sys.app.inject({ url: "/api/admin/notifications?status=pending", headers: bearer(admin) });
    expect(pending.json().items.map((i: { id: string }) => i.id)).toContain(row.id);
    const [audited] = await sys.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "notification"), eq(auditLog.entityId, row.id)));
    expect(audited).toMatchObject({ action: "notification.retry", fromState: "failed", toState: "pending" });

    // What the retry job does: delivers once; a duplicate run sends nothing more.
    await deliverNotification(sys.ctx, { mail: sys.ctx.mail, sms }, row.id, 1, 6);
    await deliverNotification(sys.ctx, { mail: sys.ctx.mail, sms }, row.id, 1, 6);
    expect(gateway.received.length - before).toBe(3);
    expect((await smsOf("test.sms:2")).status).toBe("sent");
    const again = await sys.app.inject({ method: "POST", url: `/api/admin/notifications/${row.id}/retry`, headers: bearer(admin) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("NOTIFICATION_ALREADY_SENT");
  });
});

describe("in-app inbox: own notices only, newest first, unread count", () => {
  it("lists the applicant's own notices and marks one read; another's notice is not found", async () => {
    await register(sys.app, "inbox-a@example.com");
    await register(sys.app, "inbox-b@example.com");
    const a = await loginAs(sys.app, "inbox-a@example.com", "Passw0rd-x");
    const b = await loginAs(sys.app, "inbox-b@example.com", "Passw0rd-x");
    sys.clock.set(new Date(sys.clock.now().getTime() + 60_000));
    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, { eventKey: "test.inbox:1", template: "filing.expired", variables: { subjectName: "张三" }, userId: a.userId, inbox: true }),
    );
    const inbox = async (s: Session) => (await sys.app.inject({ url: "/api/me/notifications", headers: bearer(s) })).json();
    const mine = await inbox(a);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((i: { template: string }) => i.template)).toEqual(["filing.expired", "account.registered"]);
    expect((await inbox(b)).items.map((i: { template: string }) => i.template)).toEqual(["account.registered"]);

    const id = mine.items[0].id as string;
    expect((await sys.app.inject({ method: "POST", url: `/api/me/notifications/${id}/read`, headers: bearer(b) })).statusCode).toBe(404);
    expect((await sys.app.inject({ method: "POST", url: `/api/me/notifications/${id}/read`, headers: bearer(a) })).statusCode).toBe(204);
    const after = await inbox(a);
    expect(after.unread).toBe(1);
    expect(after.items[0].readAt).not.toBeNull();
    expect((await sys.app.inject({ method: "POST", url: "/api/me/notifications/not-a-uuid/read", headers: bearer(a) })).statusCode).toBe(400);
  });
});
