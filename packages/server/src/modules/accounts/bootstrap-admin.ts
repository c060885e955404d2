import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { users } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { system } from "./actor.js";
import { createStaffUser } from "./service.js";

/**
 * On first start with no admin, creates one from BEIAN_ADMIN_EMAIL / BEIAN_ADMIN_PASSWORD, or
 * generates a strong password and returns it so the caller can print it once (never logged).
 */
export async function ensureAdmin(
  ctx: AppContext,
): Promise<{ created: false } | { created: true; email: string; generatedPassword: string | null }> {
  const existing = await ctx.db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (existing.length > 0) return { created: false };
  const email = (ctx.config.adminEmail ?? "admin@beian.local").toLowerCase();
  const generatedPassword = ctx.config.adminPassword ? null : `Ba${randomBytes(18).toString("base64url")}9`;
  const password = ctx.config.adminPassword ?? generatedPassword!;
  try {
    await createStaffUser(ctx, system, { email, password, role: "admin" });
  } catch (error) {
    // Another process starting on the same database created it first.
    if (error instanceof AppError && error.code === "EMAIL_TAKEN") return { created: false };
    throw error;
  }
  return { created: true, email, generatedPassword };
}
