import { maskMobile } from "@beian/rules";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { notificationOptOuts, notifications } from "../../db/schema.js";
import { templateInForce } from "./template-store.js";
import { render, type NotificationTemplate, type TemplateKey } from "./templates.js";

export const DELIVER_NOTIFICATION = "notifications.deliver";
/** Delivery of many notices in one job: what a bulk sweep (reminders) enqueues. */
export const DELIVER_NOTIFICATIONS = "notifications.deliver_batch";

export interface NotifyRequest {
  /** What happened, once: e.g. `filing.submitted:<filingId>:v3`. Channel and recipient are appended. */
  eventKey: string;
  template: TemplateKey;
  variables: Record<string, string>;
  userId: string | null;
  email?: string | null;
  mobile?: string | null;
  /** Also put the notice in the user's in-app inbox. */
  inbox?: boolean;
}

type NoticeRow = typeof notifications.$inferInsert;

/**
 * The rows of one notice, one per channel. An optional notice the user switched off goes to
 * the inbox only (a record in the app, nothing pushed to phone or mailbox).
 */
export function noticeRows(template: NotificationTemplate, req: Omit<NotifyRequest, "template">, now: Date, optedOut: boolean): NoticeRow[] {
  const subject = render(template.subject, req.variables);
  const body = render(template.body, req.variables);
  const rows: NoticeRow[] = [];
  const base = { userId: req.userId, template: template.key, subject, mandatory: template.mandatory ? 1 : 0, createdAt: now };
  const push = !optedOut || template.mandatory;
  if (push && req.email) rows.push({ ...base, channel: "email", recipient: req.email, body, idempotencyKey: `${req.eventKey}:email:${req.email}` });
  if (push && req.mobile) {
    rows.push({
      ...base,
      channel: "sms",
      recipient: req.mobile,
      body: render(template.sms, req.variables),
      // The key is not encrypted (it is unique-indexed): it names the mobile masked (issue 11.4).
      idempotencyKey: `${req.eventKey}:sms:${maskMobile(req.mobile)}`,
    });
  }
  if (req.inbox && req.userId) rows.push({ ...base, channel: "inbox", recipient: req.userId, body, idempotencyKey: `${req.eventKey}:inbox`, status: "sent", sentAt: now });
  return rows;
}

async function optedOut(tx: Tx, userId: string | null, template: NotificationTemplate): Promise<boolean> {
  if (!userId || template.mandatory) return false;
  const [row] = await tx
    .select({ userId: notificationOptOuts.userId })
    .from(notificationOptOuts)
    .where(and(eq(notificationOptOuts.userId, userId), eq(notificationOptOuts.template, template.key)))
    .limit(1);
  return row !== undefined;
}

/**
 * Records the notices of one event inside the transaction of the state change that caused it,
 * and enqueues their delivery in the same transaction (outbox). A replayed event finds its
 * idempotency keys taken and adds nothing.
 */
export async function notify(tx: Tx, ctx: AppContext, req: NotifyRequest): Promise<number> {
  const template = await templateInForce(tx, req.template);
  const rows = noticeRows(template, req, ctx.clock.now(), await optedOut(tx, req.userId, template));
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.idempotencyKey })
    .returning({ id: notifications.id, channel: notifications.channel });
  for (const row of inserted) {
    if (row.channel !== "inbox") await ctx.jobs.send(DELIVER_NOTIFICATION, { id: row.id }, { tx });
  }
  return inserted.length;
}

export type Senders = Pick<AppContext, "mail" | "sms">;

/**
 * Delivers one notice. A notice already sent is skipped, so a retried or duplicated job sends
 * nothing twice; the SMTP Message-ID is derived from the idempotency key for the one window
 * no database can close (sent, then crashed before recording it).
 */
export async function deliverNotification(
  ctx: AppContext,
  senders: Senders,
  id: string,
  attempt: number,
  lastAttempt: number,
): Promise<void> {
  const [row] = await ctx.db.select().from(notifications).where(eq(notifications.id, id)).limit(1);
  if (!row || row.status === "sent") return;
  try {
    if (row.channel === "email") {
      await senders.mail.send({
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        messageId: `<${row.id}@beian.notifications>`,
      });
    } else if (row.channel === "sms") {
      await senders.sms.send({ mobile: row.recipient, text: row.body, key: row.idempotencyKey });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await ctx.db
      .update(notifications)
      .set({ attempts: attempt, lastError: message, status: attempt >= lastAttempt ? "failed" : "pending" })
      .where(eq(notifications.id, id));
    throw error;
  }
  await ctx.db
    .update(notifications)
    .set({ status: "sent", sentAt: ctx.clock.now(), attempts: attempt, lastError: null })
    .where(and(eq(notifications.id, id), eq(notifications.status, row.status)));
}

/**
 * Delivers a batch: every notice is tried; if any failed the job fails and is retried, and the
 * retry skips what was sent. Each notice records its own attempts and error.
 */
export async function deliverNotifications(ctx: AppContext, senders: Senders, ids: readonly string[], attempt: number, lastAttempt: number): Promise<void> {
  let failed = 0;
  let lastError: unknown;
  for (const id of ids) {
    try {
      await deliverNotification(ctx, senders, id, attempt, lastAttempt);
    } catch (error) {
      failed++;
      lastError = error;
    }
  }
  if (failed > 0) {
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    throw new Error(`${failed} of ${ids.length} notices not delivered: ${reason}`);
  }
}
