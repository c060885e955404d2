import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, filings, materials, notifications, sessions, specialWebsites, subjects, users } from "../src/db/schema.js";
import { verifyAuditChain } from "../src/modules/audit/chain.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { personalFilingOf, submittedFiling, uploadChecklist } from "./support/filings.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";

/**
 * #11.4: an applicant downloads everything the system holds about them, and can have the account
 * closed: what no law requires is deleted (drafts, their files, notices, sessions), what reached
 * the bureau and the audit log are kept, with the reason in the answer.
 */
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
  // The filing fixtures' dates (ID validity, domain certificates) fit this day.
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
});
afterAll(() => sys.close());

const closeAccount = (s: Session, password: string) =>
  sys.app.inject({ method: "DELETE", url: "/api/me", headers: bearer(s), payload: { password } });

async function applicantWithDraft(email: string, n: number): Promise<{ session: Session; filingId: string }> {
  await register(sys.app, email, "Passw0rd-x", "13700137001");
  const session = await loginAs(sys.app, email, "Passw0rd-x");
  const created = await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(session), payload: { type: "first", form: personalFilingOf(n) } });
  expect(created.statusCode, created.body).toBe(201);
  return { session, filingId: created.json().id };
}

/** Moves a filing to a state as the lifecycle would leave it (the lifecycle has tests of its own). */
async function setStatus(id: string, status: string, lifecycle: Record<string, unknown> = {}) {
  await sys.ctx.db.update(filings).set({ status, lifecycle }).where(eq(filings.id, id));
}

describe("personal data export (#11.4)", () => {
  it("returns the account, subject, filings with timeline and materials, notices and audit entries as a JSON download", async () => {
    const { session, filingId } = await applicantWithDraft("export@example.com", 1);
    await uploadChecklist(sys, session, filingId);
    await applicantWithDraft("someone-else@example.com", 2);

    const res = await sys.app.inject({ url: "/api/me/export", headers: bearer(session) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="beian-personal-data-2026-03-02\.json"$/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const data = res.json();
    // The owner gets their own data in full: mobile and certificate number in plain text.
    expect(data.account).toMatchObject({ email: "export@example.com", role: "applicant", mobile: "13700137001" });
    expect(data.subject.data.certificate.number).toBe(personalFilingOf(1).subject!.certificate!.number);
    expect(data.filings).toHaveLength(1);
    expect(data.filings[0]).toMatchObject({ id: filingId, status: "draft" });
    expect(data.filings[0].timeline.map((e: { action: string }) => e.action)).toContain("filing.created");
    expect(data.filings[0].materials.length).toBeGreaterThan(0);
    expect(data.uploads.length).toBe(data.filings[0].materials.length);
    expect(data.notifications.some((n: { template: string }) => n.template === "account.registered")).toBe(true);
    expect(data.sessions.length).toBeGreaterThan(0);
    const actions = data.audit.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.registered", "filing.created", "material.uploaded"]));
    // Nobody else's data.
    expect(JSON.stringify(data)).not.toContain("someone-else@example.com");
    expect(JSON.stringify(data)).not.toContain(personalFilingOf(2).subject!.certificate!.number);
    // The export is audited.
    const [entry] = await sys.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "user.data_exported"), eq(auditLog.entityId, session.userId)));
    expect(entry).toMatchObject({ entityType: "user", actorId: session.userId });
  });

  it("needs a signed-in user", async () => {
    expect((await sys.app.inject({ url: "/api/me/export" })).statusCode).toBe(401);
  });
});

describe("closing the account (#11.4, PIPL art. 47)", () => {
  it("deletes a never-submitted applicant's drafts, files, notices and sessions and anonymises the account", async () => {
    const { session, filingId } = await applicantWithDraft("draft-only@example.com", 3);
    // A photo of its own, so its file is not shared with other tests' uploads.
    const photo = await phonePhoto(1000, 800, 31);
    const upload = await sys.app.inject({
      method: "POST",
      url: `/api/filings/${filingId}/materials`,
      ...multipart({ kind: "principal_id" }, { name: "id.jpg", type: "image/jpeg", data: photo }, bearer(session)),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const [material] = await sys.ctx.db.select().from(materials).where(eq(materials.filingId, filingId));
    expect(await sys.ctx.files.get(material!.storedKey)).not.toBeNull();

    const wrong = await closeAccount(session, "Wrong-passw0rd");
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: "PASSWORD_INCORRECT", errors: [{ path: "password" }] });

    const res = await closeAccount(session, "Passw0rd-x");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: "closed", deleted: { filings: 1, materials: 1, files: 2 } });
    expect(body.deleted.notifications).toBeGreaterThan(0);
    expect(body.retained.map((r: { kind: string }) => r.kind)).toEqual(["audit_log", "account_record"]);
    expect(body.retentionPeriod).toContain("接入商");
    expect(res.headers["set-cookie"]).toMatch(/beian_session=;/);

    expect(await sys.ctx.db.select().from(filings).where(eq(filings.id, filingId))).toEqual([]);
    expect(await sys.ctx.db.select().from(subjects).where(eq(subjects.ownerId, session.userId))).toEqual([]);
    expect(await sys.ctx.db.select().from(notifications).where(eq(notifications.userId, session.userId))).toEqual([]);
    expect(await sys.ctx.db.select().from(sessions).where(eq(sessions.userId, session.userId))).toEqual([]);
    expect(await sys.ctx.files.get(material!.storedKey)).toBeNull();
    expect(await sys.ctx.files.get(material!.originalKey)).toBeNull();
    const [account] = await sys.ctx.db.select().from(users).where(eq(users.id, session.userId));
    expect(account).toMatchObject({ email: `closed-${session.userId}@closed.invalid`, mobile: null });
    expect(account!.disabledAt).not.toBeNull();

    // Signed out everywhere and cannot sign in again; the email is free for a new account.
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(session) })).statusCode).toBe(401);
    expect((await sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "draft-only@example.com", password: "Passw0rd-x" } })).statusCode).toBe(401);
    expect((await register(sys.app, "draft-only@example.com")).statusCode).toBe(201);

    // Audited, and the chain still verifies (nothing was taken out of the log).
    const [entry] = await sys.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "user.closed"), eq(auditLog.entityId, session.userId)));
    expect(entry).toMatchObject({ fromState: "active", toState: "closed", actorId: session.userId });
    expect(await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, filingId))).not.toEqual([]);
    expect((await verifyAuditChain(sys.ctx.db)).brokenAt).toBeNull();
  });

  it("refuses while a filing is in flight, naming it, and changes nothing", async () => {
    const submitted = await submittedFiling(sys, 4);
    const res = await closeAccount(submitted.session, "Passw0rd-x");
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "ACCOUNT_DELETION_BLOCKED",
      errors: [{ path: `filings.${submitted.id}`, code: "FILING_IN_PROGRESS", message: expect.stringContaining("待接入商审核") }],
    });
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(submitted.session) })).statusCode).toBe(200);
  });

  it("refuses while an approved record is in force", async () => {
    const { session, filingId } = await applicantWithDraft("in-force@example.com", 5);
    await setStatus(filingId, "approved", { bureauSubmittedAt: "2026-02-01T02:00:00.000Z", icpNumber: "浙ICP备2026000005号" });
    const res = await closeAccount(session, "Passw0rd-x");
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ code: "RECORD_IN_FORCE" })]);
  });

  it("keeps filings that reached the bureau once the subject is cancelled, and deletes the rest", async () => {
    const { session, filingId: approvedId } = await applicantWithDraft("cancelled@example.com", 6);
    await uploadChecklist(sys, session, approvedId);
    // A replaced upload is not part of what the bureau received.
    const replacement = await phonePhoto(1000, 800, 47);
    const [first] = await sys.ctx.db.select().from(materials).where(eq(materials.filingId, approvedId)).limit(1);
    const replaced = await sys.app.inject({
      method: "POST",
      url: `/api/filings/${approvedId}/materials`,
      ...multipart({ kind: first!.kind, ...(first!.path ? { path: first!.path } : {}) }, { name: "id-new.jpg", type: "image/jpeg", data: replacement }, bearer(session)),
    });
    expect(replaced.statusCode, replaced.body).toBe(201);
    await setStatus(approvedId, "approved", { bureauSubmittedAt: "2026-02-01T02:00:00.000Z", icpNumber: "浙ICP备2026000006号" });
    const [subject] = await sys.ctx.db.select().from(subjects).where(eq(subjects.ownerId, session.userId));
    const later = new Date("2026-03-05T02:00:00Z");
    const [cancel] = await sys.ctx.db
      .insert(filings)
      .values({ subjectId: subject!.id, ownerId: session.userId, type: "cancel_subject", status: "approved", lifecycle: { bureauSubmittedAt: later.toISOString() }, createdAt: later, updatedAt: later })
      .returning();
    const [withdrawn] = await sys.ctx.db
      .insert(filings)
      .values({ subjectId: subject!.id, ownerId: session.userId, type: "new_site", status: "withdrawn", createdAt: later, updatedAt: later })
      .returning();
    const current = (await sys.ctx.db.select().from(materials).where(eq(materials.filingId, approvedId))).filter((m) => !m.replacedAt);

    const res = await closeAccount(session, "Passw0rd-x");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.deleted).toMatchObject({ filings: 1, materials: 1 });
    expect(body.retained[0]).toMatchObject({ kind: "bureau_filings", count: 2, reason: expect.stringContaining("个人信息保护法》第四十七条") });

    const left = await sys.ctx.db.select().from(filings).where(eq(filings.ownerId, session.userId));
    expect(left.map((f) => f.id).sort()).toEqual([approvedId, cancel!.id].sort());
    expect(left.find((f) => f.id === withdrawn!.id)).toBeUndefined();
    // The approved filing keeps its form snapshot and the files it was submitted with.
    expect(left.find((f) => f.id === approvedId)!.form).toMatchObject({ subject: { name: personalFilingOf(6).subject!.name } });
    const kept = await sys.ctx.db.select().from(materials).where(eq(materials.filingId, approvedId));
    expect(kept.map((m) => m.id).sort()).toEqual(current.map((m) => m.id).sort());
    for (const m of kept) expect(await sys.ctx.files.get(m.storedKey)).not.toBeNull();
    // The working copy of the subject is emptied; the row stays for the kept filings.
    const [emptied] = await sys.ctx.db.select().from(subjects).where(eq(subjects.ownerId, session.userId));
    expect(emptied!.data).toEqual({});
    expect((await verifyAuditChain(sys.ctx.db)).brokenAt).toBeNull();
  });

  it("deletes special-website records not accepted with their documents, and keeps accepted ones", async () => {
    await register(sys.app, "special@example.com", "Passw0rd-x", "13700137002");
    const session = await loginAs(sys.app, "special@example.com", "Passw0rd-x");
    const letter = await sys.ctx.files.put(await phonePhoto(900, 700, 53));
    const idCard = await sys.ctx.files.put(await phonePhoto(900, 700, 59));
    const document = (key: string) => ({ originalKey: key, storedKey: key, originalName: "a.jpg", originalMime: "image/jpeg", originalBytes: 1, storedBytes: 1, width: 900, height: 700, uploadedAt: "2026-03-02T02:00:00.000Z" });
    const site = (domain: string, status: string, documents: Record<string, unknown>) => ({
      ownerId: session.userId,
      siteName: "特殊网站",
      domain,
      icpNumber: "浙ICP备2026000009号",
      holder: { type: "personal", name: "张三" },
      emergencyContact: { name: "张三", mobile: "13900139009" },
      documents,
      status,
    });
    const [pending] = await sys.ctx.db.insert(specialWebsites).values(site("pending.cn", "pending", { responsibility_letter: document(letter.key) })).returning();
    const [accepted] = await sys.ctx.db.insert(specialWebsites).values(site("accepted.cn", "accepted", { identity: document(idCard.key) })).returning();

    const res = await closeAccount(session, "Passw0rd-x");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deleted.files).toBe(1);
    expect(res.json().retained[0]).toMatchObject({ kind: "special_websites", count: 1 });
    const left = await sys.ctx.db.select({ id: specialWebsites.id }).from(specialWebsites).where(eq(specialWebsites.ownerId, session.userId));
    expect(left).toEqual([{ id: accepted!.id }]);
    expect(left.find((s) => s.id === pending!.id)).toBeUndefined();
    expect(await sys.ctx.files.get(letter.key)).toBeNull();
    expect(await sys.ctx.files.get(idCard.key)).not.toBeNull();
  });

  it("is for applicants: staff accounts are closed by an admin", async () => {
    const admin = await loginAs(sys.app, "admin@test.local", "Admin-pass-2026");
    const res = await closeAccount(admin, "Admin-pass-2026");
    expect(res.statusCode).toBe(403);
  });
});
