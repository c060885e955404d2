import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions } from "../src/db/schema.js";
import { hashToken } from "../src/modules/accounts/sessions.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";

/**
 * #11.3 session rotation: every login makes a new session and ends the one the browser sent,
 * expired sessions are refused (the injected clock moves past the TTL), and logout or a password
 * change ends sessions at once.
 */
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.close());

const me = (headers: Record<string, string>) => sys.app.inject({ url: "/api/me", headers });
const withCookie = (s: Session) => ({ cookie: s.cookie });
const loginWith = (email: string, password: string, headers: Record<string, string> = {}) =>
  sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, headers });
const cookieOf = (res: Awaited<ReturnType<typeof loginWith>>) =>
  [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("beian_session="))!.split(";")[0]!;

describe("login rotates the session (#11.3, session fixation)", () => {
  it("issues a new session id and token on every login", async () => {
    await register(sys.app, "rotate@example.com");
    const first = await loginAs(sys.app, "rotate@example.com", "Passw0rd-x");
    const second = await loginAs(sys.app, "rotate@example.com", "Passw0rd-x");
    expect(second.token).not.toBe(first.token);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    const rows = await sys.ctx.db.select().from(sessions).where(eq(sessions.userId, first.userId));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it("does not reuse the session cookie sent at login, and ends it", async () => {
    const before = await loginAs(sys.app, "rotate@example.com", "Passw0rd-x");
    const res = await loginWith("rotate@example.com", "Passw0rd-x", withCookie(before));
    expect(res.statusCode).toBe(200);
    const after = cookieOf(res);
    expect(after).not.toBe(before.cookie);
    expect(res.json().token).not.toBe(before.token);
    // The old cookie is dead, the new one works.
    expect((await me(withCookie(before))).statusCode).toBe(401);
    expect((await me({ cookie: after })).statusCode).toBe(200);
    const [old] = await sys.ctx.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(before.token)));
    expect(old!.revokedAt).not.toBeNull();
  });

  it("ends an attacker's planted session when the victim signs in with it in the browser", async () => {
    await register(sys.app, "attacker@example.com", "Attack3r-pw");
    await register(sys.app, "victim@example.com", "Vict1m-secret");
    const planted = await loginAs(sys.app, "attacker@example.com", "Attack3r-pw");
    const res = await loginWith("victim@example.com", "Vict1m-secret", withCookie(planted));
    const victim = cookieOf(res);
    expect(victim).not.toBe(planted.cookie);
    // The planted token neither became the victim's nor stays usable for the attacker.
    expect((await me(withCookie(planted))).statusCode).toBe(401);
    expect((await me({ cookie: victim })).json().user.email).toBe("victim@example.com");
  });

  it("never adopts a token the client made up", async () => {
    const chosen = "attacker-chosen-token-0123456789abcdef";
    const res = await loginWith("rotate@example.com", "Passw0rd-x", { cookie: `beian_session=${chosen}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).not.toBe(chosen);
    expect(cookieOf(res)).not.toBe(`beian_session=${chosen}`);
    expect((await me({ cookie: `beian_session=${chosen}` })).statusCode).toBe(401);
    const [row] = await sys.ctx.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(chosen)));
    expect(row).toBeUndefined();
  });
});

describe("expiry (#11.3, injected clock)", () => {
  it("accepts a session until its expiry and refuses it from then on", async () => {
    await register(sys.app, "expiry@example.com");
    const s = await loginAs(sys.app, "expiry@example.com", "Passw0rd-x");
    const ttlMs = sys.ctx.config.sessionTtlHours * 3_600_000;
    sys.clock.advance(ttlMs - 1_000);
    expect((await me(bearer(s))).statusCode).toBe(200);
    expect((await me(withCookie(s))).statusCode).toBe(200);
    sys.clock.advance(1_000);
    // A stale bearer token is an error the client must see; a stale cookie is "signed out".
    const viaBearer = await me(bearer(s));
    expect(viaBearer.statusCode).toBe(401);
    expect(viaBearer.json().code).toBe("SESSION_EXPIRED");
    const viaCookie = await me(withCookie(s));
    expect(viaCookie.statusCode).toBe(401);
    expect(viaCookie.json().code).toBe("UNAUTHENTICATED");
    // Expired sessions cannot change anything either.
    const logout = await sys.app.inject({ method: "POST", url: "/api/auth/logout", headers: bearer(s) });
    expect(logout.statusCode).toBe(401);
  });

  it("sets the cookie's expiry to the session's", async () => {
    const res = await loginWith("expiry@example.com", "Passw0rd-x");
    const header = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("beian_session="))!;
    const expires = new Date(/Expires=([^;]+)/i.exec(header)![1]!);
    expect(Math.abs(expires.getTime() - new Date(res.json().expiresAt).getTime())).toBeLessThan(1_000);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
  });
});

describe("logout and password change end sessions (#11.3)", () => {
  it("logout ends only the session it is called with", async () => {
    await register(sys.app, "logout@example.com");
    const a = await loginAs(sys.app, "logout@example.com", "Passw0rd-x");
    const b = await loginAs(sys.app, "logout@example.com", "Passw0rd-x");
    const res = await sys.app.inject({ method: "POST", url: "/api/auth/logout", headers: { ...withCookie(a), "x-csrf-token": a.csrfToken } });
    expect(res.statusCode).toBe(204);
    expect((await me(withCookie(a))).statusCode).toBe(401);
    expect((await me(bearer(a))).statusCode).toBe(401);
    expect((await me(bearer(b))).statusCode).toBe(200);
  });

  it("a password change ends every session of the account, the caller's too", async () => {
    await register(sys.app, "change@example.com", "Old-secret-11");
    const phone = await loginAs(sys.app, "change@example.com", "Old-secret-11");
    const laptop = await loginAs(sys.app, "change@example.com", "Old-secret-11");
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: { ...withCookie(laptop), "x-csrf-token": laptop.csrfToken },
      payload: { currentPassword: "Old-secret-11", newPassword: "New-secret-22" },
    });
    expect(res.statusCode, res.body).toBe(204);
    for (const s of [phone, laptop]) {
      expect((await me(bearer(s))).statusCode).toBe(401);
      expect((await me(withCookie(s))).statusCode).toBe(401);
    }
    expect((await loginWith("change@example.com", "Old-secret-11")).statusCode).toBe(401);
    expect((await loginWith("change@example.com", "New-secret-22")).statusCode).toBe(200);
    const [entry] = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.action, "user.password_changed"));
    expect(entry).toMatchObject({ entityType: "user", entityId: phone.userId, data: { sessionsEnded: 2 } });
    expect(JSON.stringify(entry)).not.toContain("New-secret-22");
  });

  it("refuses a password change with a wrong current password and keeps the sessions", async () => {
    const s = await loginAs(sys.app, "change@example.com", "New-secret-22");
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: bearer(s),
      payload: { currentPassword: "Wrong-secret-1", newPassword: "Other-secret-33" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "PASSWORD_INCORRECT", errors: [{ path: "currentPassword" }] });
    expect((await me(bearer(s))).statusCode).toBe(200);
  });
});
