import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filings, notificationReminders, notifications, users } from "../src/db/schema.js";
import { createFakeBureauGateway } from "../src/gateways/bureau/fake.js";
import { pollBureau } from "../src/modules/bureau/download.js";
import { fireDueReminders } from "../src/modules/notifications/reminders.js";
import { alertReviewSla } from "../src/modules/notifications/review-sla.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { reviewerOf } from "./support/review.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

/** Reminders and alerts on an injected clock: the sweep is called as its job would call it. */
const bureau = createFakeBureauGateway();
let sys: TestSystem;
let reviewer: Session;
const HOUR = 3_600_000;

beforeAll(async () => {
  sys = await startTestSystem({}, { bureau });
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
}, 60_000);
afterAll(() => sys.close());

// The clock jumps days: the reviewer signs in again whenever the session has run out.
const staffHeaders = async () => {
  if ((await sys.app.inject({ url: "/api/me", headers: bearer(reviewer) })).statusCode !== 200) reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
  return bearer(reviewer);
};
const { act, verify } = reviewerOf(() => sys, staffHeaders);
/** Verified on site and sent to the bureau by the reviewer at the current clock: 待短信核验. */
async function atBureau(n: number): Promise<SubmittedFiling & { expiresAt: Date }> {
  const f = await submittedFiling(sys, n);
  await verify(f.id);
  const sentAt = sys.clock.now();
  expect((await act(f.id, "submit-to-bureau")).status).toBe("sms_pending");
  return { ...f, expiresAt: new Date(sentAt.getTime() + 48 * HOUR) };
}
const remindersOf = (filingId: string) => sys.ctx.db.select().from(notificationReminders).where(eq(notificationReminders.filingId, filingId));
/** The reminder notices of applicant n (email, SMS, inbox). */
const reminderNotices = async (n: number) => {
  const [owner] = await sys.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, `applicant-${n}@example.com`));
  return sys.ctx.db.select().from(notifications).where(and(eq(notifications.template, "filing.sms_reminder"), eq(notifications.userId, owner!.id)));
};
const at = async (time: Date) => {
  sys.clock.set(time);
  return fireDueReminders(sys.ctx);
};

describe("SMS code reminders 24 h and 4 h before expiry (R-SMS-5)", () => {
  let f: SubmittedFiling & { expiresAt: Date };

  it("are scheduled with the submission, in its transaction, each with a wake-up job", async () => {
    sys.clock.set(new Date("2026-03-02T02:00:00Z"));
    f = await atBureau(0);
    const rows = await remindersOf(f.id);
    expect(rows.map((r) => [r.kind, r.dueAt.toISOString()]).sort()).toEqual([
      ["sms_code_24h", new Date(f.expiresAt.getTime() - 24 * HOUR).toISOString()],
      ["sms_code_4h", new Date(f.expiresAt.getTime() - 4 * HOUR).toISOString()],
    ]);
    const jobs = await sys.ctx.database.executor.executeSql("select count(*)::int as n from pgboss.job where name = 'notifications.reminders_due'");
    expect((jobs.rows[0] as { n: number }).n).toBe(2);
  });

  it("fire nothing before they are due, the 24 h reminder once when due, then the 4 h one", async () => {
    expect(await at(new Date(f.expiresAt.getTime() - 24 * HOUR - 60_000))).toEqual({ sent: 0, stale: 0, optedOut: 0 });
    expect(await at(new Date(f.expiresAt.getTime() - 24 * HOUR + 5_000))).toEqual({ sent: 1, stale: 0, optedOut: 0 });
    expect(await fireDueReminders(sys.ctx)).toEqual({ sent: 0, stale: 0, optedOut: 0 });
    let notices = await reminderNotices(0);
    expect(notices.map((r) => r.channel).sort()).toEqual(["email", "inbox", "sms"]);
    const email = notices.find((r) => r.channel === "email")!;
    expect(email.subject).toBe("提醒：短信核验将在 24 小时后过期");
    expect(email.body).toMatch(/验证码将于 2026年3月4日 \d\d:\d\d 过期/);
    expect(email.body).toContain("106598051001");

    expect(await at(new Date(f.expiresAt.getTime() - 4 * HOUR))).toEqual({ sent: 1, stale: 0, optedOut: 0 });
    notices = await reminderNotices(0);
    expect(notices.filter((r) => r.channel === "email").map((r) => r.subject).sort()).toEqual(["提醒：短信核验将在 24 小时后过期", "提醒：短信核验将在 4 小时后过期"]);
    expect((await remindersOf(f.id)).every((r) => r.outcome === "sent")).toBe(true);
  });

  it("do nothing once the code was verified (the filing left sms_pending)", async () => {
    sys.clock.set(new Date("2026-03-10T02:00:00Z"));
    const g = await atBureau(1);
    bureau.deliver([{ kind: "sms_verified", recordId: g.id, code: 1101, operation: "XZBA" }]);
    await pollBureau(sys.ctx);
    expect(await at(new Date(g.expiresAt.getTime() - 4 * HOUR))).toEqual({ sent: 0, stale: 2, optedOut: 0 });
    expect(await reminderNotices(1)).toEqual([]);
  });

  it("of an earlier submission do nothing; the new submission's reminders fire (same status, new bureauSubmittedAt)", async () => {
    sys.clock.set(new Date("2026-03-16T02:00:00Z"));
    const h = await atBureau(2);
    sys.clock.set(new Date(sys.clock.now().getTime() + HOUR));
    bureau.deliver([{ kind: "sms_expired", recordId: h.id, code: 1103, operation: "XZBA", reason: "超时" }]);
    await pollBureau(sys.ctx);
    sys.clock.set(new Date(sys.clock.now().getTime() + HOUR));
    const resubmittedAt = sys.clock.now();
    expect((await act(h.id, "submit-to-bureau")).status).toBe("sms_pending");
    // The first submission's 24 h reminder is due; the second's is two hours later.
    expect(await at(new Date(h.expiresAt.getTime() - 24 * HOUR + 1_000))).toEqual({ sent: 0, stale: 1, optedOut: 0 });
    expect(await at(new Date(resubmittedAt.getTime() + 24 * HOUR))).toEqual({ sent: 1, stale: 0, optedOut: 0 });
    expect((await reminderNotices(2)).filter((r) => r.channel === "email")).toHaveLength(1);
  });
});

describe("preferences: optional notices can be switched off, mandatory ones cannot", () => {
  let f: SubmittedFiling & { expiresAt: Date };
  let session: Session;

  it("lists the applicant's notices with which are mandatory; refuses to switch a mandatory one off (422, Chinese)", async () => {
    sys.clock.set(new Date("2026-03-23T02:00:00Z"));
    f = await atBureau(3);
    session = await loginAs(sys.app, "applicant-3@example.com", "Passw0rd-x");
    const got = await sys.app.inject({ url: "/api/me/notification-preferences", headers: bearer(session) });
    expect(got.statusCode).toBe(200);
    const items = got.json().items as { template: string; mandatory: boolean; enabled: boolean }[];
    expect(items.find((i) => i.template === "filing.sms_reminder")).toMatchObject({ mandatory: false, enabled: true });
    expect(items.find((i) => i.template === "filing.approved")).toMatchObject({ mandatory: true, enabled: true });
    expect(items.some((i) => i.template.startsWith("review."))).toBe(false);

    const refused = await sys.app.inject({
      method: "PUT",
      url: "/api/me/notification-preferences",
      headers: bearer(session),
      payload: { items: [{ template: "filing.approved", enabled: false }] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "VALIDATION_FAILED", detail: expect.stringContaining("不能关闭"), errors: [{ path: "items.0.enabled" }] });
    const unknown = await sys.app.inject({
      method: "PUT",
      url: "/api/me/notification-preferences",
      headers: bearer(session),
      payload: { items: [{ template: "review.sla_due", enabled: false }] },
    });
    expect(unknown.statusCode).toBe(422);
  });

  it("switched off, the reminder reaches the inbox only; mandatory notices still arrive by email and SMS", async () => {
    const off = await sys.app.inject({
      method: "PUT",
      url: "/api/me/notification-preferences",
      headers: bearer(session),
      payload: { items: [{ template: "filing.sms_reminder", enabled: false }] },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().items.find((i: { template: string }) => i.template === "filing.sms_reminder").enabled).toBe(false);

    // (Reminders of earlier tests' filings whose codes have expired are recorded as stale meanwhile.)
    expect(await at(new Date(f.expiresAt.getTime() - 24 * HOUR))).toMatchObject({ sent: 0, optedOut: 1 });
    expect((await reminderNotices(3)).map((r) => r.channel)).toEqual(["inbox"]);

    bureau.deliver([{ kind: "sms_verified", recordId: f.id, code: 1101, operation: "XZBA" }]);
    bureau.deliver([{ kind: "approved", recordId: f.id, code: 1001, operation: "XZBA", icpNumber: "浙ICP备2026000999号", websites: [] }]);
    await pollBureau(sys.ctx);
    const approved = await sys.ctx.db.select().from(notifications).where(and(eq(notifications.template, "filing.approved"), eq(notifications.userId, session.userId)));
    expect(approved.map((r) => r.channel).sort()).toEqual(["email", "inbox", "sms"]);

    session = await loginAs(sys.app, "applicant-3@example.com", "Passw0rd-x");
    const on = await sys.app.inject({
      method: "PUT",
      url: "/api/me/notification-preferences",
      headers: bearer(session),
      payload: { items: [{ template: "filing.sms_reminder", enabled: true }] },
    });
    expect(on.json().items.find((i: { template: string }) => i.template === "filing.sms_reminder").enabled).toBe(true);
  });
});

describe("reviewer SLA alerts (R-REV-3)", () => {
  it("alert every reviewer once per filing and due time, within 4 hours of the target or past it", async () => {
    sys.clock.set(new Date("2026-04-06T02:00:00Z"));
    const f = await submittedFiling(sys, 4);
    const [row] = await sys.ctx.db.select().from(filings).where(eq(filings.id, f.id));
    const due = row!.reviewDueAt!;
    const staff = await sys.ctx.db.select().from(users).where(eq(users.role, "reviewer"));
    const alerts = () => sys.ctx.db.select().from(notifications).where(like(notifications.idempotencyKey, `review-sla:${f.id}:%`));

    sys.clock.set(new Date(due.getTime() - 5 * HOUR));
    await alertReviewSla(sys.ctx);
    expect(await alerts()).toHaveLength(0);

    sys.clock.set(new Date(due.getTime() - 3 * HOUR));
    await alertReviewSla(sys.ctx);
    const sent = await alerts();
    // admin + reviewer, each by email and inbox
    expect(sent).toHaveLength((staff.length + 1) * 2);
    expect(sent.find((r) => r.channel === "email")!.subject).toBe(`审核即将到期提醒：${row!.subjectName}（初审）`);

    sys.clock.set(new Date(due.getTime() + 2 * HOUR));
    await alertReviewSla(sys.ctx);
    expect(await alerts()).toHaveLength(sent.length);
  });
});
