import type { TNotificationPreferences, TNotificationPreferencesUpdate } from "@beian/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { notificationOptOuts } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { SessionUser } from "../accounts/actor.js";
import { DEFAULT_TEMPLATES, isTemplateKey, type NotificationTemplate } from "./templates.js";

/** The notices a user receives: applicants their own, staff theirs. */
const templatesFor = (user: SessionUser): readonly NotificationTemplate[] =>
  DEFAULT_TEMPLATES.filter((t) => t.audience === (user.role === "applicant" ? "applicant" : "staff"));

export async function preferencesOf(ctx: AppContext, user: SessionUser): Promise<TNotificationPreferences> {
  const off = await ctx.db.select({ template: notificationOptOuts.template }).from(notificationOptOuts).where(eq(notificationOptOuts.userId, user.id));
  const disabled = new Set(off.map((o) => o.template));
  return {
    items: templatesFor(user).map((t) => ({ template: t.key, title: t.title, mandatory: t.mandatory, enabled: t.mandatory || !disabled.has(t.key) })),
  };
}

/**
 * Switches optional notices on or off for email and SMS (the in-app inbox keeps them).
 * Mandatory notices — every step of the filing, the SMS code, the result — cannot be switched off.
 */
export async function setPreferences(ctx: AppContext, user: SessionUser, update: TNotificationPreferencesUpdate): Promise<TNotificationPreferences> {
  const own = new Map(templatesFor(user).map((t) => [t.key, t]));
  const errors = update.items.flatMap((item, i) => {
    const template = isTemplateKey(item.template) ? own.get(item.template) : undefined;
    if (!template) return [{ path: `items.${i}.template`, code: "TEMPLATE_UNKNOWN", message: `没有这类通知：${item.template}。` }];
    if (template.mandatory && !item.enabled) {
      return [{ path: `items.${i}.enabled`, code: "NOTICE_MANDATORY", message: `“${template.title}”是必须接收的通知，不能关闭。` }];
    }
    return [];
  });
  if (errors.length > 0) throw new AppError("VALIDATION_FAILED", errors[0]!.message, errors, 422);
  const off = update.items.filter((i) => !i.enabled).map((i) => i.template);
  const on = update.items.filter((i) => i.enabled).map((i) => i.template);
  await ctx.db.transaction(async (tx) => {
    if (on.length > 0) await tx.delete(notificationOptOuts).where(and(eq(notificationOptOuts.userId, user.id), inArray(notificationOptOuts.template, on)));
    if (off.length > 0) {
      await tx
        .insert(notificationOptOuts)
        .values(off.map((template) => ({ userId: user.id, template, createdAt: ctx.clock.now() })))
        .onConflictDoNothing();
    }
  });
  return preferencesOf(ctx, user);
}
