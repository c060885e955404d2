import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.js";
import { personalFilingOf } from "./support/filings.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let admin: Session;
let reviewer: Session;
let applicant: Session;

beforeAll(async () => {
  sys = await startTestSystem();
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
  await register(sys.app, "p@example.com");
  applicant = await loginAs(sys.app, "p@example.com", "Passw0rd-x");
});
afterAll(() => sys.close());

const putProvince = (who: Session, province: string, overrides: unknown) =>
  sys.app.inject({ method: "PUT", url: `/api/admin/provinces/${province}`, headers: bearer(who), payload: { overrides } });

describe("province policy overrides (issue 6, R-SMS-7)", () => {
  const noCertificate = {
    domainCertificate: { value: { fromDomainCount: 99, personalFromDomainCount: 99, personalConstructionPlanAbove: null }, source: "接入商与省管局确认", year: 2026 },
  };

  it("refuses a value the rules cannot use, naming it, and stores nothing", async () => {
    const res = await putProvince(admin, "zj", { domainCertificate: { value: { fromDomainCount: "many" } }, noSuchRule: { value: 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(["POLICY_OVERRIDE_INVALID_VALUE", "POLICY_OVERRIDE_UNKNOWN_KEY"]);
    const policies = (await sys.app.inject({ url: "/api/provinces/policies", headers: bearer(applicant) })).json();
    expect(policies.overrides).toEqual({});
  });

  it("applies a saved override to the checklist at once, and audits who changed what", async () => {
    const form = personalFilingOf(1);
    const filing = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(applicant), payload: { type: "first", form } })).json();
    const kinds = async () =>
      ((await sys.app.inject({ url: `/api/filings/${filing.id}/checklist`, headers: bearer(applicant) })).json().items as { kind: string }[]).map((i) => i.kind);
    expect(await kinds()).toContain("domain_certificate");

    const res = await putProvince(admin, "zj", noCertificate);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().policies.zj.rules.domainCertificate).toMatchObject({ value: { fromDomainCount: 99 }, source: "接入商与省管局确认" });
    expect(await kinds()).not.toContain("domain_certificate");

    const [entry] = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityType, "province_policy"));
    expect(entry).toMatchObject({ entityId: "zj", action: "province_policy.changed", actorRole: "admin" });

    // An empty object reverts the province to the built-in table.
    expect((await putProvince(admin, "zj", {})).statusCode).toBe(200);
    expect(await kinds()).toContain("domain_certificate");
  });

  it("tells admins who changed a province's overrides and when; applicants and reviewers are not told (#6)", async () => {
    const policies = async (who: Session) => (await sys.app.inject({ url: "/api/provinces/policies", headers: bearer(who) })).json();
    sys.clock.set(new Date("2026-03-02T03:15:00Z"));
    const saved = await putProvince(admin, "sh", noCertificate);
    expect(saved.statusCode, saved.body).toBe(200);
    const change = { updatedBy: ADMIN.email, updatedAt: "2026-03-02T03:15:00.000Z" };
    expect(saved.json().changes).toEqual({ sh: change });
    expect((await policies(admin)).changes).toEqual({ sh: change });
    // The same answer feeds the applicant's live checks: overrides yes, staff emails no.
    for (const who of [applicant, reviewer]) {
      const answer = await policies(who);
      expect(Object.keys(answer.overrides)).toEqual(["sh"]);
      expect(answer).not.toHaveProperty("changes");
      expect(JSON.stringify(answer)).not.toContain(ADMIN.email);
    }
    // Back to the default: nothing left to attribute.
    expect((await putProvince(admin, "sh", {})).json().changes).toEqual({});
  });

  it("is an admin's setting: reviewers and applicants are refused", async () => {
    expect((await putProvince(reviewer, "zj", {})).statusCode).toBe(403);
    expect((await putProvince(applicant, "zj", {})).statusCode).toBe(403);
    expect((await putProvince(admin, "xx", {})).statusCode).toBe(400);
  });
});

describe("return-reason templates (R-REV-1)", () => {
  const templates = async () => (await sys.app.inject({ url: "/api/review/reason-templates", headers: bearer(reviewer) })).json().items as { code: string; message: string; path: string | null }[];

  it("lets an admin add, change and delete a template that reviewers then pick from", async () => {
    const put = (message: string) =>
      sys.app.inject({ method: "PUT", url: "/api/admin/reason-templates/HOME_URL_WRONG", headers: bearer(admin), payload: { path: "websites.0.homeUrl", message, position: 0 } });
    expect((await put("首页网址无法访问，请检查后重新填写。")).statusCode).toBe(200);
    expect((await templates())[0]).toMatchObject({ code: "HOME_URL_WRONG", path: "websites.0.homeUrl" });
    expect((await put("首页网址须包含备案域名。")).json().message).toBe("首页网址须包含备案域名。");
    const del = await sys.app.inject({ method: "DELETE", url: "/api/admin/reason-templates/HOME_URL_WRONG", headers: bearer(admin) });
    expect(del.statusCode).toBe(204);
    expect((await templates()).map((t) => t.code)).not.toContain("HOME_URL_WRONG");
    const actions = (await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityType, "reason_template"))).map((e) => e.action);
    expect(actions).toEqual(["reason_template.saved", "reason_template.saved", "reason_template.deleted"]);
  });

  it("refuses reviewers and bad codes", async () => {
    const res = await sys.app.inject({ method: "PUT", url: "/api/admin/reason-templates/X_Y", headers: bearer(reviewer), payload: { message: "无效的原因说明" } });
    expect(res.statusCode).toBe(403);
    const bad = await sys.app.inject({ method: "PUT", url: "/api/admin/reason-templates/lower", headers: bearer(admin), payload: { message: "无效的原因说明" } });
    expect(bad.statusCode).toBe(400);
  });
});
