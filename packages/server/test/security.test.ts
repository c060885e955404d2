import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../src/http/security.js";
import { register } from "./support/http.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem({ rateLimits: true });
  await register(sys.app, "limit@example.com");
});
afterAll(() => sys.close());

describe("security headers (issue 11)", () => {
  it("sends a strict Content-Security-Policy and refuses framing and sniffing", async () => {
    const res = await sys.app.inject({ url: "/api/health" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});

describe("rate limits (issue 11)", () => {
  it("stops password guessing from one address with 429, a stable code and a Chinese wait time", async () => {
    // Different accounts each time: the per-account lockout does not come into play.
    let n = 0;
    const attempt = () =>
      sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: `guess-${n++}@example.com`, password: "wrong-password-1" }, remoteAddress: "198.51.100.7" });
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.login.max; i++) statuses.push((await attempt()).statusCode);
    expect(new Set(statuses)).toEqual(new Set([401]));
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: "RATE_LIMITED", detail: expect.stringMatching(/请在 \d+ 秒后重试/) });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await sys.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "limit@example.com", password: "wrong-password-1" }, remoteAddress: "198.51.100.8" });
    expect(other.statusCode).not.toBe(429);
  });

  it("limits registrations per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.register.max; i++) {
      const res = await sys.app.inject({
        method: "POST",
        url: "/api/auth/register",
        payload: { email: `bulk-${i}@example.com`, password: "Passw0rd-x", mobile: "13800138000" },
        remoteAddress: "203.0.113.9",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
