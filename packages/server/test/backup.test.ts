import { mkdtempSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { backupTo, restoreFrom, type BackupLocation } from "../src/backup/backup.js";
import { fixedClock } from "../src/clock.js";
import { loadConfig, type Config } from "../src/config.js";
import { createFakeBureauGateway } from "../src/gateways/bureau/fake.js";
import { localFileStore } from "../src/gateways/storage/local.js";
import { verifyAuditChain } from "../src/modules/audit/chain.js";
import { createSystem, type System } from "../src/system.js";
import { bearer, loginAs } from "./support/http.js";
import { submittedFiling } from "./support/filings.js";
import { ADMIN, testDatabaseUrl } from "./support/test-system.js";

/**
 * #11.6 backup and restore, as docs/operations.md "Backups" tells it: filings with materials are
 * backed up (database + file store), restored into a fresh location, and the app started on the
 * restore serves the same filings, the same material bytes, an intact audit chain and logins.
 * PGlite always; PostgreSQL (pg_dump / pg_restore) when TEST_DATABASE_URL is set.
 */
const root = mkdtempSync(join(tmpdir(), "beian-backup-"));
afterAll(() => rm(root, { recursive: true, force: true }));

// The same master key for the original and the restore: it is kept apart from backups.
const MASTER_KEY = "5b1f0c3e8a7d4b2f9e6c1a0d3b5f7e9c2a4d6f8b0c1e3a5d7f9b2c4e6a8d0f13";

async function startOn(name: string, where: { databaseUrl?: string | undefined; dataDir?: string }): Promise<System> {
  const config: Config = {
    ...loadConfig({ DATA_DIR: join(root, name), DATA_ENCRYPTION_KEY: MASTER_KEY }),
    databaseUrl: where.databaseUrl,
    dataDir: where.dataDir ?? null,
    webDist: null,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    runWorkers: false,
    bureauPollSeconds: 0,
    rateLimits: false,
  };
  const system = await createSystem(config, {
    clock: fixedClock(new Date("2026-03-02T02:00:00Z")),
    logger: pino({ level: "silent" }),
    files: localFileStore(join(root, name, "files")),
    bureau: createFakeBureauGateway(),
  });
  await system.start();
  return system;
}

interface Snapshot {
  filings: { id: string; status: string; version: number }[];
  /** Each material's download, with the index of the filing (and applicant) it belongs to. */
  materials: { url: string; bytes: Buffer; owner: number }[];
  auditEntries: number;
}

/** Two applicants' submitted filings with their uploads; what a restore must give back. */
async function fill(system: System): Promise<Snapshot> {
  const filings = [await submittedFiling(system, 1), await submittedFiling(system, 2)];
  const snapshot: Snapshot = { filings: [], materials: [], auditEntries: 0 };
  for (const [owner, f] of filings.entries()) {
    const detail = (await system.app.inject({ url: `/api/filings/${f.id}`, headers: bearer(f.session) })).json();
    snapshot.filings.push({ id: f.id, status: detail.status, version: detail.version });
    for (const m of detail.materials as { url: string }[]) {
      const file = await system.app.inject({ url: m.url, headers: bearer(f.session) });
      snapshot.materials.push({ url: m.url, bytes: file.rawPayload, owner });
    }
  }
  const chain = await verifyAuditChain(system.ctx.db);
  expect(chain.brokenAt).toBeNull();
  snapshot.auditEntries = chain.checked;
  return snapshot;
}

async function expectRestored(system: System, before: Snapshot): Promise<void> {
  const applicant = await loginAs(system.app, "applicant-1@example.com", "Passw0rd-x");
  const other = await loginAs(system.app, "applicant-2@example.com", "Passw0rd-x");
  await loginAs(system.app, ADMIN.email, ADMIN.password);
  const sessions = [applicant, other];
  for (const [i, f] of before.filings.entries()) {
    const detail = (await system.app.inject({ url: `/api/filings/${f.id}`, headers: bearer(sessions[i]!) })).json();
    expect(detail).toMatchObject({ id: f.id, status: f.status, version: f.version });
  }
  expect(before.materials.length).toBeGreaterThanOrEqual(4);
  for (const m of before.materials) {
    const file = await system.app.inject({ url: m.url, headers: bearer(sessions[m.owner]!) });
    expect(file.statusCode, m.url).toBe(200);
    expect(file.rawPayload.equals(m.bytes), m.url).toBe(true);
  }
  const chain = await verifyAuditChain(system.ctx.db);
  expect(chain).toMatchObject({ brokenAt: null });
  // The logins above added entries; every entry from before is there and chained.
  expect(chain.checked).toBeGreaterThanOrEqual(before.auditEntries);
}

describe("backup and restore (#11.6)", () => {
  it("embedded PGlite: dumpDataDir / loadDataDir and the file directory", async () => {
    const source: BackupLocation = { dataDir: join(root, "pglite", "server-db"), filesDir: join(root, "pglite", "files") };
    const original = await startOn("pglite", { dataDir: source.dataDir! });
    const before = await fill(original);
    // PGlite is one process: the server stops before its data directory is read.
    await original.stop();

    const backupDir = join(root, "pglite-backup");
    const manifest = await backupTo(backupDir, source);
    expect(manifest).toMatchObject({ database: "pglite", databaseFile: "server-db.tar.gz" });
    expect(manifest.files).toEqual({ copied: expect.any(Number) });
    expect(JSON.parse(readFileSync(join(backupDir, "manifest.json"), "utf8"))).toEqual(manifest);

    const target: BackupLocation = { dataDir: join(root, "pglite-restored", "server-db"), filesDir: join(root, "pglite-restored", "files") };
    await restoreFrom(backupDir, target);
    const restored = await startOn("pglite-restored", { dataDir: target.dataDir! });
    try {
      await expectRestored(restored, before);
    } finally {
      await restored.stop();
    }
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("PostgreSQL: pg_dump while the server runs, pg_restore into a fresh database", async () => {
    const sourceDb = await testDatabaseUrl();
    const targetDb = await testDatabaseUrl();
    try {
      const source: BackupLocation = { databaseUrl: sourceDb.url, filesDir: join(root, "pg", "files") };
      const original = await startOn("pg", { databaseUrl: sourceDb.url });
      const before = await fill(original);
      const backupDir = join(root, "pg-backup");
      const manifest = await backupTo(backupDir, source);
      expect(manifest).toMatchObject({ database: "postgres", databaseFile: "database.dump" });
      await original.stop();

      const target: BackupLocation = { databaseUrl: targetDb.url, filesDir: join(root, "pg-restored", "files") };
      await restoreFrom(backupDir, target);
      const restored = await startOn("pg-restored", { databaseUrl: targetDb.url });
      try {
        await expectRestored(restored, before);
      } finally {
        await restored.stop();
      }
    } finally {
      await sourceDb.dispose();
      await targetDb.dispose();
    }
  });
});
