/**
 * Scale-out (issue 11): two server processes — real `node dist/main.js` processes, built by
 * `npm test` — on one PostgreSQL database. A session made on one works on the other, a logout on
 * one ends it on both, and the jobs both enqueue are each run exactly once. Embedded PGlite is
 * one process by nature, so this runs in the PostgreSQL pass (TEST_DATABASE_URL).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "./support/test-system.js";

const MAIN = resolve(import.meta.dirname, "../dist/main.js");
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

let database: Awaited<ReturnType<typeof testDatabaseUrl>>;
const TWO_PROCESSES_KEY = randomBytes(32).toString("base64");
const servers: { url: string; child: ChildProcess }[] = [];

async function startServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), "beian-two-")),
      // One deployment, one master key (issue 11.4): each DATA_DIR would otherwise get its own.
      DATA_ENCRYPTION_KEY: TWO_PROCESSES_KEY,
      WEB_DIST: "",
      BEIAN_ADMIN_EMAIL: "admin@two.local",
      BEIAN_ADMIN_PASSWORD: "Two-admin-pass-1",
      BUREAU_POLL_SECONDS: "0",
      RATE_LIMITS: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} did not start`);
}

const post = (url: string, path: string, body: unknown, token?: string) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe.runIf(onPostgres)("two server processes on one PostgreSQL (issue 11)", () => {
  beforeAll(async () => {
    database = await testDatabaseUrl();
    // One after the other: the first migrates, the second finds it done (advisory lock either way).
    servers.push(await startServer(database.url!));
    servers.push(await startServer(database.url!));
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once("exit", r)))));
    await database?.dispose();
  });

  it("shares sessions: signed in on one, recognised and signed out on the other", async () => {
    const [a, b] = servers;
    const login = await post(a!.url, "/api/auth/login", { email: "admin@two.local", password: "Two-admin-pass-1" });
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${b!.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("admin@two.local");
    expect((await post(b!.url, "/api/auth/logout", {}, token)).status).toBe(204);
    expect((await fetch(`${a!.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("runs each job once although both processes work the queues", async () => {
    const n = 12;
    for (let i = 0; i < n; i++) {
      const res = await post(servers[i % 2]!.url, "/api/auth/register", { email: `two-${i}@example.com`, password: "Passw0rd-two", mobile: "13800138000" });
      expect(res.status).toBe(201);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let rows: { status: string; attempts: number }[] = [];
      for (let i = 0; i < 100; i++) {
        ({ rows } = await client.query("select status, attempts from notifications where channel = 'email'"));
        if (rows.length === n && rows.every((r) => r.status !== "pending")) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(rows).toHaveLength(n);
      // Delivered, each by exactly one attempt of exactly one process.
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
      const jobs = await client.query("select count(*)::int as n from pgboss.job where name = 'notifications.deliver' and state = 'completed'");
      expect(jobs.rows[0].n).toBeGreaterThanOrEqual(n);
      const retried = await client.query("select count(*)::int as n from pgboss.job where name = 'notifications.deliver' and retry_count > 0");
      expect(retried.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
