import { and, desc, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { notifications, type NotificationRow } from "../../db/schema.js";
import { findTemplate, render, type TemplateKey } from "./templates.js";

export const DELIVER_NOTIFICATION = "notifications.deliver";

export interface NotifyRequest {
  /** What happened, once: e.g. `filing.submitted:<filingId>:v3`. Channel and recipient are appended. */
  eventKey: string;
  template: TemplateKey;
  variables: Record<string, string>;
  userId: string | null;
  email?: string | null;
  mobile?: string | null;
  /** Also put the notice in the applicant's in-app inbox. */
  inbox?: boolean;
}

/**
 * Records the notices of one event inside the transaction of the state change that caused it,
 * and enqueues their delivery in the same transaction (outbox). A replayed event finds its
 * idempotency keys taken and adds nothing.
 */
export async function notify(tx: Tx, ctx: AppContext, req: NotifyRequest): Promise<number> {
  const template = findTemplate(req.template);
  const subject = render(template.subject, req.variables);
  const body = render(template.body, req.variables);
  const rows: (typeof notifications.$inferInsert)[] = [];
  const base = { userId: req.userId, template: template.key, subject, mandatory: template.mandatory ? 1 : 0, createdAt: ctx.clock.now() };
  if (req.email) rows.push({ ...base, channel: "email", recipient: req.email, body, idempotencyKey: `${req.eventKey}:email:${req.email}` });
  if (req.mobile) {
    rows.push({
      ...base,
      channel: "sms",
      recipient: req.mobile,
      body: render(template.sms, req.variables),
      idempotencyKey: `${req.eventKey}:sms:${req.mobile}`,
    });
  }
  if (req.inbox && req.userId) rows.push({ ...base, channel: "inbox", recipient: req.userId, body, idempotencyKey: `${req.eventKey}:inbox`, status: "sent", sentAt: ctx.clock.now() });
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

export async function inboxOf(ctx: AppContext, userId: string): Promise<NotificationRow[]> {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, "inbox")))
    .orderBy(desc(notifications.createdAt))
    .limit(200);
}
