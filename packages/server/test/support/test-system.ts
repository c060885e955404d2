import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MailSender } from "../../src/gateways/mail/port.js";
import { createFakeBureauGateway } from "../../src/gateways/bureau/fake.js";
import type { BureauGateway } from "../../src/gateways/bureau/port.js";
import { localFileStore } from "../../src/gateways/storage/local.js";
import pg from "pg";
import pino from "pino";
import { buildLogger } from "../../src/app.js";
import { fixedClock, type Clock } from "../../src/clock.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createSystem, type System } from "../../src/system.js";

export const ADMIN = { email: "admin@test.local", password: "Admin-pass-2026" };

/**
 * A database of its own for one test file: in-memory PGlite by default, or a freshly created
 * PostgreSQL database when TEST_DATABASE_URL is set (dropped again by `dispose`).
 */
export async function testDatabaseUrl(): Promise<{ url: string | undefined; dispose(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: undefined, dispose: async () => {} };
  const name = `beian_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestSystem extends System {
  clock: ReturnType<typeof fixedClock>;
  /** Lines the server logged, for "no secret in any log line" checks. */
  logLines: string[];
  close(): Promise<void>;
}

export async function startTestSystem(
  overrides: Partial<Config> = {},
  opts: { clock?: Clock; work?: boolean; mail?: MailSender; bureau?: BureauGateway | "soap" } = {},
): Promise<TestSystem> {
  const database = await testDatabaseUrl();
  const clock = fixedClock(new Date("2026-11-25T02:00:00Z"));
  const logLines: string[] = [];
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    dataDir: null,
    webDist: null,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    logLevel: "info",
    runWorkers: opts.work ?? false,
    // Tests poll the bureau themselves, when they mean to.
    bureauPollSeconds: 0,
    // Limits have a test of their own (security.test.ts); others sign in many times a minute.
    rateLimits: false,
    ...overrides,
  };
  const system = await createSystem(config, {
    clock: opts.clock ?? clock,
    // The production logger settings (redaction included), writing to memory.
    logger: pino(buildLogger("info"), { write: (line: string) => void logLines.push(line) }),
    jobs: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
    files: localFileStore(mkdtempSync(join(tmpdir(), "beian-test-files-"))),
    ...(opts.mail ? { mail: opts.mail } : {}),
    // In memory unless a test brings the simulator ("soap": the real gateway to config.bureauUrl).
    ...(opts.bureau === "soap" ? {} : { bureau: opts.bureau ?? createFakeBureauGateway() }),
  });
  await system.start();
  return {
    ...system,
    clock,
    logLines,
    async close() {
      await system.stop();
      await database.dispose();
    },
  };
}
