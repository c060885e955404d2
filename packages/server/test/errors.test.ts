import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, loginAs } from "./support/http.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.close());

const chinese = /[\u4e00-\u9fff]/;

describe("problem+json errors", () => {
  it("answers text PostgreSQL cannot store (a NUL character) with 400, not 500 (issue 11, found by api-fuzz)", async () => {
    const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
    const res = await sys.app.inject({ url: "/api/review/queue?q=%00", headers: bearer(admin) });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });

  it.each([
    ["bad JSON", { payload: "{not json", headers: { "content-type": "application/json" } }, 400, "INVALID_JSON"],
    ["empty JSON body", { payload: "", headers: { "content-type": "application/json" } }, 400, "INVALID_JSON"],
    ["wrong types", { payload: { email: 42, password: [], mobile: null } }, 400, "VALIDATION_FAILED"],
    ["unknown fields", { payload: { email: "a@b.cn", password: "Passw0rd-x", mobile: "13800138000", role: "admin" } }, 400, "VALIDATION_FAILED"],
    ["oversized body", { payload: { email: "a".repeat(2 * 1024 * 1024) } }, 413, "PAYLOAD_TOO_LARGE"],
    ["unsupported media type", { payload: "email=a", headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE"],
  ])("%s answers the right status and code with a Chinese detail", async (_name, req, status, code) => {
    const res = await sys.app.inject({ method: "POST", url: "/api/auth/register", ...(req as object) });
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, code });
    expect(body.detail).toMatch(chinese);
    expect(body.type).toMatch(/^urn:beian:problem:/);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|select |insert /i);
    for (const e of body.errors ?? []) expect(e.message).toMatch(chinese);
  });

  it("refuses unknown fields naming them in Chinese", async () => {
    const res = await sys.app.inject({
      method: "POST",
      url: "/api/auth/register",
      payload: { email: "a@b.cn", password: "Passw0rd-x", mobile: "13800138000", isAdmin: true },
    });
    expect(res.json().errors[0]).toMatchObject({ code: "UNRECOGNIZED_KEYS" });
    expect(res.json().errors[0].message).toContain("isAdmin");
  });

  it("answers unknown API routes with ROUTE_NOT_FOUND", async () => {
    const res = await sys.app.inject({ url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("ROUTE_NOT_FOUND");
  });
});

describe("health and OpenAPI", () => {
  it("reports the database kind", async () => {
    const res = await sys.app.inject({ url: "/api/health" });
    expect(res.json()).toEqual({
      status: "ok",
      db: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
      version: sys.ctx.config.version,
    });
  });

  it("serves the OpenAPI document generated from the zod schemas", async () => {
    const doc = (await sys.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const register = doc.paths["/api/auth/register"].post;
    expect(Object.keys(register.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["email", "password", "mobile"]),
    );
    for (const route of sys.app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
  });
});
