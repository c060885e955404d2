import { COMPANY_USCC } from "../../rules/test/fixtures.js";
import { and, eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { notifications, users } from "../src/db/schema.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";

/**
 * Who may call what: every API route × every kind of caller. A route added without a row here
 * fails the coverage test below, so the matrix cannot fall behind the API.
 */
type ActorName = "anonymous" | "applicantA" | "applicantB" | "reviewer" | "admin";
const ACTORS: ActorName[] = ["anonymous", "applicantA", "applicantB", "reviewer", "admin"];

interface Fixtures {
  filingId: string;
  materialUrl: string;
  photo: Buffer;
  /** The current version of applicant A's filing (PATCH needs it). */
  version(): Promise<number>;
  /** Applicant A's special website (R-FORM-7), with its identity document uploaded. */
  specialWebsiteId: string;
  specialWebsiteVersion(): Promise<number>;
  /** Applicant A's bearer header, to make records that a row then deletes. */
  applicantA: Record<string, string>;
}

interface Row {
  route: string;
  request: (n: number, fx: Fixtures) => InjectOptions | Promise<InjectOptions>;
  expect: Record<ActorName, number>;
}

/** Applicant A owns the filing; nobody else may see it while it is a draft. */
const ownerOnly = (status: number): Record<ActorName, number> => ({
  anonymous: 401,
  applicantA: status,
  applicantB: 404,
  reviewer: 404,
  admin: 404,
});

const everyone = (status: number): Record<ActorName, number> => ({
  anonymous: status,
  applicantA: status,
  applicantB: status,
  reviewer: status,
  admin: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const staff = (status: number) => ({ anonymous: 401, applicantA: 403, applicantB: 403, reviewer: status, admin: status });
/** Staff actions on applicant A's draft: applicants are refused outright; staff cannot see a draft. */
const staffOnDraft = staff(404);
/** R-FORM-7 records: the owner and staff read; others do not see them. */
const ownerAndStaff = (status: number): Record<ActorName, number> => ({ anonymous: 401, applicantA: status, applicantB: 404, reviewer: status, admin: status });
/** Only the owner changes a record; staff see it and are refused. */
const ownerChanges = (status: number): Record<ActorName, number> => ({ anonymous: 401, applicantA: status, applicantB: 404, reviewer: 403, admin: 403 });
const specialWebsite = (domain: string) => ({
  siteName: "矩阵测试网站",
  domain,
  icpNumber: "浙ICP备12345678号-1",
  holder: { type: "organisation", name: "矩阵测试有限公司", certificateType: "business_licence", certificateNumber: COMPANY_USCC },
  emergencyContact: { name: "李四", mobile: "13900001234", qq: "12345678" },
});
const adminOnly = (status: number) => ({ anonymous: 401, applicantA: 403, applicantB: 403, reviewer: 403, admin: status });

const MATRIX: Row[] = [
  { route: "GET /api/health", request: () => ({ url: "/api/health" }), expect: everyone(200) },
  {
    route: "POST /api/auth/register",
    request: (n) => ({
      method: "POST",
      url: "/api/auth/register",
      payload: { email: `matrix-${n}@example.com`, password: "Passw0rd-x", mobile: "13800138000" },
    }),
    expect: everyone(201),
  },
  {
    route: "POST /api/auth/login",
    request: () => ({ method: "POST", url: "/api/auth/login", payload: { email: "a@example.com", password: "Passw0rd-a" } }),
    expect: everyone(200),
  },
  // #11.3: anyone may ask for a reset link (same 202 whether or not the account exists) and use one.
  {
    route: "POST /api/auth/password-reset",
    request: (n) => ({ method: "POST", url: "/api/auth/password-reset", payload: { email: `nobody-${n}@example.com` } }),
    expect: everyone(202),
  },
  {
    route: "POST /api/auth/password-reset/confirm",
    request: () => ({ method: "POST", url: "/api/auth/password-reset/confirm", payload: { token: "not-a-token", password: "Matrix-new-2026" } }),
    expect: everyone(400),
  },
  { route: "POST /api/auth/logout", request: () => ({ method: "POST", url: "/api/auth/logout" }), expect: signedIn(204) },
  { route: "GET /api/auth/csrf", request: () => ({ url: "/api/auth/csrf" }), expect: signedIn(200) },
  { route: "GET /api/me", request: () => ({ url: "/api/me" }), expect: signedIn(200) },
  // #11.3: a wrong current password stops every signed-in caller at the password check (the
  // actors' passwords must stay as they are for the other rows).
  {
    route: "POST /api/me/password",
    request: () => ({ method: "POST", url: "/api/me/password", payload: { currentPassword: "Not-the-pw-1", newPassword: "Matrix-new-2026" } }),
    expect: signedIn(403),
  },
  // #11.4: everyone may take their own data away.
  { route: "GET /api/me/export", request: () => ({ url: "/api/me/export" }), expect: signedIn(200) },
  // #11.4: applicants reach the password confirmation (403 PASSWORD_INCORRECT), staff are refused (403 FORBIDDEN).
  { route: "DELETE /api/me", request: () => ({ method: "DELETE", url: "/api/me", payload: { password: "Not-the-pw-1" } }), expect: signedIn(403) },
  { route: "GET /api/admin/users", request: () => ({ url: "/api/admin/users" }), expect: adminOnly(200) },
  {
    route: "POST /api/admin/users",
    request: (n) => ({
      method: "POST",
      url: "/api/admin/users",
      payload: { email: `staff-${n}@example.com`, password: "Staff-pass-1", role: "reviewer" },
    }),
    expect: adminOnly(201),
  },
  {
    route: "POST /api/filings",
    request: () => ({ method: "POST", url: "/api/filings", payload: { type: "first" } }),
    // A already has an open filing (WF-1); B's first filing is created; staff cannot file.
    expect: { anonymous: 401, applicantA: 409, applicantB: 201, reviewer: 403, admin: 403 },
  },
  {
    route: "GET /api/filings",
    request: () => ({ url: "/api/filings" }),
    expect: { anonymous: 401, applicantA: 200, applicantB: 200, reviewer: 403, admin: 403 },
  },
  { route: "GET /api/filings/:id", request: (_n, fx) => ({ url: `/api/filings/${fx.filingId}` }), expect: ownerOnly(200) },
  {
    route: "PATCH /api/filings/:id",
    request: async (_n, fx) => ({
      method: "PATCH",
      url: `/api/filings/${fx.filingId}`,
      payload: { expectedVersion: await fx.version(), form: { subject: { name: "矩阵测试" } } },
    }),
    expect: ownerOnly(200),
  },
  {
    route: "POST /api/filings/:id/materials",
    request: (_n, fx) => ({
      method: "POST",
      url: `/api/filings/${fx.filingId}/materials`,
      ...multipart({ kind: "principal_id" }, { name: "id.jpg", type: "image/jpeg", data: fx.photo }),
    }),
    expect: ownerOnly(201),
  },
  { route: "GET /api/filings/:id/checklist", request: (_n, fx) => ({ url: `/api/filings/${fx.filingId}/checklist` }), expect: ownerOnly(200) },
  {
    route: "POST /api/filings/:id/submit",
    request: async (_n, fx) => ({ method: "POST", url: `/api/filings/${fx.filingId}/submit`, payload: { expectedVersion: await fx.version() } }),
    // The owner reaches the pre-review, which blocks the empty draft.
    expect: ownerOnly(422),
  },
  // WF-4: a stale version, so the owner gets as far as the version check and the draft stays for the other rows.
  {
    route: "POST /api/filings/:id/withdraw",
    request: async (_n, fx) => ({ method: "POST", url: `/api/filings/${fx.filingId}/withdraw`, payload: { expectedVersion: (await fx.version()) + 100 } }),
    expect: ownerOnly(409),
  },
  // The registry answers 503 here (no simulator running): what matters is who gets that far.
  { route: "GET /api/precheck", request: () => ({ url: "/api/precheck?domain=example.cn" }), expect: signedIn(503) },
  { route: "GET /api/filings/:id/materials/:materialId/file", request: (_n, fx) => ({ url: fx.materialUrl }), expect: ownerOnly(200) },
  { route: "GET /api/review/queue", request: () => ({ url: "/api/review/queue?status=submitted,verifying&q=example.cn" }), expect: staff(200) },
  { route: "GET /api/review/reason-templates", request: () => ({ url: "/api/review/reason-templates" }), expect: staff(200) },
  ...["approve", "photo/approve", "submit-to-bureau"].map((action) => ({
    route: `POST /api/review/filings/:id/${action}`,
    request: async (_n: number, fx: Fixtures) => ({ method: "POST" as const, url: `/api/review/filings/${fx.filingId}/${action}`, payload: { expectedVersion: await fx.version() } }),
    expect: staffOnDraft,
  })),
  ...["return", "photo/reject"].map((action) => ({
    route: `POST /api/review/filings/:id/${action}`,
    request: async (_n: number, fx: Fixtures) => ({
      method: "POST" as const,
      url: `/api/review/filings/${fx.filingId}/${action}`,
      payload: { expectedVersion: await fx.version(), reasons: [{ path: "websites.0.name", code: "SITE_NAME_INVALID", message: "网站名称不符合要求。" }] },
    }),
    expect: staffOnDraft,
  })),
  {
    route: "POST /api/review/filings/:id/mailing",
    request: async (_n, fx) => ({
      method: "POST",
      url: `/api/review/filings/${fx.filingId}/mailing`,
      payload: { expectedVersion: await fx.version(), trackingNumber: "SF1234567890", mailedAt: "2026-03-02T10:00:00+08:00" },
    }),
    expect: staffOnDraft,
  },
  {
    route: "POST /api/review/filings/:id/on-site",
    request: async (_n, fx) => ({
      method: "POST",
      url: `/api/review/filings/${fx.filingId}/on-site`,
      payload: { expectedVersion: await fx.version(), originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "杭州营业厅" },
    }),
    expect: staffOnDraft,
  },
  { route: "GET /api/provinces/policies", request: () => ({ url: "/api/provinces/policies" }), expect: signedIn(200) },
  {
    route: "PUT /api/admin/provinces/:province",
    request: () => ({ method: "PUT", url: "/api/admin/provinces/sh", payload: { overrides: {} } }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/admin/reason-templates/:code",
    request: () => ({ method: "PUT", url: "/api/admin/reason-templates/MATRIX_TEST", payload: { message: "矩阵测试用的退回原因。" } }),
    expect: adminOnly(200),
  },
  { route: "DELETE /api/admin/reason-templates/:code", request: () => ({ method: "DELETE", url: "/api/admin/reason-templates/ID_EXPIRED" }), expect: adminOnly(204) },
  // Forms exist after submission: the owner of the draft learns that; nobody else sees it.
  { route: "GET /api/filings/:id/forms", request: (_n, fx) => ({ url: `/api/filings/${fx.filingId}/forms` }), expect: ownerOnly(409) },
  { route: "GET /api/filings/:id/forms/:form.pdf", request: (_n, fx) => ({ url: `/api/filings/${fx.filingId}/forms/verification.pdf` }), expect: ownerOnly(409) },
  // The owner gets as far as the lifecycle, which refuses verification of a draft.
  {
    route: "POST /api/filings/:id/verification",
    request: async (_n, fx) => ({ method: "POST", url: `/api/filings/${fx.filingId}/verification`, payload: { expectedVersion: await fx.version(), method: "on_site" } }),
    expect: ownerOnly(409),
  },
  {
    route: "POST /api/filings/:id/photo",
    request: (_n, fx) => ({ method: "POST", url: `/api/filings/${fx.filingId}/photo`, ...multipart({}, { name: "photo.jpg", type: "image/jpeg", data: fx.photo }) }),
    expect: ownerOnly(409),
  },
  { route: "GET /api/me/notifications", request: () => ({ url: "/api/me/notifications" }), expect: signedIn(200) },
  {
    route: "POST /api/me/notifications/:id/read",
    // Applicant A's welcome notice: only A may mark it read; to anyone else it does not exist.
    request: async () => {
      const [a] = await sys.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, credentials.applicantA.email));
      const [notice] = await sys.ctx.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, a!.id), eq(notifications.channel, "inbox")))
        .limit(1);
      return { method: "POST", url: `/api/me/notifications/${notice!.id}/read` };
    },
    expect: { anonymous: 401, applicantA: 204, applicantB: 404, reviewer: 404, admin: 404 },
  },
  { route: "GET /api/me/notification-preferences", request: () => ({ url: "/api/me/notification-preferences" }), expect: signedIn(200) },
  {
    route: "PUT /api/me/notification-preferences",
    request: () => ({ method: "PUT", url: "/api/me/notification-preferences", payload: { items: [] } }),
    expect: signedIn(200),
  },
  { route: "GET /api/admin/notification-templates", request: () => ({ url: "/api/admin/notification-templates" }), expect: adminOnly(200) },
  {
    route: "PUT /api/admin/notification-templates/:key",
    request: () => ({
      method: "PUT",
      url: "/api/admin/notification-templates/filing.expired",
      payload: { subject: "您的备案申请已关闭", body: "{{subjectName}} 的备案申请长期未操作，已自动关闭。", sms: "【备案系统】您的备案申请已关闭。" },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/notification-templates/:key/restore-default",
    request: () => ({ method: "POST", url: "/api/admin/notification-templates/filing.expired/restore-default" }),
    expect: adminOnly(200),
  },
  { route: "GET /api/admin/notifications", request: () => ({ url: "/api/admin/notifications?status=failed&page=1&pageSize=20" }), expect: adminOnly(200) },
  {
    route: "POST /api/admin/notifications/:id/retry",
    // A delivery that failed for good, one per call.
    request: async (n) => {
      const [row] = await sys.ctx.db
        .insert(notifications)
        .values({ idempotencyKey: `matrix:${n}`, channel: "email", recipient: `m${n}@example.com`, template: "filing.submitted", subject: "s", body: "b", status: "failed", attempts: 6 })
        .returning({ id: notifications.id });
      return { method: "POST", url: `/api/admin/notifications/${row!.id}/retry` };
    },
    expect: adminOnly(200),
  },
  // R-FORM-7: applicants keep their own special websites; staff read and check them, never change them.
  {
    route: "POST /api/special-websites",
    request: (n) => ({ method: "POST", url: "/api/special-websites", payload: specialWebsite(`matrix-${n}.cn`) }),
    expect: { anonymous: 401, applicantA: 201, applicantB: 201, reviewer: 403, admin: 403 },
  },
  {
    route: "GET /api/special-websites",
    request: () => ({ url: "/api/special-websites" }),
    expect: { anonymous: 401, applicantA: 200, applicantB: 200, reviewer: 403, admin: 403 },
  },
  { route: "GET /api/special-websites/:id", request: (_n, fx) => ({ url: `/api/special-websites/${fx.specialWebsiteId}` }), expect: ownerAndStaff(200) },
  {
    route: "PUT /api/special-websites/:id",
    request: async (_n, fx) => ({
      method: "PUT",
      url: `/api/special-websites/${fx.specialWebsiteId}`,
      payload: { ...specialWebsite("matrix-owned.cn"), expectedVersion: await fx.specialWebsiteVersion() },
    }),
    expect: ownerChanges(200),
  },
  {
    route: "DELETE /api/special-websites/:id",
    // A record of applicant A's for each call: the owner's call deletes it.
    request: async (n, fx) => {
      const made = await sys.app.inject({ method: "POST", url: "/api/special-websites", headers: fx.applicantA, payload: specialWebsite(`matrix-gone-${n}.cn`) });
      return { method: "DELETE", url: `/api/special-websites/${made.json().id}` };
    },
    expect: ownerChanges(204),
  },
  {
    route: "POST /api/special-websites/:id/documents",
    request: (_n, fx) => ({
      method: "POST",
      url: `/api/special-websites/${fx.specialWebsiteId}/documents`,
      ...multipart({ kind: "responsibility_letter" }, { name: "letter.jpg", type: "image/jpeg", data: fx.photo }),
    }),
    expect: ownerChanges(201),
  },
  {
    route: "GET /api/special-websites/:id/documents/:kind",
    request: (_n, fx) => ({ url: `/api/special-websites/${fx.specialWebsiteId}/documents/identity` }),
    expect: ownerAndStaff(200),
  },
  {
    route: "GET /api/special-websites/:id/responsibility-letter.pdf",
    request: (_n, fx) => ({ url: `/api/special-websites/${fx.specialWebsiteId}/responsibility-letter.pdf` }),
    expect: ownerAndStaff(200),
  },
  { route: "GET /api/review/special-websites", request: () => ({ url: "/api/review/special-websites" }), expect: staff(200) },
  {
    route: "POST /api/review/special-websites/:id/review",
    request: async (_n, fx) => ({
      method: "POST",
      url: `/api/review/special-websites/${fx.specialWebsiteId}/review`,
      payload: { expectedVersion: await fx.specialWebsiteVersion(), decision: "returned", reason: "矩阵测试：请补充资料。" },
    }),
    // Applicant A reads the record but may not judge it; B does not see it at all.
    expect: { anonymous: 401, applicantA: 403, applicantB: 404, reviewer: 200, admin: 200 },
  },
];

let sys: TestSystem;
let fx: Fixtures;
const credentials: Record<Exclude<ActorName, "anonymous">, { email: string; password: string }> = {
  applicantA: { email: "a@example.com", password: "Passw0rd-a" },
  applicantB: { email: "b@example.com", password: "Passw0rd-b" },
  reviewer: { email: "reviewer@example.com", password: "Review3r-pass" },
  admin: ADMIN,
};

beforeAll(async () => {
  sys = await startTestSystem();
  await register(sys.app, credentials.applicantA.email, credentials.applicantA.password);
  await register(sys.app, credentials.applicantB.email, credentials.applicantB.password, "13900139000");
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({
    method: "POST",
    url: "/api/admin/users",
    headers: bearer(admin),
    payload: { ...credentials.reviewer, role: "reviewer" },
  });
  const a = await loginAs(sys.app, credentials.applicantA.email, credentials.applicantA.password);
  const filing = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(a), payload: { type: "first" } })).json();
  const photo = await phonePhoto(1200, 900);
  const material = (
    await sys.app.inject({
      method: "POST",
      url: `/api/filings/${filing.id}/materials`,
      ...multipart({ kind: "principal_id" }, { name: "id.jpg", type: "image/jpeg", data: photo }, bearer(a)),
    })
  ).json();
  const site = (await sys.app.inject({ method: "POST", url: "/api/special-websites", headers: bearer(a), payload: specialWebsite("matrix-owned.cn") })).json();
  await sys.app.inject({
    method: "POST",
    url: `/api/special-websites/${site.id}/documents`,
    ...multipart({ kind: "identity" }, { name: "id.jpg", type: "image/jpeg", data: photo }, bearer(a)),
  });
  fx = {
    filingId: filing.id,
    materialUrl: material.url,
    photo,
    version: async () => (await sys.app.inject({ url: `/api/filings/${filing.id}`, headers: bearer(a) })).json().version,
    specialWebsiteId: site.id,
    specialWebsiteVersion: async () => (await sys.app.inject({ url: `/api/special-websites/${site.id}`, headers: bearer(a) })).json().version,
    applicantA: bearer(a),
  };
});
afterAll(() => sys.close());

// A fresh session per call: logout must not end the session other rows use.
async function sessionOf(actor: ActorName): Promise<Session | null> {
  if (actor === "anonymous") return null;
  return loginAs(sys.app, credentials[actor].email, credentials[actor].password);
}

describe("authorization matrix", () => {
  it("covers every API route", () => {
    const registered = sys.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(MATRIX.map((r) => r.route).sort()).toEqual(registered);
  });

  let n = 0;
  const cases = MATRIX.flatMap((row) => ACTORS.map((actor) => [row.route, actor, row] as const));
  it.each(cases)("%s as %s", async (_route, actor, row) => {
    const session = await sessionOf(actor);
    const req = await row.request(++n, fx);
    const res = await sys.app.inject({ ...req, headers: { ...req.headers, ...bearer(session) } });
    expect(res.statusCode, res.body).toBe(row.expect[actor]);
    if (res.statusCode >= 400) expect(res.json().code).toMatch(/^[A-Z_]+$/);
  });

  it("cookie sessions need the CSRF token on every state-changing route", async () => {
    const session = await sessionOf("admin");
    for (const row of MATRIX.filter((r) => !r.route.startsWith("GET "))) {
      // Routes for people not signed in take no CSRF token.
      if (["POST /api/auth/login", "POST /api/auth/register", "POST /api/auth/password-reset", "POST /api/auth/password-reset/confirm"].includes(row.route)) continue;
      const req = await row.request(++n, fx);
      const res = await sys.app.inject({ ...req, headers: { ...req.headers, cookie: session!.cookie } });
      expect(res.statusCode, row.route).toBe(403);
      expect(res.json().code).toBe("CSRF_TOKEN_INVALID");
    }
  });
});
