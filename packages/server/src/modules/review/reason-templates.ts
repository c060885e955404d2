import { asc, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { returnReasonTemplates } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import { audit } from "../audit/audit.js";
import type { Actor } from "../accounts/actor.js";
import { reviewPolicy } from "./policy.js";

/** The return reasons reviewers pick from; the defaults come with the database's migrations. */
export async function reasonTemplates(ctx: AppContext, actor: Actor) {
  authorize(actor, reviewPolicy.work, undefined);
  return ctx.db
    .select({
      id: returnReasonTemplates.id,
      code: returnReasonTemplates.code,
      path: returnReasonTemplates.path,
      message: returnReasonTemplates.message,
      position: returnReasonTemplates.position,
    })
    .from(returnReasonTemplates)
    .orderBy(asc(returnReasonTemplates.position), asc(returnReasonTemplates.code));
}

export interface TemplateInput {
  path?: string | undefined;
  message: string;
  position?: number | undefined;
}

/** Admins keep the templates (R-REV-1: reasons reviewers choose from); every change is audited. */
export async function saveReasonTemplate(ctx: AppContext, actor: Actor, code: string, input: TemplateInput) {
  authorize(actor, reviewPolicy.administer, undefined);
  const now = ctx.clock.now();
  const values = { path: input.path || null, message: input.message, position: input.position ?? 100, updatedAt: now };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(returnReasonTemplates)
      .values({ code, ...values, createdAt: now })
      .onConflictDoUpdate({ target: returnReasonTemplates.code, set: values })
      .returning();
    await audit(tx, ctx.clock, actor, { entityType: "reason_template", entityId: code, action: "reason_template.saved", data: values });
    return row!;
  });
}

export async function deleteReasonTemplate(ctx: AppContext, actor: Actor, code: string) {
  authorize(actor, reviewPolicy.administer, undefined);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(returnReasonTemplates).where(eq(returnReasonTemplates.code, code)).returning();
    if (gone.length === 0) throw new AppError("NOT_FOUND", "没有这个退回原因模板。");
    await audit(tx, ctx.clock, actor, { entityType: "reason_template", entityId: code, action: "reason_template.deleted" });
  });
}
