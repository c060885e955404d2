import type { TInbox } from "@beian/contracts";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { notifications } from "../../db/schema.js";
import { AppError } from "../../errors.js";

const mine = (userId: string) => and(eq(notifications.userId, userId), eq(notifications.channel, "inbox"));

/** The user's own in-app notices, newest first, with how many are unread. */
export async function inboxOf(ctx: AppContext, userId: string, limit = 100): Promise<TInbox> {
  const rows = await ctx.db.select().from(notifications).where(mine(userId)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine(userId), isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      template: r.template,
      subject: r.subject,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks one of the user's own notices read; someone else's is not found (no hint it exists). */
export async function markRead(ctx: AppContext, userId: string, id: string): Promise<void> {
  const [row] = await ctx.db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), mine(userId))).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "找不到这条通知。");
  if (row.readAt) return;
  await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}
