/**
 * A real server process (`node dist/main.js`) for the crash-safety tests (issue 11): started on a
 * free port against a PostgreSQL database, killed with SIGKILL (no shutdown of any kind), started
 * again. Plus what those tests share: a JSON API client, polling for a condition, the applicant
 * and staff set-up, and the audit chain check.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/db/connection.js";
import { verifyAuditChain } from "../../src/modules/audit/chain.js";
import { personalFilingOf } from "./filings.js";
import { testDatabaseUrl } from "./test-system.js";

const MAIN = resolve(import.meta.dirname, "../../dist/main.js");

/** Processes and databases are real here: these tests run in the PostgreSQL pass only. */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export const CRASH_ADMIN = { email: "admin@crash.local", password: "Crash-admin-pass-1" };

export const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

export interface ServerSettings {
  databaseUrl: string;
  dataDir: string;
  /** More environment, e.g. BUREAU_URL and BUREAU_POLL_SECONDS. */
  env?: Record<string, string>;
}

export async function startServerProcess(settings: ServerSettings): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: settings.databaseUrl,
      PORT: String(port),
      DATA_DIR: settings.dataDir,
      WEB_DIST: "",
      BUREAU_POLL_SECONDS: "0",
      RATE_LIMITS: "off",
      LOG_LEVEL: "warn",
      BEIAN_ADMIN_EMAIL: CRASH_ADMIN.email,
      BEIAN_ADMIN_PASSWORD: CRASH_ADMIN.password,
      ...settings.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once("exit", () => done())));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    child,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.kill();
  throw new Error("server did not start");
}

/**
 * One test file's server: a database and a data directory of its own, a process started (again)
 * on them with `start`, and everything removed by `close`. `env` is read at each start.
 */
export function crashRig(name: string, env: () => Record<string, string> = () => ({})) {
  const dataDir = mkdtempSync(join(tmpdir(), `beian-crash-${name}-`));
  let database: Awaited<ReturnType<typeof testDatabaseUrl>> | undefined;
  const rig = {
    dataDir,
    /** The running process, if any. */
    server: undefined as ServerProcess | undefined,
    get databaseUrl(): string {
      if (!database?.url) throw new Error("crashRig: open() first");
      return database.url;
    },
    async open(): Promise<ServerProcess> {
      database = await testDatabaseUrl();
      return rig.start();
    },
    async start(): Promise<ServerProcess> {
      rig.server = await startServerProcess({ databaseUrl: rig.databaseUrl, dataDir, env: env() });
      return rig.server;
    },
    async close(): Promise<void> {
      await rig.server?.kill();
      await database?.dispose();
    },
  };
  return rig;
}

export interface ApiReply {
  status: number;
  body: Record<string, unknown> | null;
}

/** One JSON call; a connection cut by the kill answers status 0 instead of throwing. */
export async function api(url: string, method: string, path: string, token?: string, body?: unknown): Promise<ApiReply> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  } catch {
    return { status: 0, body: null };
  }
}

/** Polls `probe` until it returns something other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * What pg-boss's maintenance does to the jobs a dead worker had fetched once their `expire_in`
 * (2–10 minutes here) and the first retry delay have passed: they go back to `retry`, due now.
 * The dead process's jobs are those active since before it died (`diedAt`; by default every
 * active job, when no server runs). That pg-boss itself expires and re-runs such a job is proven
 * by test/jobs.test.ts; this spares the wait.
 */
export async function expireJobsOfDeadProcess(client: pg.Client, diedAt = new Date()): Promise<number> {
  const { rowCount } = await client.query(
    "update pgboss.job set state = 'retry', retry_count = retry_count + 1, start_after = now() where state = 'active' and started_on < $1",
    [diedAt],
  );
  return rowCount ?? 0;
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await api(url, "POST", "/api/auth/login", undefined, { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return res.body!.token as string;
}

/** A reviewer account made by the admin; returns its bearer token. */
export async function reviewerToken(url: string, email: string): Promise<string> {
  const admin = await signIn(url, CRASH_ADMIN.email, CRASH_ADMIN.password);
  const made = await api(url, "POST", "/api/admin/users", admin, { email, password: "Review3r-pass", role: "reviewer" });
  if (made.status !== 201) throw new Error(`reviewer ${email}: ${made.status}`);
  return signIn(url, email, "Review3r-pass");
}

export interface CrashFiling {
  id: string;
  token: string;
  n: number;
}

/**
 * Applicant `n` registers and fills in a complete filing dated for today (the fixture's domain
 * dates are moved to fit the real clock) with every submission-stage material uploaded; `submit`
 * also submits it.
 */
export async function completeFiling(url: string, n: number, photo: Buffer, opts: { prefix: string; submit?: boolean }): Promise<CrashFiling> {
  const email = `${opts.prefix}-${n}@example.com`;
  await api(url, "POST", "/api/auth/register", undefined, { email, password: "Passw0rd-crash", mobile: "13800138000" });
  const token = await signIn(url, email, "Passw0rd-crash");
  const form = personalFilingOf(n);
  for (const cert of form.websites[0]!.domainCertificates ?? []) {
    cert.verifiedAt = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    cert.expiresAt = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
  }
  const created = await api(url, "POST", "/api/filings", token, { type: "first", form });
  if (created.status !== 201) throw new Error(`create filing ${n}: ${created.status}`);
  const id = created.body!.id as string;
  const checklist = await api(url, "GET", `/api/filings/${id}/checklist`, token);
  for (const item of (checklist.body!.items as { kind: string; path: string | null; stage: string }[]).filter((i) => i.stage === "submission")) {
    const up = await uploadPhoto(url, token, id, item, photo);
    if (up.status !== 201) throw new Error(`upload ${item.kind}: ${up.status}`);
  }
  if (opts.submit) {
    const { version } = (await api(url, "GET", `/api/filings/${id}`, token)).body!;
    const res = await api(url, "POST", `/api/filings/${id}/submit`, token, { expectedVersion: version });
    if (res.status !== 200) throw new Error(`submit ${n}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id, token, n };
}

/** One multipart upload as the browser sends it; a connection cut by the kill answers status 0. */
export async function uploadPhoto(url: string, token: string, filingId: string, item: { kind: string; path: string | null }, photo: Buffer): Promise<ApiReply> {
  const fd = new FormData();
  fd.append("kind", item.kind);
  if (item.path) fd.append("path", item.path);
  fd.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
  try {
    const res = await fetch(`${url}/api/filings/${filingId}/materials`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: fd });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  } catch {
    return { status: 0, body: null };
  }
}

/** The reviewer's action at the filing's current version. */
export async function reviewAction(url: string, token: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<ApiReply> {
  const { version } = (await api(url, "GET", `/api/filings/${id}`, token)).body!;
  return api(url, "POST", `/api/review/filings/${id}/${action}`, token, { expectedVersion: version, ...body });
}

export const ON_SITE = { originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "营业厅" };

/** The first entry of the audit chain that does not verify, or null. */
export async function auditChainBrokenAt(databaseUrl: string) {
  const db = await openDatabase({ databaseUrl, dataDir: null });
  try {
    return (await verifyAuditChain(db.db)).brokenAt;
  } finally {
    await db.close();
  }
}

/** Notices still waiting for delivery, polled until none are left (or the timeout). */
export async function allNoticesDelivered(client: pg.Client, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    "every notice delivered",
    async () => (await client.query<{ n: number }>("select count(*)::int as n from notifications where status = 'pending'")).rows[0]!.n === 0,
    timeoutMs,
  );
}
