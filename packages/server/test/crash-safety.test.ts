/**
 * Crash safety (issue 11): a server process is killed (SIGKILL, no shutdown) while applicants
 * submit, then started again. Every filing is either still a draft or fully submitted — status,
 * audit entry and notice together, never half — the audit chain is intact, and the notices
 * enqueued before the kill are delivered after the restart. Runs in the PostgreSQL pass: the
 * embedded database is one process's files, not a server to reconnect to.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/connection.js";
import { verifyAuditChain } from "../src/modules/audit/chain.js";
import { personalFilingOf } from "./support/filings.js";
import { phonePhoto } from "./support/images.js";
import { testDatabaseUrl } from "./support/test-system.js";

const MAIN = resolve(import.meta.dirname, "../dist/main.js");
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const APPLICANTS = 6;

let database: Awaited<ReturnType<typeof testDatabaseUrl>>;
let server: { url: string; child: ChildProcess } | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "beian-crash-"));

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

async function start() {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: "", BUREAU_POLL_SECONDS: "0", RATE_LIMITS: "off", LOG_LEVEL: "warn", BEIAN_ADMIN_PASSWORD: "Crash-admin-pass-1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe.runIf(onPostgres)("crash safety (issue 11)", () => {
  const filings: { id: string; token: string }[] = [];

  beforeAll(async () => {
    database = await testDatabaseUrl();
    server = await start();
    const photo = await phonePhoto(1200, 900);
    // Complete filings, dated for today: the fixture's domain dates are moved to fit.
    for (let n = 0; n < APPLICANTS; n++) {
      const email = `crash-${n}@example.com`;
      await call(server.url, "POST", "/api/auth/register", undefined, { email, password: "Passw0rd-crash", mobile: "13800138000" });
      const { body } = await call(server.url, "POST", "/api/auth/login", undefined, { email, password: "Passw0rd-crash" });
      const token = body!.token as string;
      const form = personalFilingOf(n);
      for (const cert of form.websites[0]!.domainCertificates ?? []) {
        cert.verifiedAt = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
        cert.expiresAt = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
      }
      const created = await call(server.url, "POST", "/api/filings", token, { type: "first", form });
      const id = created.body!.id as string;
      const checklist = await call(server.url, "GET", `/api/filings/${id}/checklist`, token);
      for (const item of (checklist.body!.items as { kind: string; path: string | null; stage: string }[]).filter((i) => i.stage === "submission")) {
        const fd = new FormData();
        fd.append("kind", item.kind);
        if (item.path) fd.append("path", item.path);
        fd.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "p.jpg");
        const up = await fetch(`${server.url}/api/filings/${id}/materials`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: fd });
        expect(up.status).toBe(201);
      }
      filings.push({ id, token });
    }
  }, 180_000);

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await database?.dispose();
  });

  it("leaves no filing half-submitted after SIGKILL, and delivers every notice after the restart", async () => {
    const running = server!;
    // Versions first, so the submissions themselves are what the kill interrupts.
    const versions = await Promise.all(filings.map(async (f) => (await call(running.url, "GET", `/api/filings/${f.id}`, f.token)).body!.version));
    const submits = filings.map((f, i) =>
      call(running.url, "POST", `/api/filings/${f.id}/submit`, f.token, { expectedVersion: versions[i] }).catch(() => null),
    );
    // Killed as soon as the first submission is answered: the others are in flight.
    await Promise.race(submits);
    const exited = new Promise((r) => running.child.once("exit", r));
    running.child.kill("SIGKILL");
    await Promise.all(submits);
    await exited;

    server = await start();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let submitted = 0;
      for (const f of filings) {
        const { rows: [row] } = await client.query("select status, submitted_at from filings where id = $1", [f.id]);
        const audits = await client.query("select count(*)::int as n from audit_log where entity_id = $1 and action = 'filing.submit'", [f.id]);
        const notices = await client.query("select count(*)::int as n from notifications where template = 'filing.submitted' and idempotency_key like $1", [`%${f.id}%`]);
        expect(["draft", "submitted"]).toContain(row.status);
        if (row.status === "submitted") {
          submitted++;
          expect(row.submitted_at).not.toBeNull();
          expect(audits.rows[0].n).toBe(1);
          expect(notices.rows[0].n).toBeGreaterThan(0);
        } else {
          expect(audits.rows[0].n).toBe(0);
          expect(notices.rows[0].n).toBe(0);
        }
      }
      console.log(`crash safety: ${submitted} of ${filings.length} submissions committed before the kill`);
      expect(submitted).toBeGreaterThan(0);

      // What was enqueued before the kill is delivered by the new process.
      let pending = -1;
      for (let i = 0; i < 100 && pending !== 0; i++) {
        const { rows } = await client.query<{ n: number }>("select count(*)::int as n from notifications where status = 'pending'");
        pending = rows[0]!.n;
        if (pending !== 0) await new Promise((r) => setTimeout(r, 300));
      }
      expect(pending).toBe(0);

      // A filing still a draft can be submitted now: nothing was left locked or half-written.
      for (const f of filings) {
        const current = await call(server!.url, "GET", `/api/filings/${f.id}`, f.token);
        if (current.body!.status !== "draft") continue;
        const res = await call(server!.url, "POST", `/api/filings/${f.id}/submit`, f.token, { expectedVersion: current.body!.version });
        expect(res.status).toBe(200);
      }
    } finally {
      await client.end();
    }
    const db = await openDatabase({ databaseUrl: database.url, dataDir: null });
    try {
      expect((await verifyAuditChain(db.db)).brokenAt).toBeNull();
    } finally {
      await db.close();
    }
  }, 120_000);
});
