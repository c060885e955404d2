import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";
import { register } from "./support/http.js";

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
  await register(sys.app, "audit-me@example.com");
});
afterAll(() => sys.close());

describe("audit log (R-ST-2)", () => {
  it("records who, when, what and the new state", async () => {
    const rows = await sys.ctx.db.select().from(auditLog);
    const entry = rows.find((r) => r.action === "user.registered");
    expect(entry).toMatchObject({ actorRole: "anonymous", entityType: "user", toState: "active" });
    expect(entry!.at).toBeInstanceOf(Date);
  });

  it.each([
    ["UPDATE", sql`update audit_log set reason = 'rewritten'`],
    ["DELETE", sql`delete from audit_log`],
    ["TRUNCATE", sql`truncate audit_log`],
  ])("refuses %s at the database level", async (_op, statement) => {
    await expect(sys.ctx.db.execute(statement)).rejects.toThrow();
    const rows = await sys.ctx.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.reason !== "rewritten")).toBe(true);
  });
});
