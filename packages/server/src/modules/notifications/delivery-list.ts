import type { TAdminNotification, TAdminNotificationList, TAdminNotificationQuery } from "@beian/contracts";
import { maskMobile } from "@beian/rules";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { notifications, type NotificationRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { DELIVER_NOTIFICATION } from "./service.js";

/** ab***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}

const DEFAULT_PAGE_SIZE = 50;

const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** A password-reset link's token: whoever reads it could take the account over (#11.3). */
const TOKEN_IN_TEXT = /([?&]token=)[\w-]+/g;

/** Mobile numbers, email addresses and link tokens inside a notice's text, masked for the admins' list. */
export const maskText = (text: string) =>
  text
    .replace(TOKEN_IN_TEXT, "$1***")
    .replace(MOBILE_IN_TEXT, (m) => maskMobile(m))
    .replace(EMAIL_IN_TEXT, (e) => maskEmail(e));

const view = (r: NotificationRow): TAdminNotification => ({
  id: r.id,
  channel: r.channel,
  template: r.template,
  recipient: r.channel === "sms" ? maskMobile(r.recipient) : r.channel === "email" ? maskEmail(r.recipient) : "站内信",
  subject: maskText(r.subject),
  body: maskText(r.body),
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError ? maskText(r.lastError) : null,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
});

/**
 * Failed deliveries, or the outbox still waiting (pending), newest first, one page at a time
 * (#6): offset paging over `notifications_status_idx`; `total` counts every match.
 */
export async function deliveryList(ctx: AppContext, query: TAdminNotificationQuery): Promise<TAdminNotificationList> {
  const pageSize = query.pageSize ?? query.limit ?? DEFAULT_PAGE_SIZE;
  const where: SQL[] = [eq(notifications.status, query.status)];
  if (query.channel) where.push(eq(notifications.channel, query.channel));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(notifications).where(and(...where));
  return { items: rows.map(view), total: total?.n ?? 0, page: query.page, pageSize };
}

/** An admin sends a failed (or stuck) notice again: a fresh delivery job, audited. */
export async function retryNotification(ctx: AppContext, actor: Actor, id: string): Promise<TAdminNotification> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, id)).limit(1).for("update");
    if (!row || row.channel === "inbox") throw new AppError("NOT_FOUND", "找不到这条待发送的通知。");
    if (row.status === "sent") throw new AppError("NOTIFICATION_ALREADY_SENT");
    const [updated] = await tx.update(notifications).set({ status: "pending", lastError: null }).where(eq(notifications.id, id)).returning();
    await ctx.jobs.send(DELIVER_NOTIFICATION, { id }, { tx });
    await audit(tx, ctx.clock, actor, {
      entityType: "notification",
      entityId: id,
      action: "notification.retry",
      fromState: row.status,
      toState: "pending",
      data: { channel: row.channel, template: row.template, attempts: row.attempts },
    });
    return view(updated!);
  });
}
