import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { filings, notificationOptOuts, notificationReminders, notifications, users, type FilingRow } from "../../db/schema.js";
import { lifecycleOf, lifecycleView } from "../filings/lifecycle-view.js";
import { policiesInForce } from "../provinces/policies.js";
import { DELIVER_NOTIFICATIONS, noticeRows } from "./service.js";
import { templateInForce } from "./template-store.js";
import { beijingTime } from "./templates.js";
import { SMS_SENDER_NUMBERS } from "@beian/rules";

/**
 * Reminders (R-SMS-5: 24 h and 4 h before the SMS code expires).
 *
 * Each reminder is a row written in the transaction of the change that needs it, and a wake-up
 * job (pg-boss, same transaction) is set for the end of its 10-second bucket; one wake-up per
 * bucket is enough because a wake-up fires everything due. Firing is set-based, in chunks
 * locked with SKIP LOCKED so several workers share a burst: a pg-boss job per reminder would be
 * fetched one at a time per polling interval, far too slow for 100 k reminders due at once
 * (bench/reminders.bench.ts). A reminder checks on firing that the filing still waits for the
 * same code (status sms_pending, same bureauSubmittedAt); otherwise it is recorded as stale.
 */
export const REMINDERS_DUE = "notifications.reminders_due";

export const SMS_REMINDERS = [
  { kind: "sms_code_24h", hoursBefore: 24 },
  { kind: "sms_code_4h", hoursBefore: 4 },
] as const;

const HOUR = 3_600_000;
const BUCKET_MS = 10_000;

/** The submission a reminder belongs to: the reviewer's submit-to-bureau time (falls back to the expiry). */
const submissionOf = (row: FilingRow, expiresAt: Date) => lifecycleOf(row).bureauSubmittedAt ?? expiresAt.toISOString();

export async function scheduleSmsReminders(tx: Tx, ctx: AppContext, row: FilingRow, expiresAt: Date): Promise<void> {
  const now = ctx.clock.now();
  const submission = submissionOf(row, expiresAt);
  for (const reminder of SMS_REMINDERS) {
    const dueAt = new Date(expiresAt.getTime() - reminder.hoursBefore * HOUR);
    if (dueAt.getTime() <= now.getTime()) continue;
    const wakeAt = new Date(Math.ceil(dueAt.getTime() / BUCKET_MS) * BUCKET_MS);
    const [woken] = await tx
      .select({ id: notificationReminders.id })
      .from(notificationReminders)
      .where(and(isNull(notificationReminders.firedAt), gt(notificationReminders.dueAt, new Date(wakeAt.getTime() - BUCKET_MS)), lte(notificationReminders.dueAt, wakeAt)))
      .limit(1);
    const inserted = await tx
      .insert(notificationReminders)
      .values({ kind: reminder.kind, filingId: row.id, submission, expiresAt, dueAt })
      .onConflictDoNothing()
      .returning({ id: notificationReminders.id });
    // Two changes in the same bucket at once may both enqueue a wake-up: the second finds nothing to do.
    if (inserted.length > 0 && !woken) {
      await ctx.jobs.send(REMINDERS_DUE, { at: wakeAt.toISOString() }, { tx, startAfter: wakeAt, singletonKey: `reminders:${wakeAt.toISOString()}` });
    }
  }
}

export interface FiredReminders {
  sent: number;
  stale: number;
  optedOut: number;
}

/** Notices per delivery job: one job, retried as a whole, skips what it already sent. */
const DELIVERY_BATCH = 250;

type NoticeRow = typeof notifications.$inferInsert;

/** `id = any($1)`: one array parameter however many ids. */
const anyId = (ids: string[]) => sql`${notificationReminders.id} = any(${sql.param(ids)}::uuid[])`;

/**
 * One INSERT for a whole chunk, the columns as arrays (unnest): thousands of rows bound as
 * eleven parameters instead of tens of thousands. Returns the rows actually inserted. Raw SQL
 * skips the column mappers, so the recipient is encrypted here as the column would (issue 11.4).
 */
async function insertNotices(tx: Tx, rows: NoticeRow[]): Promise<{ id: string; channel: string }[]> {
  if (rows.length === 0) return [];
  const col = <T>(pick: (r: NoticeRow) => T) => sql.param(rows.map(pick));
  const result = await tx.execute(sql`
    insert into notifications (idempotency_key, user_id, channel, recipient, template, subject, body, mandatory, status, created_at, sent_at)
    select * from unnest(
      ${col((r) => r.idempotencyKey)}::text[], ${col((r) => r.userId ?? null)}::uuid[], ${col((r) => r.channel)}::text[],
      ${col((r) => notifications.recipient.mapToDriverValue(r.recipient))}::text[], ${col((r) => r.template)}::text[], ${col((r) => r.subject)}::text[], ${col((r) => r.body)}::text[],
      ${col((r) => r.mandatory ?? 1)}::int[], ${col((r) => r.status ?? "pending")}::text[],
      ${col((r) => (r.createdAt ?? new Date()).toISOString())}::timestamptz[], ${col((r) => r.sentAt?.toISOString() ?? null)}::timestamptz[])
    on conflict (idempotency_key) do nothing
    returning id, channel`);
  return (result as { rows: { id: string; channel: string }[] }).rows;
}

/**
 * Fires every reminder due by now, chunk by chunk; returns what happened to them. On PostgreSQL
 * two lanes sweep at once (SKIP LOCKED keeps them apart), so one lane's round trips overlap the
 * other's rendering.
 */
export async function fireDueReminders(ctx: AppContext, chunk = 1000): Promise<FiredReminders> {
  const total: FiredReminders = { sent: 0, stale: 0, optedOut: 0 };
  const template = await templateInForce(ctx.db, "filing.sms_reminder");
  const policies = await policiesInForce(ctx);
  const portalBase = ctx.config.bureauPortals === "simulator" ? ctx.config.bureauUrl : null;
  const senders = SMS_SENDER_NUMBERS.map((s) => `${s.carrier} ${s.number}`).join("、");
  // The province page depends on the province only: read once per province from a real filing.
  const pages = new Map<string, string>();
  const pageOf = async (tx: Tx, filingId: string, province: string | null) => {
    const key = province ?? "";
    let page = pages.get(key);
    if (page === undefined) {
      const [full] = await tx.select().from(filings).where(eq(filings.id, filingId));
      page = (full && lifecycleView(full, { policies, portalBase }).sms?.verificationUrl) ?? "https://beian.miit.gov.cn/";
      pages.set(key, page);
    }
    return page;
  };

  const sweepChunk = () =>
    ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      // Claim the chunk first (due-time index, SKIP LOCKED), then join it by primary keys: joining
      // in the claiming query lets the planner scan every filing for each chunk.
      const claimed = await tx
        .select({ id: notificationReminders.id })
        .from(notificationReminders)
        .where(and(isNull(notificationReminders.firedAt), lte(notificationReminders.dueAt, now)))
        .orderBy(asc(notificationReminders.dueAt))
        .limit(chunk)
        .for("update", { skipLocked: true });
      if (claimed.length === 0) return 0;
      const due = await tx
        .select({
          reminder: notificationReminders,
          status: filings.status,
          lifecycle: filings.lifecycle,
          subjectName: filings.subjectName,
          province: filings.province,
          ownerId: filings.ownerId,
          email: users.email,
          mobile: users.mobile,
          optedOut: notificationOptOuts.userId,
        })
        .from(notificationReminders)
        .innerJoin(filings, eq(filings.id, notificationReminders.filingId))
        .innerJoin(users, eq(users.id, filings.ownerId))
        .leftJoin(notificationOptOuts, and(eq(notificationOptOuts.userId, filings.ownerId), eq(notificationOptOuts.template, template.key)))
        .where(anyId(claimed.map((c) => c.id)));
      const rows: NoticeRow[] = [];
      const outcome: Record<keyof FiredReminders, string[]> = { sent: [], stale: [], optedOut: [] };
      for (const { reminder, status, lifecycle, subjectName, province, ownerId, email, mobile, optedOut } of due) {
        const submission = (lifecycle as { bureauSubmittedAt?: string }).bureauSubmittedAt ?? reminder.expiresAt.toISOString();
        if (status !== "sms_pending" || submission !== reminder.submission || now.getTime() >= reminder.expiresAt.getTime()) {
          outcome.stale.push(reminder.id);
          continue;
        }
        const hoursLeft = Math.max(1, Math.round((reminder.expiresAt.getTime() - now.getTime()) / HOUR));
        const variables = {
          subjectName: subjectName ?? "您",
          hoursLeft: String(hoursLeft),
          expiresAt: beijingTime(reminder.expiresAt),
          verificationUrl: await pageOf(tx, reminder.filingId, province),
          senders,
        };
        rows.push(...noticeRows(template, { eventKey: `reminder:${reminder.id}`, variables, userId: ownerId, email, mobile, inbox: true }, now, optedOut !== null));
        (optedOut !== null ? outcome.optedOut : outcome.sent).push(reminder.id);
      }
      const deliver = (await insertNotices(tx, rows)).filter((r) => r.channel !== "inbox").map((r) => r.id);
      for (let i = 0; i < deliver.length; i += DELIVERY_BATCH) {
        await ctx.jobs.send(DELIVER_NOTIFICATIONS, { ids: deliver.slice(i, i + DELIVERY_BATCH) }, { tx });
      }
      for (const [name, ids] of Object.entries(outcome) as [keyof FiredReminders, string[]][]) {
        if (ids.length === 0) continue;
        await tx
          .update(notificationReminders)
          .set({ firedAt: now, outcome: name === "optedOut" ? "opted_out" : name })
          .where(anyId(ids));
        total[name] += ids.length;
      }
      return claimed.length;
    });

  const lane = async () => {
    while ((await sweepChunk()) === chunk);
  };
  await Promise.all(Array.from({ length: ctx.database.kind === "postgres" ? 2 : 1 }, lane));
  return total;
}
