import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../src/db/schema.js";
import { smtpMailSender } from "../src/gateways/mail/smtp.js";
import { notify } from "../src/modules/notifications/service.js";
import { checkTemplateText, DEFAULT_TEMPLATES, findTemplate, render } from "../src/modules/notifications/templates.js";
import { register } from "./support/http.js";
import { startSmtpServer } from "./support/smtp.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mail = smtpMailSender({ host: "127.0.0.1", port: smtp.port, secure: false, user: undefined, password: undefined, from: "备案系统 <beian@test.local>" });
  sys = await startTestSystem({}, { work: true, mail });
});
afterAll(async () => {
  await sys.close();
  await smtp.close();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not met in time");
};

describe("email over real SMTP", () => {
  it("sends the registration notice once, in Chinese, to the new applicant", async () => {
    await register(sys.app, "welcome@example.com");
    await until(() => smtp.received.some((m) => m.to && JSON.stringify(m.to).includes("welcome@example.com")));
    const mails = smtp.received.filter((m) => JSON.stringify(m.to).includes("welcome@example.com"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("欢迎使用备案系统");
    expect(mails[0]!.text).toContain("welcome@example.com");
  });

  it("retries after an SMTP failure and then delivers exactly once", async () => {
    smtp.failNext(1);
    const eventKey = `test.retry:${Date.now()}`;
    await sys.ctx.db.transaction((tx) =>
      notify(tx, sys.ctx, {
        eventKey,
        template: "filing.submitted",
        variables: { subjectName: "张三", filingId: "F-1" },
        userId: null,
        email: "retry@example.com",
      }),
    );
    const [row] = await sys.ctx.db.select().from(notifications).where(eq(notifications.idempotencyKey, `${eventKey}:email:retry@example.com`));
    await until(async () => {
      const [r] = await sys.ctx.db.select().from(notifications).where(eq(notifications.id, row!.id));
      return r!.status === "sent";
    }, 60_000);
    const [sent] = await sys.ctx.db.select().from(notifications).where(eq(notifications.id, row!.id));
    expect(sent!.attempts).toBe(2);
    expect(smtp.received.filter((m) => JSON.stringify(m.to).includes("retry@example.com"))).toHaveLength(1);
  }, 90_000);

  it("does not create a second notice when the same event is notified again", async () => {
    const request = {
      eventKey: "test.replay:1",
      template: "filing.submitted" as const,
      variables: { subjectName: "李四", filingId: "F-2" },
      userId: null,
      email: "replay@example.com",
      mobile: "13800138000",
    };
    const first = await sys.ctx.db.transaction((tx) => notify(tx, sys.ctx, request));
    const second = await sys.ctx.db.transaction((tx) => notify(tx, sys.ctx, request));
    expect([first, second]).toEqual([2, 0]);
  });

  it("adds nothing when the state change rolls back", async () => {
    await expect(
      sys.ctx.db.transaction(async (tx) => {
        await notify(tx, sys.ctx, {
          eventKey: "test.rollback:1",
          template: "filing.submitted",
          variables: { subjectName: "王五", filingId: "F-3" },
          userId: null,
          email: "rollback@example.com",
        });
        throw new Error("state change failed");
      }),
    ).rejects.toThrow();
    // Recipients are encrypted (issue 11.4): the row is found by its idempotency key.
    const rows = await sys.ctx.db.select().from(notifications).where(eq(notifications.idempotencyKey, "test.rollback:1:email:rollback@example.com"));
    expect(rows).toHaveLength(0);
  });
});

describe("templates", () => {
  it.each(DEFAULT_TEMPLATES.map((t) => [t.key, t] as const))("%s uses only its declared variables", (_key, template) => {
    for (const text of [template.subject, template.body, template.sms]) expect(checkTemplateText(template, text)).toEqual([]);
    const vars = Object.fromEntries(template.variables.map((v) => [v, `«${v}»`]));
    expect(render(template.body, vars)).not.toMatch(/\{\{/);
  });

  it("refuses to render with a missing variable", () => {
    expect(() => render(findTemplate("filing.returned").body, { subjectName: "x" })).toThrow(/reasons/);
  });

  it("finds undeclared variables in an edited template", () => {
    expect(checkTemplateText(findTemplate("filing.submitted"), "{{subjectName}} {{password}}")).toEqual(["password"]);
  });
});
