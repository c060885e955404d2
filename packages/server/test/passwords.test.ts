import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordProblems } from "../src/modules/accounts/password-policy.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register } from "./support/http.js";

/** #11.3 password policy: no common password, nothing of the account's own, clear Chinese errors. */
describe("password policy (#11.3)", () => {
  const owner = { email: "zhang.wei+beian@example.com", mobile: "13800138000" };
  it.each([
    ["Password1", "PASSWORD_TOO_COMMON"],
    ["qwerty123", "PASSWORD_TOO_COMMON"],
    ["1qaz2wsx", "PASSWORD_TOO_COMMON"],
    ["Woaini1314", "PASSWORD_TOO_COMMON"],
    ["wang123456", "PASSWORD_TOO_COMMON"],
    ["Zhang.wei-2026", "PASSWORD_CONTAINS_ACCOUNT_INFO"],
    ["zhangwei-2026", "PASSWORD_CONTAINS_ACCOUNT_INFO"],
    ["pw13800138000", "PASSWORD_CONTAINS_ACCOUNT_INFO"],
  ])("refuses %s with %s", (password, code) => {
    const [problem] = passwordProblems(password, owner);
    expect(problem).toMatchObject({ path: "password", code });
    expect(problem!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(["Passw0rd-x", "Zhuce-mima-2026", "lanse-dahai-42"])("accepts %s", (password) => {
    expect(passwordProblems(password, owner)).toEqual([]);
  });

  it("ignores user names too short to guess with (a@…)", () => {
    expect(passwordProblems("Passw0rd-a", { email: "a@example.com" })).toEqual([]);
  });

  it("checks only the list for staff passwords set by an admin", () => {
    expect(passwordProblems("Reviewer-pass-1", null)).toEqual([]);
    expect(passwordProblems("password1", null)[0]!.code).toBe("PASSWORD_TOO_COMMON");
  });
});

describe("password policy over the API (#11.3)", () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem();
  });
  afterAll(() => sys.close());

  it("refuses a common password at registration with 400 and the field error", async () => {
    const res = await register(sys.app, "common@example.com", "Password123");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "PASSWORD_TOO_COMMON",
      detail: expect.stringContaining("过于常见"),
      errors: [{ path: "password", code: "PASSWORD_TOO_COMMON" }],
    });
  });

  it("refuses a password containing the email's user name at registration", async () => {
    const res = await register(sys.app, "liuyang@example.com", "Liuyang-2026");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "PASSWORD_CONTAINS_ACCOUNT_INFO", errors: [{ path: "password" }] });
  });

  it("applies to a password change, on the newPassword field", async () => {
    await register(sys.app, "changer@example.com", "Good-secret-51");
    const s = await loginAs(sys.app, "changer@example.com", "Good-secret-51");
    for (const [newPassword, code] of [
      ["iloveyou1", "PASSWORD_TOO_COMMON"],
      ["Changer-2027", "PASSWORD_CONTAINS_ACCOUNT_INFO"],
    ] as const) {
      const res = await sys.app.inject({
        method: "POST",
        url: "/api/me/password",
        headers: bearer(s),
        payload: { currentPassword: "Good-secret-51", newPassword },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, errors: [{ path: "newPassword", code }] });
    }
    // Refused changes leave the session alone.
    expect((await sys.app.inject({ url: "/api/me", headers: bearer(s) })).statusCode).toBe(200);
  });

  it("refuses a common password for a staff account an admin creates", async () => {
    const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: bearer(admin),
      payload: { email: "rev@example.com", password: "abc123456", role: "reviewer" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("PASSWORD_TOO_COMMON");
  });
});
