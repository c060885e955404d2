import PgBoss from "pg-boss";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/db/connection.js";
import { auditLog } from "../src/db/schema.js";
import { JobQueue } from "../src/jobs/job-queue.js";
import { testDatabaseUrl } from "./support/test-system.js";

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const t = await testDatabaseUrl();
  dispose = t.dispose;
  database = await openDatabase({ databaseUrl: t.url, dataDir: null });
});
afterAll(async () => {
  await database.close();
  await dispose();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not met in time");
};

const fast = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 };

describe("durable jobs (pg-boss on " + (process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite") + ")", () => {
  it("enqueues in the same transaction as the state change: rollback drops the job (outbox)", async () => {
    const seen: string[] = [];
    const queue = new JobQueue(database, fast);
    queue.define<{ tag: string }>({
      name: "test.outbox",
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      handle: async (data) => void seen.push(data.tag),
    });
    await queue.start({ work: true });
    try {
      const insertAudit = (tx: Parameters<Parameters<Database["db"]["transaction"]>[0]>[0], tag: string) =>
        tx.insert(auditLog).values({ at: new Date(), actorRole: "system", entityType: "test", entityId: tag, action: "test" });

      await expect(
        database.db.transaction(async (tx) => {
          await insertAudit(tx, "rolled-back");
          await queue.send("test.outbox", { tag: "rolled-back" }, { tx });
          throw new Error("the state change failed");
        }),
      ).rejects.toThrow("the state change failed");

      await database.db.transaction(async (tx) => {
        await insertAudit(tx, "committed");
        await queue.send("test.outbox", { tag: "committed" }, { tx });
      });

      await until(() => seen.includes("committed"));
      const rows = await database.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'test.outbox'`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
      expect(seen).toEqual(["committed"]);
    } finally {
      await queue.stop();
    }
  });

  it("retries a failing job with backoff until it succeeds", async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const queue = new JobQueue(database, fast);
    queue.define({
      name: "test.retry",
      retryLimit: 3,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      async handle(_data, meta) {
        attempts.push({ attempt: meta.attempt, at: Date.now() });
        if (meta.attempt < 3) throw new Error("transient failure");
      },
    });
    await queue.start({ work: true });
    try {
      const id = await queue.send("test.retry", {});
      await until(async () => (await queue.getJob("test.retry", id!))?.state === "completed", 30_000);
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      // Backoff: the second wait is longer than the first.
      const firstWait = attempts[1]!.at - attempts[0]!.at;
      const secondWait = attempts[2]!.at - attempts[1]!.at;
      expect(firstWait).toBeGreaterThanOrEqual(900);
      expect(secondWait).toBeGreaterThan(firstWait);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("runs a job again after the process that took it crashed", async () => {
    const handled: string[] = [];
    const definition = {
      name: "test.crash",
      retryLimit: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 1,
      handle: async (data: { tag: string }) => void handled.push(data.tag),
    };

    // A process takes the job (state: active) and dies before finishing: no fail, no complete.
    const setup = new JobQueue(database, fast);
    setup.define(definition);
    await setup.start({ work: false });
    await setup.send("test.crash", { tag: "survivor" });
    await setup.stop();
    const doomed = new PgBoss({ ...database.bossConnection, schema: "pgboss", supervise: false, schedule: false } as PgBoss.ConstructorOptions);
    await doomed.start();
    const [taken] = await doomed.fetch<{ tag: string }>("test.crash");
    expect(taken?.data.tag).toBe("survivor");
    await doomed.stop({ graceful: false, close: true });
    expect((await new PgBossProbe(database).state("test.crash", taken!.id))).toBe("active");

    // The next process finds it expired and runs it.
    const survivor = new JobQueue(database, fast);
    survivor.define(definition);
    await survivor.start({ work: true });
    try {
      await until(() => handled.includes("survivor"), 30_000);
      expect(handled).toEqual(["survivor"]);
    } finally {
      await survivor.stop();
    }
  }, 60_000);
});

class PgBossProbe {
  constructor(private readonly database: Database) {}
  async state(name: string, id: string): Promise<string | undefined> {
    const res = await this.database.executor.executeSql("select state from pgboss.job where name = $1 and id = $2", [name, id]);
    return (res.rows[0] as { state?: string } | undefined)?.state;
  }
}
