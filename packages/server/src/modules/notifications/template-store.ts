import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Db, Tx } from "../../db/connection.js";
import { notificationTemplateOverrides } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { checkTemplateText, DEFAULT_TEMPLATES, findTemplate, isTemplateKey, missingRequired, type NotificationTemplate } from "./templates.js";

export interface TemplateInForce extends NotificationTemplate {
  /** Changed by an admin (false: the default text). */
  edited: boolean;
  updatedAt: Date | null;
}

type Reader = Db | Tx;

/** The texts in force: an admin's edit where there is one, the default otherwise. */
export async function templatesInForce(db: Reader): Promise<TemplateInForce[]> {
  const overrides = await db.select().from(notificationTemplateOverrides);
  const byKey = new Map(overrides.map((o) => [o.key, o]));
  return DEFAULT_TEMPLATES.map((template) => {
    const o = byKey.get(template.key);
    return o
      ? { ...template, subject: o.subject, body: o.body, sms: o.sms, edited: true, updatedAt: o.updatedAt }
      : { ...template, edited: false, updatedAt: null };
  });
}

export async function templateInForce(db: Reader, key: string): Promise<NotificationTemplate> {
  const template = findTemplate(key);
  const [o] = await db.select().from(notificationTemplateOverrides).where(eq(notificationTemplateOverrides.key, key)).limit(1);
  return o ? { ...template, subject: o.subject, body: o.body, sms: o.sms } : template;
}

export interface TemplateText {
  subject: string;
  body: string;
  sms: string;
}

const PART_NAMES: Record<keyof TemplateText, string> = { subject: "标题", body: "正文", sms: "短信" };

/** Problems of an edited text, each at its field, in Chinese (empty when it may be saved). */
export function templateProblems(template: NotificationTemplate, text: TemplateText) {
  const problems: { path: string; code: string; message: string }[] = [];
  const declared = template.variables.map((v) => `{{${v}}}`).join("、") || "（无）";
  for (const part of ["subject", "body", "sms"] as const) {
    for (const unknown of new Set(checkTemplateText(template, text[part]))) {
      problems.push({
        path: part,
        code: "TEMPLATE_VARIABLE_UNKNOWN",
        message: `${PART_NAMES[part]}中的变量 {{${unknown}}} 不存在。该通知可用的变量：${declared}。`,
      });
    }
    if (/\{\{(?!\s*\w+\s*\}\})/.test(text[part])) {
      problems.push({ path: part, code: "TEMPLATE_SYNTAX", message: `${PART_NAMES[part]}中有未闭合的变量，变量须写成 {{名称}}。` });
    }
  }
  for (const missing of missingRequired(template.required, text.body)) {
    problems.push({ path: "body", code: "TEMPLATE_VARIABLE_REQUIRED", message: `正文必须包含变量 {{${missing}}}，否则收件人看不到这项必要信息。` });
  }
  for (const missing of missingRequired(template.smsRequired, text.sms)) {
    problems.push({ path: "sms", code: "TEMPLATE_VARIABLE_REQUIRED", message: `短信必须包含变量 {{${missing}}}。` });
  }
  return problems;
}

/** An admin edits a notice's texts: checked against its variables, saved and audited together. */
export async function updateTemplate(ctx: AppContext, actor: Actor, key: string, text: TemplateText): Promise<TemplateInForce> {
  if (!isTemplateKey(key)) throw new AppError("NOT_FOUND", "没有这个通知模板。");
  const template = findTemplate(key);
  const problems = templateProblems(template, text);
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems[0]!.message, problems, 422);
  const now = ctx.clock.now();
  const actorId = actor.kind === "user" ? actor.user.id : null;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(notificationTemplateOverrides).where(eq(notificationTemplateOverrides.key, key)).limit(1);
    await tx
      .insert(notificationTemplateOverrides)
      .values({ key, ...text, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({ target: notificationTemplateOverrides.key, set: { ...text, updatedBy: actorId, updatedAt: now } });
    await audit(tx, ctx.clock, actor, {
      entityType: "notification_template",
      entityId: key,
      action: "notification_template.updated",
      data: { before: before ? { subject: before.subject, body: before.body, sms: before.sms } : "default", after: text },
    });
  });
  return { ...template, ...text, edited: true, updatedAt: now };
}

/**
 * An admin puts a notice back to its built-in text (#6): the edit is removed and the removal
 * audited with the text it replaced. A template already at its default is left as it is.
 */
export async function restoreDefaultTemplate(ctx: AppContext, actor: Actor, key: string): Promise<TemplateInForce> {
  if (!isTemplateKey(key)) throw new AppError("NOT_FOUND", "没有这个通知模板。");
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx.delete(notificationTemplateOverrides).where(eq(notificationTemplateOverrides.key, key)).returning();
    if (!removed) return;
    await audit(tx, ctx.clock, actor, {
      entityType: "notification_template",
      entityId: key,
      action: "notification_template.restored",
      data: { before: { subject: removed.subject, body: removed.body, sms: removed.sms }, after: "default" },
    });
  });
  return { ...findTemplate(key), edited: false, updatedAt: null };
}
