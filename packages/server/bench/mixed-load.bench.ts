// The mixed workload on PostgreSQL (issue 11): 200 applicants autosave their drafts and upload
// photos while reviewers work the queue, all at once. Prints p50/p99 per route, the error count
// (goal 0) and the Fastify hello-world ceiling measured in the same run.
//
// The load comes from a second process (bench/support/mixed-load-client.ts). Applicants pause
// 1–3 s between two actions (BENCH_THINK_MS, mean 2 s), so this is 200 people filling in forms at
// once, about 100 saves a second, not 200 connections hammering; reviewers pause a quarter of that.
//
// Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
// data goes into a database of its own (beian_bench_mixed), made fresh on every run.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import { loadConfig } from "../src/config.js";
import { createSystem } from "../src/system.js";
import { personalFilingOf, submittedFiling } from "../test/support/filings.js";
import { bearer, loginAs, register } from "../test/support/http.js";
import { phonePhoto } from "../test/support/images.js";
import { helloWorldCeiling } from "./support/ceiling.js";
import type { MixedLoadPlan, RouteFigures } from "./support/mixed-load-client.js";

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 200);
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 5);
const QUEUED = Number(process.env.BENCH_QUEUED ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** Mean pause between two saves of one applicant: a field typed, the 800 ms debounce, the next field read. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 2000);
/** Every n-th action of an applicant is a photo upload: about one a minute each. */
const UPLOAD_EVERY = Number(process.env.BENCH_UPLOAD_EVERY ?? 30);
const base = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const DB = "beian_bench_mixed";

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${DB}`;
  return url.toString();
}

const dataRoot = mkdtempSync(join(tmpdir(), "beian-bench-mixed-"));
const admin = { email: "bench@example.com", password: "Bench-pass-2026" };
const system = await createSystem(
  { ...loadConfig({}), databaseUrl: await freshDatabase(), dataDir: null, dataRoot, webDist: null, rateLimits: false, bureauPollSeconds: 0, logLevel: "silent", adminEmail: admin.email, adminPassword: admin.password },
  { logger: pino({ level: "silent" }) },
);
await system.start();
const { app } = system;

console.log(`setting up: ${QUEUED} submitted filings, ${APPLICANTS} applicants with drafts, ${REVIEWERS} reviewers …`);
const setupStarted = Date.now();
for (let n = 0; n < QUEUED; n++) await submittedFiling(system, n);

const adminSession = await loginAs(app, admin.email, admin.password);
const reviewers: MixedLoadPlan["reviewers"] = [];
for (let i = 0; i < REVIEWERS; i++) {
  const email = `reviewer-${i}@example.com`;
  await app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(adminSession), payload: { email, password: "Review3r-pass", role: "reviewer" } });
  reviewers.push({ token: (await loginAs(app, email, "Review3r-pass")).token });
}

const applicants: MixedLoadPlan["applicants"] = [];
for (let i = 0; i < APPLICANTS; i++) {
  const n = 1000 + i;
  const email = `typist-${n}@example.com`;
  await register(app, email, "Passw0rd-x", `1350000${String(n).padStart(4, "0")}`);
  const session = await loginAs(app, email, "Passw0rd-x");
  const form = personalFilingOf(n);
  const created = await app.inject({ method: "POST", url: "/api/filings", headers: bearer(session), payload: { type: "first", form } });
  if (created.statusCode !== 201) throw new Error(`draft ${n}: ${created.body}`);
  const filing = created.json() as { id: string; version: number };
  const checklist = (await app.inject({ url: `/api/filings/${filing.id}/checklist`, headers: bearer(session) })).json() as { items: { kind: string; path: string | null }[] };
  const item = checklist.items[0]!;
  applicants.push({ token: session.token, filingId: filing.id, version: filing.version, form: form as MixedLoadPlan["applicants"][number]["form"], upload: { kind: item.kind, ...(item.path ? { path: item.path } : {}) } });
}
console.log(`set up in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s`);

// A 4 MP phone photo (≈ 1 MB): every upload is made compliant by the server.
const photoPath = join(dataRoot, "photo.jpg");
writeFileSync(photoPath, await phonePhoto(2304, 1728));

const address = await app.listen({ port: 0, host: "127.0.0.1" });
const plan: MixedLoadPlan = { base: address, seconds: SECONDS, thinkMs: THINK_MS, uploadEvery: UPLOAD_EVERY, photoPath, applicants, reviewers };
const figures = await new Promise<RouteFigures[]>((resolve, reject) => {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "support/mixed-load-client.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`load client exited ${code}`))));
  child.stdin.end(JSON.stringify(plan));
});

const ms = (v: number) => v.toFixed(1).padStart(7);
let requests = 0;
let errors = 0;
console.log(`\n${APPLICANTS} applicants (a save every ${THINK_MS / 1000} s on average, a 4 MP photo every ${UPLOAD_EVERY} actions) + ${REVIEWERS} reviewers for ${SECONDS} s:`);
console.log(`${"route".padEnd(34)} ${"count".padStart(6)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} errors conflicts`);
for (const f of figures.sort((a, b) => a.route.localeCompare(b.route))) {
  requests += f.count;
  errors += f.errors;
  console.log(`${f.route.padEnd(34)} ${String(f.count).padStart(6)} ${ms(f.p50)} ${ms(f.p99)} ${ms(f.max)} ${String(f.errors).padStart(6)} ${String(f.conflicts).padStart(9)}`);
}
console.log(`all routes: ${requests} requests, ${(requests / SECONDS).toFixed(0)} req/s, ${errors} errors (goal 0)`);

await app.close();
await helloWorldCeiling({ connections: 10, seconds: 8 });
await system.stop();
rmSync(dataRoot, { recursive: true, force: true });
if (errors > 0) process.exitCode = 1;
