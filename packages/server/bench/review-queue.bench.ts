// The review queue at 1 M filings on PostgreSQL (issue 6): p50/p99 latency and throughput of the
// queue page and of each kind of search, under load from a second process (autocannon), next to a
// Fastify hello-world route measured in the same run as the ceiling.
// Goal: p99 < 20 ms and ≥ 30 % of the hello-world throughput.
//
// Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The
// data goes into a database of its own (beian_bench_queue), generated once and reused.
import pg from "pg";
import pino from "pino";
import { loadConfig } from "../src/config.js";
import { certificateSearchHash } from "../src/modules/personal-data/search-hash.js";
import { createSystem } from "../src/system.js";
import { autocannon, helloWorldCeiling } from "./support/ceiling.js";

const FILINGS = Number(process.env.BENCH_FILINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const base = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const DB = "beian_bench_queue";

async function ensureDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [DB]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${DB}`;
  return url.toString();
}

/** 1 M filings: 98 % approved, 1 % waiting for initial review, 1 % in verification — like a provider's history. */
async function generate(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query("select count(*)::int as n from filings");
  if (rows[0].n >= FILINGS) {
    console.log(`reusing ${rows[0].n} filings in ${DB}`);
    await c.query("vacuum analyze filings");
    await c.end();
    return;
  }
  console.log(`generating ${FILINGS} filings …`);
  const started = Date.now();
  await c.query(`
    insert into users (id, email, password_hash, role)
      select md5('u' || i)::uuid, 'bench-' || i || '@example.com', 'x', 'applicant' from generate_series(1, ${FILINGS}) i
      on conflict do nothing;
    insert into subjects (id, owner_id)
      select md5('s' || i)::uuid, md5('u' || i)::uuid from generate_series(1, ${FILINGS}) i
      on conflict do nothing;
    insert into filings (id, subject_id, owner_id, type, status, form, subject_name, subject_type, province, domains,
                         certificate_numbers, submitted_at, review_due_at, created_at, updated_at)
      select md5('f' || i)::uuid, md5('s' || i)::uuid, md5('u' || i)::uuid, 'first',
             case i % 100 when 0 then 'submitted' when 1 then 'verifying' else 'approved' end,
             '{}'::jsonb,
             (array['张','李','王','刘','陈','杨','赵','黄','周','吴'])[i % 10 + 1] || '某' || i,
             case when i % 2 = 0 then 'personal' else 'enterprise' end,
             (array['bj','sh','gd','zj','js','sc','hb','hn','fj','sd'])[i % 10 + 1],
             array['site' || i || '.cn'],
             array[md5('c' || i)], -- the shape of a keyed hash (32 hex digits)
             now() - make_interval(secs => ${FILINGS} - i),
             case when i % 100 in (0, 1) then now() + interval '2 days' end,
             now(), now()
      from generate_series(1, ${FILINGS}) i
      on conflict do nothing;
  `);
  // What autovacuum does on a live system: statistics and the visibility map (index-only counts).
  await c.query("vacuum analyze filings");
  console.log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await c.end();
}

const url = await ensureDatabase();
const system = await createSystem(
  { ...loadConfig({}), databaseUrl: url, dataDir: null, webDist: null, runWorkers: false, logLevel: "silent", adminEmail: "bench@example.com", adminPassword: "Bench-pass-2026" },
  { logger: pino({ level: "silent" }) },
);
await generate(url);
// Certificate numbers are stored as keyed hashes under this database's search key (issue 11.4),
// which SQL cannot compute: the filing the certificate search looks for gets its hash here.
const searched = String(FILINGS - 7).padStart(18, "0");
{
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("update filings set certificate_numbers = array[$1] where id = md5('f' || $2)::uuid", [certificateSearchHash(system.ctx.personalData, searched), FILINGS - 7]);
  await c.end();
}
const address = await system.app.listen({ port: 0, host: "127.0.0.1" });
const login = await fetch(`${address}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "bench@example.com", password: "Bench-pass-2026" }),
});
const { token } = (await login.json()) as { token: string };

const cases: [string, string][] = [
  ["queue, first page (oldest first)", "/api/review/queue"],
  ["queue, filtered by province and SLA", "/api/review/queue?province=zj&sla=on_time"],
  ["queue, page 50", "/api/review/queue?page=50"],
  ["search by domain", `/api/review/queue?status=approved&q=site${FILINGS - 7}.cn`],
  ["search by certificate number", `/api/review/queue?status=approved&q=${searched}`],
  ["search by subject-name prefix", `/api/review/queue?q=${encodeURIComponent("王某12345")}`],
];

const load = { connections: CONNECTIONS, seconds: SECONDS };
const ceiling = await helloWorldCeiling(load);
for (const [name, path] of cases) {
  const r = await autocannon(`${address}${path}`, { ...load, token });
  const share = ((r.rps / ceiling.rps) * 100).toFixed(0);
  const flags = r.errors + r.non2xx > 0 ? ` (${r.errors} errors, ${r.non2xx} non-2xx!)` : "";
  console.log(`${name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s = ${share} % of hello world${flags}`);
}
await system.stop();
