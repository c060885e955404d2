import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.js";
import { verifyAuditChain } from "../src/modules/audit/chain.js";
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

describe("audit hash chain (issue 11)", () => {
  const tamper = async (statement: ReturnType<typeof sql>) => {
    // What someone with the database owner's rights could do: switch the guard off and edit.
    await sys.ctx.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
    try {
      await sys.ctx.db.execute(statement);
    } finally {
      await sys.ctx.db.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
    }
  };

  it("chains every entry to the one before, and the verifier finds it intact", async () => {
    await register(sys.app, "audit-chain-1@example.com");
    await register(sys.app, "audit-chain-2@example.com");
    const rows = await sys.ctx.db.select().from(auditLog).orderBy(auditLog.id);
    for (const [i, row] of rows.entries()) if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(sys.ctx.db)).toEqual({ checked: rows.length, brokenAt: null, reason: null });
  });

  it("keeps the chain whole when many changes are audited at once", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => register(sys.app, `audit-parallel-${i}@example.com`)));
    expect((await verifyAuditChain(sys.ctx.db)).brokenAt).toBeNull();
  });

  it("names the first entry whose content was changed, and a removed entry", async () => {
    const rows = await sys.ctx.db.select().from(auditLog).orderBy(auditLog.id);
    const victim = rows[1]!;
    await tamper(sql`update audit_log set reason = 'rewritten' where id = ${victim.id}`);
    expect(await verifyAuditChain(sys.ctx.db)).toMatchObject({ brokenAt: victim.id, reason: expect.stringContaining("content changed") });
    await tamper(sql`update audit_log set reason = ${victim.reason} where id = ${victim.id}`);
    expect((await verifyAuditChain(sys.ctx.db)).brokenAt).toBeNull();

    await tamper(sql`delete from audit_log where id = ${rows[2]!.id}`);
    expect(await verifyAuditChain(sys.ctx.db)).toMatchObject({ brokenAt: rows[3]!.id, reason: expect.stringContaining("does not follow") });
  });
});
