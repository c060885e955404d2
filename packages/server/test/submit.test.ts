import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalFiling } from "../../rules/test/fixtures.js";
import { auditLog, notifications, subjects } from "../src/db/schema.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let s: Session;
let id = "";

// A complete personal filing in 浙江 that passes the pre-review (the rules' own fixture).
const { type: _type, ...form } = personalFiling();

beforeAll(async () => {
  sys = await startTestSystem();
  // The fixture is dated 2026-03-02 (domain and certificate dates are relative to it).
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  await register(sys.app, "submit@example.com");
  s = await loginAs(sys.app, "submit@example.com", "Passw0rd-x");
  id = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(s), payload: { type: "first", form } })).json().id;
});
afterAll(() => sys.close());

const current = async () => (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(s) })).json();
const submit = async (expectedVersion?: number) =>
  sys.app.inject({
    method: "POST",
    url: `/api/filings/${id}/submit`,
    headers: bearer(s),
    payload: { expectedVersion: expectedVersion ?? (await current()).version },
  });
const upload = async (kind: string, path: string | null) =>
  sys.app.inject({
    method: "POST",
    url: `/api/filings/${id}/materials`,
    ...multipart(
      { kind, ...(path === null ? {} : { path }) },
      { name: `${kind}.jpg`, type: "image/jpeg", data: await phonePhoto(1600, 1200) },
      bearer(s),
    ),
  });

describe("checklist (MAT-2, R-MAT-2)", () => {
  it("lists what a personal filing needs, with reasons, and what is uploaded", async () => {
    const res = await sys.app.inject({ url: `/api/filings/${id}/checklist`, headers: bearer(s) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; reason: string; present: boolean; stage: string }[];
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(["principal_id", "domain_certificate"]));
    expect(items.every((i) => /[\u4e00-\u9fff]/.test(i.reason) && !i.present)).toBe(true);
    expect(items.find((i) => i.kind === "verification_photo")?.stage).toBe("verification");
  });
});

describe("submit (R-REV-1)", () => {
  it("blocks with the missing materials, each named, and changes nothing", async () => {
    const before = await current();
    const res = await submit();
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe("FILING_HAS_ERRORS");
    expect(body.errors.filter((e: { code: string }) => e.code === "MATERIAL_MISSING").length).toBeGreaterThan(0);
    expect(body.errors.every((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
    expect(await current()).toMatchObject({ status: "draft", version: before.version });
  });

  it("blocks on a pre-review error with the field's path", async () => {
    const f = await current();
    const broken = { ...form, subject: { ...form.subject, principal: { ...form.subject.principal, mobile: "12345" } } };
    await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(s), payload: { expectedVersion: f.version, form: broken } });
    const res = await submit();
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain("subject.principal.mobile");
    const g = await current();
    await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(s), payload: { expectedVersion: g.version, form } });
  });

  it("blocks a mobile already registered under another subject (SUB-6), whatever its spelling", async () => {
    await register(sys.app, "other-subject@example.com");
    const other = await loginAs(sys.app, "other-subject@example.com", "Passw0rd-x");
    const mobile = form.subject.principal.mobile as string;
    const theirs = { ...form, subject: { ...form.subject, principal: { ...form.subject.principal, mobile: `+86 ${mobile}` } } };
    const created = await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(other), payload: { type: "first", form: theirs } });
    expect(created.statusCode).toBe(201);
    const res = await submit();
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ code: "MOBILE_USED_BY_OTHER_SUBJECT", path: "subject.principal.mobile" }));
    // Leave the mobile to this applicant again for the tests that follow.
    await sys.ctx.db.update(subjects).set({ data: {}, principalMobileHash: null }).where(ne(subjects.ownerId, s.userId));
  });

  it("refuses a stale version", async () => {
    const res = await submit(1);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("FILING_VERSION_CONFLICT");
  });

  it("submits once everything is there: 待接入商审核, audited, applicant notified, no longer editable", async () => {
    const checklist = (await sys.app.inject({ url: `/api/filings/${id}/checklist`, headers: bearer(s) })).json().items as {
      kind: string;
      path: string | null;
      stage: string;
    }[];
    for (const item of checklist.filter((i) => i.stage === "submission")) {
      expect((await upload(item.kind, item.path)).statusCode).toBe(201);
    }
    const res = await submit();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "submitted", stage: "待接入商审核" });
    expect(res.json().submittedAt).toBe("2026-03-02T02:00:00.000Z");

    const entries = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.find((e) => e.action === "filing.submit")).toMatchObject({ fromState: "draft", toState: "submitted", actorRole: "applicant" });
    const notices = await sys.ctx.db.select().from(notifications).where(eq(notifications.template, "filing.submitted"));
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "inbox"]);

    const edit = await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(s), payload: { expectedVersion: res.json().version, form } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("FILING_NOT_EDITABLE");
    const again = await submit();
    expect(again.statusCode).toBe(422);
  });

  it("lets reviewers read the submitted filing, with its timeline", async () => {
    const f = await current();
    expect(f.timeline.map((t: { action: string }) => t.action)).toEqual(expect.arrayContaining(["filing.created", "material.uploaded", "filing.submit"]));
  });
});
