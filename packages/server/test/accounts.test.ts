import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../src/db/schema.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, json, loginAs, register } from "./support/http.js";

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.close());

describe("registration (R-ACC-2)", () => {
  it("creates an applicant with an argon2id hash and a masked mobile", async () => {
    const res = await register(sys.app, "Li.Lei@Example.com", "Passw0rd-x", "+86 139-0013-9000");
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user).toMatchObject({ email: "li.lei@example.com", role: "applicant", mobileMasked: "139****9000" });
    const [row] = await sys.ctx.db.select().from(users).where(eq(users.email, "li.lei@example.com"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.mobile).toBe("13900139000");
  });

  it("refuses a taken email with 409 EMAIL_TAKEN on the email field", async () => {
    await register(sys.app, "taken@example.com");
    const res = await register(sys.app, "TAKEN@example.com");
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "EMAIL_TAKEN", errors: [{ path: "email" }] });
  });

  it.each([
    [{ email: "x@example.com", password: "short1", mobile: "13800138000" }, "password"],
    [{ email: "x@example.com", password: "onlyletters", mobile: "13800138000" }, "password"],
    [{ email: "not-an-email", password: "Passw0rd-x", mobile: "13800138000" }, "email"],
    [{ email: "x@example.com", password: "Passw0rd-x", mobile: "12800138000" }, "mobile"],
    [{ email: "x@example.com", password: "Passw0rd-x" }, "mobile"],
  ])("answers 400 with a Chinese message for %j", async (payload, field) => {
    const res = await sys.app.inject({ method: "POST", url: "/api/auth/register", payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("VALIDATION_FAILED");
    const error = body.errors.find((e: { path: string }) => e.path === field);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("audits the registration without the full mobile", async () => {
    const res = await register(sys.app, "audited@example.com", "Passw0rd-x", "13700137000");
    const { user } = res.json();
    const [entry] = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entry).toMatchObject({ action: "user.registered", entityType: "user", toState: "active" });
    expect(JSON.stringify(entry!.data)).not.toContain("13700137000");
    expect(JSON.stringify(entry!.data)).toContain("137****7000");
  });
});

describe("sessions", () => {
  it("logs in with a cookie and a bearer token, both resolving to the user", async () => {
    await register(sys.app, "s1@example.com");
    const s = await loginAs(sys.app, "s1@example.com", "Passw0rd-x");
    const viaBearer = await sys.app.inject({ url: "/api/me", headers: bearer(s) });
    expect(viaBearer.json().user.email).toBe("s1@example.com");
    const viaCookie = await sys.app.inject({ url: "/api/me", headers: { cookie: s.cookie } });
    expect(viaCookie.json().user.id).toBe(s.userId);
  });

  it("sets an HttpOnly SameSite=Lax cookie", async () => {
    await register(sys.app, "s2@example.com");
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "s2@example.com", password: "Passw0rd-x" },
    });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("requires the CSRF token for state changes made with the cookie, not with the bearer token", async () => {
    await register(sys.app, "csrf@example.com");
    const s = await loginAs(sys.app, "csrf@example.com", "Passw0rd-x");
    const without = await sys.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("CSRF_TOKEN_INVALID");
    const wrong = await sys.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: s.cookie, "x-csrf-token": "nope" },
    });
    expect(wrong.statusCode).toBe(403);
    const csrf = await sys.app.inject({ url: "/api/auth/csrf", headers: { cookie: s.cookie } });
    expect(csrf.json().csrfToken).toBe(s.csrfToken);
    const ok = await sys.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrfToken },
    });
    expect(ok.statusCode).toBe(204);
    const after = await sys.app.inject({ url: "/api/me", headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it("gives a new token on every login (rotation) and logout ends only that session", async () => {
    await register(sys.app, "rot@example.com");
    const a = await loginAs(sys.app, "rot@example.com", "Passw0rd-x");
    const b = await loginAs(sys.app, "rot@example.com", "Passw0rd-x");
    expect(a.token).not.toBe(b.token);
    await sys.app.inject({ method: "POST", url: "/api/auth/logout", headers: bearer(a) });
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(a) })).statusCode).toBe(401);
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(b) })).statusCode).toBe(200);
  });

  it("expires sessions after their lifetime (injected clock)", async () => {
    await register(sys.app, "exp@example.com");
    const s = await loginAs(sys.app, "exp@example.com", "Passw0rd-x");
    sys.clock.advance(sys.ctx.config.sessionTtlHours * 3_600_000 + 1_000);
    const res = await sys.app.inject({ url: "/api/me", headers: bearer(s) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("SESSION_EXPIRED");
  });
});

describe("lockout with backoff", () => {
  const attempt = (email: string, password: string) =>
    sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

  it("locks after 5 failures for 1 minute, then doubles, and clears after a success", async () => {
    await register(sys.app, "lock@example.com");
    for (let i = 0; i < 4; i++) expect((await attempt("lock@example.com", "wrong-1")).json().code).toBe("INVALID_CREDENTIALS");
    expect((await attempt("lock@example.com", "wrong-1")).statusCode).toBe(401); // 5th failure sets the lock
    const locked = await attempt("lock@example.com", "Passw0rd-x");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("ACCOUNT_LOCKED");
    expect(locked.json().detail).toContain("1 分钟");

    sys.clock.advance(61_000);
    await attempt("lock@example.com", "wrong-again"); // 6th failure: 2 minutes
    sys.clock.advance(61_000);
    expect((await attempt("lock@example.com", "Passw0rd-x")).json().code).toBe("ACCOUNT_LOCKED");
    sys.clock.advance(60_000);
    expect((await attempt("lock@example.com", "Passw0rd-x")).statusCode).toBe(200);
    // The success reset the counter: one more failure does not lock.
    await attempt("lock@example.com", "wrong");
    expect((await attempt("lock@example.com", "Passw0rd-x")).statusCode).toBe(200);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await attempt("nobody@example.com", "Passw0rd-x");
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("INVALID_CREDENTIALS");
  });
});

describe("admin", () => {
  it("was created on first start from BEIAN_ADMIN_EMAIL / BEIAN_ADMIN_PASSWORD", async () => {
    expect(sys.admin).toMatchObject({ created: true, email: ADMIN.email, generatedPassword: null });
    const s = await loginAs(sys.app, ADMIN.email, ADMIN.password);
    const me = await sys.app.inject({ url: "/api/me", headers: bearer(s) });
    expect(me.json().user.role).toBe("admin");
  });

  it("creates a reviewer who can then log in with the reviewer role", async () => {
    const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: bearer(admin),
      payload: { email: "rev@example.com", password: "Review3r-pass", role: "reviewer" },
    });
    expect(res.statusCode).toBe(201);
    const reviewer = await loginAs(sys.app, "rev@example.com", "Review3r-pass");
    expect(json(await sys.app.inject({ url: "/api/me", headers: bearer(reviewer) })).user).toMatchObject({ role: "reviewer" });
    const list = await sys.app.inject({ url: "/api/admin/users", headers: bearer(admin) });
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain("rev@example.com");
  });

  it("refuses applicants as admins (the role enum has no applicant)", async () => {
    const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: bearer(admin),
      payload: { email: "weird@example.com", password: "Passw0rd-x", role: "applicant" },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("logs", () => {
  it("never contain a password, a token or a full mobile", async () => {
    await register(sys.app, "logs@example.com", "Secret-pass-77", "13600136000");
    const s = await loginAs(sys.app, "logs@example.com", "Secret-pass-77");
    await sys.app.inject({ url: "/api/me", headers: bearer(s) });
    await sys.app.inject({ url: "/api/me", headers: { cookie: s.cookie } });
    const all = sys.logLines.join("\n");
    expect(sys.logLines.length).toBeGreaterThan(0);
    for (const secret of ["Secret-pass-77", s.token, s.csrfToken, "13600136000", ADMIN.password]) {
      expect(all).not.toContain(secret);
    }
  });
});
