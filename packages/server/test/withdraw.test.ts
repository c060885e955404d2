import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications } from "../src/db/schema.js";
import { submittedFiling } from "./support/filings.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { reviewerOf } from "./support/review.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

/** WF-4: the applicant withdraws (撤回) a filing before it reaches the bureau, through the lifecycle. */
let sys: TestSystem;
let reviewer: Session;
let other: Session;

beforeAll(async () => {
  sys = await startTestSystem();
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
  await register(sys.app, "other@example.com", "Passw0rd-o", "13900139111");
  other = await loginAs(sys.app, "other@example.com", "Passw0rd-o");
}, 60_000);
afterAll(() => sys.close());

const { act } = reviewerOf(() => sys, () => bearer(reviewer));
const read = async (id: string, s: Session) => (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(s) })).json();
const withdraw = (id: string, s: Session | null, payload: Record<string, unknown>) =>
  sys.app.inject({ method: "POST", url: `/api/filings/${id}/withdraw`, headers: bearer(s), payload });

describe("withdraw a filing (WF-4)", () => {
  it("WF-4: the owner withdraws a filing waiting for the provider; stage, timeline, notices and a new filing follow", async () => {
    const f = await submittedFiling(sys, 1);
    const { version } = await read(f.id, f.session);
    const res = await withdraw(f.id, f.session, { expectedVersion: version, reason: "网站名称要改，重新申请" });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: "withdrawn", stage: "已撤回", version: version + 1, nextStep: { actor: "none" } });
    // R-ST-2: who, when, from, to, why.
    expect(body.timeline.at(-1)).toMatchObject({ action: "filing.withdraw", actorRole: "applicant", fromState: "submitted", toState: "withdrawn", reason: "网站名称要改，重新申请" });
    const notices = await sys.ctx.db.select().from(notifications).where(like(notifications.idempotencyKey, `filing:${f.id}:v${version + 1}:%`));
    const applicantNotices = notices.filter((n) => n.template === "filing.withdrawn");
    expect(applicantNotices.map((n) => n.channel).sort()).toEqual(["email", "inbox"]);
    expect(applicantNotices.find((n) => n.channel === "email")!.body).toContain("已按您的操作撤回");
    expect(notices.some((n) => n.template === "review.filing_withdrawn")).toBe(true);
    // The subject is free again (WF-1 counts withdrawn filings as closed).
    const again = await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(f.session), payload: { type: "first" } });
    expect(again.statusCode, again.body).toBe(201);
  });

  it("WF-4: a draft can be withdrawn without telling the reviewers (they never saw it)", async () => {
    await register(sys.app, "draft@example.com", "Passw0rd-d", "13900139222");
    const s = await loginAs(sys.app, "draft@example.com", "Passw0rd-d");
    const draft = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(s), payload: { type: "first" } })).json();
    const res = await withdraw(draft.id, s, { expectedVersion: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    const notices = await sys.ctx.db.select().from(notifications).where(like(notifications.idempotencyKey, `filing:${draft.id}:%`));
    expect([...new Set(notices.map((n) => n.template))]).toEqual(["filing.withdrawn"]);
  });

  it("WF-4: not once the filing is with the bureau, nor twice: 409 FILING_NOT_WITHDRAWABLE, nothing written", async () => {
    const f = await submittedFiling(sys, 2);
    await act(f.id, "approve");
    await act(f.id, "on-site", { originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "营业厅" });
    await act(f.id, "submit-to-bureau");
    const before = await read(f.id, f.session);
    expect(before.status).toBe("sms_pending");
    const res = await withdraw(f.id, f.session, { expectedVersion: before.version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "FILING_NOT_WITHDRAWABLE" });
    expect(res.json().detail).toMatch(/不能撤回/);
    expect((await read(f.id, f.session)).version).toBe(before.version);

    const g = await submittedFiling(sys, 3);
    const { version } = await read(g.id, g.session);
    expect((await withdraw(g.id, g.session, { expectedVersion: version })).statusCode).toBe(200);
    expect((await withdraw(g.id, g.session, { expectedVersion: version + 1 })).json().code).toBe("FILING_NOT_WITHDRAWABLE");
  });

  it("WF-4: a stale version answers 409 FILING_VERSION_CONFLICT (the reviewer acted meanwhile)", async () => {
    const f = await submittedFiling(sys, 4);
    const { version } = await read(f.id, f.session);
    await act(f.id, "approve");
    const res = await withdraw(f.id, f.session, { expectedVersion: version });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("FILING_VERSION_CONFLICT");
    expect((await read(f.id, f.session)).status).toBe("verifying");
  });

  it("WF-4: bad input is 400 with the field named", async () => {
    const f = await submittedFiling(sys, 5);
    for (const payload of [{}, { expectedVersion: "1" }, { expectedVersion: 1, reason: "长".repeat(201) }, { expectedVersion: 1, extra: true }]) {
      const res = await withdraw(f.id, f.session, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe("VALIDATION_FAILED");
    }
  });

  it("WF-4: only the owner: another applicant 404, a reviewer 403, anonymous 401; nothing is audited", async () => {
    const f = await submittedFiling(sys, 6);
    const { version } = await read(f.id, f.session);
    expect((await withdraw(f.id, other, { expectedVersion: version })).statusCode).toBe(404);
    expect((await withdraw(f.id, reviewer, { expectedVersion: version })).json()).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await withdraw(f.id, null, { expectedVersion: version })).statusCode).toBe(401);
    expect((await withdraw("not-a-uuid", f.session, { expectedVersion: version })).statusCode).toBe(404);
    const entries = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, f.id));
    expect(entries.some((e) => e.action === "filing.withdraw")).toBe(false);
  });
});
