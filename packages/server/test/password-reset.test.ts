import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, passwordResetTokens, users } from "../src/db/schema.js";
import type { MailMessage, MailSender } from "../src/gateways/mail/port.js";
import { maskText } from "../src/modules/notifications/delivery-list.js";
import { bearer, loginAs, register } from "./support/http.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

/** Mail as the delivery job hands it over, kept in memory. */
const sent: MailMessage[] = [];
const RESET_SUBJECT = "重置您的备案系统密码";
const mail: MailSender = { kind: "smtp", send: async (m) => void sent.push(m), close: async () => {} };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ publicBaseUrl: "https://beian.example.com" }, { work: true, mail });
});
afterAll(() => sys.close());

const requestReset = (email: string) => sys.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
const confirmReset = (token: string, password: string) =>
  sys.app.inject({ method: "POST", url: "/api/auth/password-reset/confirm", payload: { token, password } });

/** Waits for the reset mail to `to` and returns the token of its link. */
async function resetTokenMailedTo(to: string, nth = 1): Promise<string> {
  const end = Date.now() + 30_000;
  for (;;) {
    const mails = sent.filter((m) => m.to === to && m.subject === RESET_SUBJECT);
    if (mails.length >= nth) {
      const link = /https:\/\/beian\.example\.com\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mails[nth - 1]!.text);
      expect(link, mails[nth - 1]!.text).not.toBeNull();
      return link![1]!;
    }
    if (Date.now() > end) throw new Error(`no reset mail to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("password reset (#11.3)", () => {
  it("#11.3 admins' delivery list shows a reset notice without its link's token", () => {
    expect(maskText("请在 30 分钟内打开 https://beian.example.com/reset-password?token=Ab-9_xY 设置新密码。")).toBe(
      "请在 30 分钟内打开 https://beian.example.com/reset-password?token=*** 设置新密码。",
    );
  });

  it("#11.3 answers an unknown and a known email identically, and mails a link only to the account", async () => {
    await register(sys.app, "forgot@example.com");
    const unknown = await requestReset("nobody-here@example.com");
    const known = await requestReset("Forgot@Example.com");
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.json().message).toContain("如果该邮箱已注册");

    await resetTokenMailedTo("forgot@example.com");
    const mailToAccount = sent.find((m) => m.to === "forgot@example.com" && m.subject === RESET_SUBJECT)!;
    expect(mailToAccount.text).toContain("30 分钟");
    expect(sent.some((m) => m.to === "nobody-here@example.com")).toBe(false);
    // Only the token's hash is stored.
    const token = await resetTokenMailedTo("forgot@example.com");
    const rows = await sys.ctx.db.select().from(passwordResetTokens);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it("#11.3 the mailed link sets the password, ends old sessions, clears the lockout and cannot be reused", async () => {
    await register(sys.app, "reset-me@example.com");
    const old = await loginAs(sys.app, "reset-me@example.com", "Passw0rd-x");
    await sys.ctx.db.update(users).set({ failedLogins: 3 }).where(eq(users.email, "reset-me@example.com"));
    await requestReset("reset-me@example.com");
    const token = await resetTokenMailedTo("reset-me@example.com");

    const res = await confirmReset(token, "Brand-new-2026");
    expect(res.statusCode).toBe(204);
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(old) })).statusCode).toBe(401);
    const [row] = await sys.ctx.db.select().from(users).where(eq(users.email, "reset-me@example.com"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.failedLogins).toBe(0);
    await expect(loginAs(sys.app, "reset-me@example.com", "Passw0rd-x")).rejects.toThrow(/401/);
    await loginAs(sys.app, "reset-me@example.com", "Brand-new-2026");

    const again = await confirmReset(token, "Another-new-2026");
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("PASSWORD_RESET_TOKEN_INVALID");
    const audited = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audited.map((a) => a.action)).toContain("user.password_reset");
  });

  it("#11.3 refuses an unknown token and one older than 30 minutes with the same error", async () => {
    const unknown = await confirmReset("x".repeat(43), "Brand-new-2026");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("PASSWORD_RESET_TOKEN_INVALID");

    await register(sys.app, "slow@example.com");
    await requestReset("slow@example.com");
    const token = await resetTokenMailedTo("slow@example.com");
    sys.clock.advance(31 * 60_000);
    const expired = await confirmReset(token, "Brand-new-2026");
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: "PASSWORD_RESET_TOKEN_INVALID", detail: unknown.json().detail });
    await loginAs(sys.app, "slow@example.com", "Passw0rd-x");
  });

  it("#11.3 applies the registration password policy at the password field, and the token stays usable", async () => {
    await register(sys.app, "common@example.com");
    await requestReset("common@example.com");
    const token = await resetTokenMailedTo("common@example.com");
    const res = await confirmReset(token, "woaini1314");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON", errors: [{ path: "password", code: "PASSWORD_TOO_COMMON" }] });
    const own = await confirmReset(token, "common2026x");
    expect(own.json().code).toBe("PASSWORD_CONTAINS_ACCOUNT_INFO");
    expect((await confirmReset(token, "Brand-new-2026")).statusCode).toBe(204);
  });

  it("#11.3 sends no link to a disabled account", async () => {
    await register(sys.app, "gone@example.com");
    await sys.ctx.db.update(users).set({ disabledAt: sys.clock.now() }).where(eq(users.email, "gone@example.com"));
    expect((await requestReset("gone@example.com")).statusCode).toBe(202);
    const [row] = await sys.ctx.db.select().from(users).where(eq(users.email, "gone@example.com"));
    expect(await sys.ctx.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, row!.id))).toHaveLength(0);
  });
});

describe("wrong password confirmations count towards the lockout (#11.3)", () => {
  it("#11.3 locks the account after 5 wrong current passwords on /api/me/password", async () => {
    await register(sys.app, "guess@example.com");
    const session = await loginAs(sys.app, "guess@example.com", "Passw0rd-x");
    const change = (currentPassword: string) =>
      sys.app.inject({ method: "POST", url: "/api/me/password", headers: bearer(session), payload: { currentPassword, newPassword: "Brand-new-2026" } });
    for (let i = 0; i < 5; i++) expect((await change(`Wrong-guess-${i}`)).json().code).toBe("PASSWORD_INCORRECT");
    const locked = await change("Passw0rd-x");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("ACCOUNT_LOCKED");
    const login = await sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "guess@example.com", password: "Passw0rd-x" } });
    expect(login.json().code).toBe("ACCOUNT_LOCKED");
    const [row] = await sys.ctx.db.select().from(users).where(eq(users.email, "guess@example.com"));
    const audited = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audited.map((a) => a.action)).toContain("user.locked");

    sys.clock.advance(61_000);
    expect((await change("Passw0rd-x")).statusCode).toBe(204);
  });

  it("#11.3 wrong passwords on DELETE /api/me count as well", async () => {
    await register(sys.app, "closer@example.com");
    const session = await loginAs(sys.app, "closer@example.com", "Passw0rd-x");
    for (let i = 0; i < 5; i++) {
      await sys.app.inject({ method: "DELETE", url: "/api/me", headers: bearer(session), payload: { password: `Wrong-guess-${i}` } });
    }
    const [row] = await sys.ctx.db.select().from(users).where(eq(users.email, "closer@example.com"));
    expect(row!.failedLogins).toBe(5);
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(sys.clock.now().getTime());
  });
});
