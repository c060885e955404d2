import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";

/**
 * Who may call what: every API route × every kind of caller. A route added without a row here
 * fails the coverage test below, so the matrix cannot fall behind the API.
 */
type ActorName = "anonymous" | "applicantA" | "applicantB" | "reviewer" | "admin";
const ACTORS: ActorName[] = ["anonymous", "applicantA", "applicantB", "reviewer", "admin"];

interface Row {
  route: string;
  request: (n: number) => InjectOptions;
  expect: Record<ActorName, number>;
}

const everyone = (status: number): Record<ActorName, number> => ({
  anonymous: status,
  applicantA: status,
  applicantB: status,
  reviewer: status,
  admin: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
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
  { route: "POST /api/auth/logout", request: () => ({ method: "POST", url: "/api/auth/logout" }), expect: signedIn(204) },
  { route: "GET /api/auth/csrf", request: () => ({ url: "/api/auth/csrf" }), expect: signedIn(200) },
  { route: "GET /api/me", request: () => ({ url: "/api/me" }), expect: signedIn(200) },
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
];

let sys: TestSystem;
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
    const req = row.request(++n);
    const res = await sys.app.inject({ ...req, headers: { ...req.headers, ...bearer(session) } });
    expect(res.statusCode, res.body).toBe(row.expect[actor]);
    if (res.statusCode >= 400) expect(res.json().code).toMatch(/^[A-Z_]+$/);
  });

  it("cookie sessions need the CSRF token on every state-changing route", async () => {
    const session = await sessionOf("admin");
    for (const row of MATRIX.filter((r) => (r.request(0).method ?? "GET") !== "GET")) {
      if (row.route === "POST /api/auth/login" || row.route === "POST /api/auth/register") continue;
      const req = row.request(++n);
      const res = await sys.app.inject({ ...req, headers: { cookie: session!.cookie } });
      expect(res.statusCode, row.route).toBe(403);
      expect(res.json().code).toBe("CSRF_TOKEN_INVALID");
    }
  });
});
