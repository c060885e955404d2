import type { TProvinceOverrideChange } from "@beian/contracts";
import { PROVINCES, resolvePolicies, type ProvinceKey, type ProvincePolicies } from "@beian/rules";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Db, Tx } from "../../db/connection.js";
import { provinceOverrides, users } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { reviewPolicy } from "../review/policy.js";

/**
 * The province policies in force: the rules package's table with the provider's overrides on top
 * (R-SMS-7 and the province rules). Read from the database on each use — the table holds at most
 * 31 small rows — so every server process applies a change at once.
 */
export async function storedOverrides(ctx: AppContext, db: Db | Tx = ctx.db): Promise<Record<string, unknown>> {
  const rows = await db.select().from(provinceOverrides);
  return Object.fromEntries(rows.map((r) => [r.province, r.overrides]));
}

/** Who last changed each province's overrides, and when (#6): for admins, staff seeing staff. */
export async function overrideChanges(ctx: AppContext): Promise<Record<string, TProvinceOverrideChange>> {
  const rows = await ctx.db
    .select({ province: provinceOverrides.province, updatedBy: users.email, updatedAt: provinceOverrides.updatedAt })
    .from(provinceOverrides)
    .leftJoin(users, eq(users.id, provinceOverrides.updatedBy));
  return Object.fromEntries(rows.map((r) => [r.province, { updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() }]));
}

/** `db` is the caller's transaction when there is one: embedded PGlite has a single connection. */
export async function policiesInForce(ctx: AppContext, db: Db | Tx = ctx.db): Promise<ProvincePolicies> {
  return resolvePolicies(await storedOverrides(ctx, db)).policies;
}

/**
 * An admin replaces one province's overrides (an empty object reverts to the defaults). Values are
 * checked by the rules; anything the rules would ignore is refused here, so what is stored applies.
 */
export async function setProvinceOverrides(ctx: AppContext, actor: Actor, province: ProvinceKey, overrides: Record<string, unknown>) {
  authorize(actor, reviewPolicy.administer, undefined);
  const { findings } = resolvePolicies({ [province]: overrides });
  if (findings.length > 0) {
    throw new AppError("VALIDATION_FAILED", `${PROVINCES[province].name}的规则覆盖有误，未保存。`, findings.map((f) => ({ path: f.path, code: f.code, message: f.message })), 422);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(provinceOverrides).where(eq(provinceOverrides.province, province));
    if (Object.keys(overrides).length === 0) await tx.delete(provinceOverrides).where(eq(provinceOverrides.province, province));
    else {
      const updatedBy = actor.kind === "user" ? actor.user.id : null;
      await tx
        .insert(provinceOverrides)
        .values({ province, overrides, updatedBy, updatedAt: now })
        .onConflictDoUpdate({ target: provinceOverrides.province, set: { overrides, updatedBy, updatedAt: now } });
    }
    await audit(tx, ctx.clock, actor, {
      entityType: "province_policy",
      entityId: province,
      action: "province_policy.changed",
      data: { before: before?.overrides ?? {}, after: overrides },
    });
  });
  return policiesInForce(ctx);
}
