// 100 k SMS-code reminders due within seconds of each other, fired through the real path (issue 9):
// wake-up jobs run by the pg-boss worker, set-based sweep, notices written to the outbox with their
// delivery jobs. Goal: every reminder fired within 60 s of its due time.
//
// Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The
// data goes into a database of its own (beian_bench_reminders), created afresh and dropped after.
// 1 000 of the reminders are scheduled through scheduleSmsReminders (the code the lifecycle runs,
// timed); the rest are inserted in bulk with the wake-up jobs that code would have set.
import { asc, eq, isNull, sql } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { buildLogger } from "../src/app.js";
import { systemClock } from "../src/clock.js";
import { loadConfig, type Config } from "../src/config.js";
import { filings, notificationReminders, notifications } from "../src/db/schema.js";
import { REMINDERS_DUE, scheduleSmsReminders } from "../src/modules/notifications/reminders.js";
import { createSystem } from "../src/system.js";

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const THROUGH_CODE = Math.min(1_000, REMINDERS);
/** Due times spread over this window, starting this long after setup ends. */
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 20_000);
const LEAD_MS = 15_000;
const GOAL_MS = 60_000;
const base = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const DB = "beian_bench_reminders";
const HOUR = 3_600_000;

async function admin(query: string) {
  const c = new pg.Client({ connectionString: base.toString() });
  await c.connect();
  await c.query(query);
  await c.end();
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const url = new URL(base);
  url.pathname = `/${DB}`;
  const config: Config = { ...loadConfig({}), databaseUrl: url.toString(), dataDir: null, webDist: null, runWorkers: true, bureauPollSeconds: 0, logLevel: "warn" };
  const system = await createSystem(config, { clock: systemClock, logger: pino(buildLogger("warn")) });
  const { ctx } = system;
  try {
    console.log(`generating ${REMINDERS} filings waiting for their SMS code …`);
    let started = Date.now();
    const submittedAt = new Date(Date.now() - 44 * HOUR).toISOString();
    await ctx.db.execute(sql`
      insert into users (id, email, password_hash, role, mobile)
        select md5('u' || i)::uuid, 'bench-' || i || '@example.com', 'x', 'applicant', '137' || lpad(i::text, 8, '0')
        from generate_series(1, ${REMINDERS}) i`);
    await ctx.db.execute(sql`insert into subjects (id, owner_id) select md5('s' || i)::uuid, md5('u' || i)::uuid from generate_series(1, ${REMINDERS}) i`);
    await ctx.db.execute(sql`
      insert into filings (id, subject_id, owner_id, type, status, form, lifecycle, subject_name, province, submitted_at)
        select md5('f' || i)::uuid, md5('s' || i)::uuid, md5('u' || i)::uuid, 'first', 'sms_pending',
               jsonb_build_object('province', 'zj', 'subject', jsonb_build_object('type', 'personal', 'name', '张某' || i,
                 'principal', jsonb_build_object('name', '张某' || i, 'mobile', '137' || lpad(i::text, 8, '0')))),
               jsonb_build_object('bureauSubmittedAt', ${submittedAt}::text), '张某' || i, 'zj', now()
        from generate_series(1, ${REMINDERS}) i`);
    console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Due times: from `first` on, spread over SPREAD_MS, the 4 h reminder of each filing.
    const first = Date.now() + LEAD_MS + 10_000;
    const dueOf = (i: number) => first + Math.floor((i * SPREAD_MS) / REMINDERS);

    // Workers run from here: scheduling happens while the system serves, as it would in production.
    await system.start();
    started = Date.now();
    const sample = await ctx.db.select().from(filings).orderBy(asc(filings.id)).limit(THROUGH_CODE);
    for (const [i, row] of sample.entries()) {
      // The 24 h one is already past for these filings; only the 4 h one is set.
      await ctx.db.transaction((tx) => scheduleSmsReminders(tx, ctx, row, new Date(dueOf(i) + 4 * HOUR)));
    }
    const perSchedule = (Date.now() - started) / sample.length;
    const rest = REMINDERS - sample.length;
    started = Date.now();
    await ctx.db.execute(sql`
      insert into notification_reminders (kind, filing_id, submission, expires_at, due_at)
        select 'sms_code_4h', f.id, ${submittedAt}, d.due + interval '4 hours', d.due
        from (select id, row_number() over (order by id) + ${sample.length - 1} as n from filings
              where id not in (select filing_id from notification_reminders)) f
        cross join lateral (select to_timestamp((${first} + floor(f.n * ${SPREAD_MS}::numeric / ${REMINDERS})) / 1000.0) as due) d`);
    // Statistics as a live database has them (autovacuum would analyze the fresh bulk load later).
    await ctx.db.execute(sql`analyze users, subjects, filings, notification_reminders, notifications`);
    const buckets = new Set<number>();
    for (let i = sample.length; i < REMINDERS; i++) buckets.add(Math.ceil(dueOf(i) / 10_000) * 10_000);
    for (const at of buckets) await ctx.jobs.send(REMINDERS_DUE, { at: new Date(at).toISOString() }, { startAfter: new Date(at), singletonKey: `reminders:${new Date(at).toISOString()}` });
    console.log(`scheduled: ${sample.length} through scheduleSmsReminders (${perSchedule.toFixed(2)} ms each), ${rest} in bulk (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const [{ n: scheduled }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(notificationReminders)) as [{ n: number }];
    if (scheduled !== REMINDERS) throw new Error(`expected ${REMINDERS} reminders, found ${scheduled}`);

    console.log(`due from ${new Date(first).toISOString()} over ${SPREAD_MS / 1000} s (${((first - Date.now()) / 1000).toFixed(0)} s from now) …`);
    const waitUntil = first + SPREAD_MS + 3 * GOAL_MS;
    let left = REMINDERS;
    while (Date.now() < waitUntil) {
      await new Promise((r) => setTimeout(r, 500));
      const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(notificationReminders).where(isNull(notificationReminders.firedAt));
      left = row!.n;
      if (left === 0) break;
    }
    const fired = await ctx.db
      .select({ late: sql<number>`extract(epoch from (fired_at - due_at)) * 1000`, firedAt: notificationReminders.firedAt, outcome: notificationReminders.outcome })
      .from(notificationReminders)
      .where(sql`fired_at is not null`);
    const late = fired.map((r) => Number(r.late)).sort((a, b) => a - b);
    const firedTimes = fired.map((r) => r.firedAt!.getTime()).sort((a, b) => a - b);
    const [{ n: notices }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.template, "filing.sms_reminder"))) as [{ n: number }];
    const jobs = await ctx.database.executor.executeSql(
      "select name, count(*)::int as n from pgboss.job where name in ('notifications.reminders_due', 'notifications.deliver_batch') group by name order by name",
    );
    const outcomes = fired.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome ?? "?"]: (acc[r.outcome ?? "?"] ?? 0) + 1 }), {});
    console.log("");
    console.log(`fired:            ${fired.length} of ${REMINDERS} (${JSON.stringify(outcomes)}); not fired: ${left}`);
    if (late.length > 0) {
      console.log(`lateness (fired − due): p50 ${(pct(late, 50) / 1000).toFixed(1)} s, p99 ${(pct(late, 99) / 1000).toFixed(1)} s, max ${(late.at(-1)! / 1000).toFixed(1)} s`);
      const span = (firedTimes.at(-1)! - firedTimes[0]!) / 1000;
      console.log(`sweep:            first to last fired in ${span.toFixed(1)} s → ${(fired.length / Math.max(span, 0.001)).toFixed(0)} reminders/s`);
    }
    console.log(`notices written:  ${notices} (email + SMS + inbox per reminder)`);
    console.log(`jobs:             ${jobs.rows.map((r) => `${(r as { name: string }).name} ${(r as { n: number }).n}`).join(", ")}`);
    const met = left === 0 && late.length > 0 && late.at(-1)! <= GOAL_MS;
    console.log(`goal (all fired within ${GOAL_MS / 1000} s of due): ${met ? "met" : "NOT met"}`);
  } finally {
    await system.stop();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

await main();
