import { randomBytes } from "node:crypto";
import type { TPasswordResetConfirm } from "@beian/contracts";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { passwordResetTokens, users } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { audit } from "../audit/audit.js";
import { notify } from "../notifications/service.js";
import { system } from "./actor.js";
import { assertPasswordAcceptable } from "./password-policy.js";
import { hashPassword } from "./passwords.js";
import { hashToken, revokeAllSessions } from "./sessions.js";

/** #11.3: a reset link works for 30 minutes, once. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/**
 * Mails a single-use reset link to the account of `email`, if there is one that is not disabled.
 * The caller answers the same either way (no account enumeration); only the token's sha256 is
 * stored, like sessions. The notice is written in the token's transaction (outbox).
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const [row] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!row || row.disabledAt) return;
  const now = ctx.clock.now();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(passwordResetTokens)
      .values({ tokenHash: hashToken(token), userId: row.id, createdAt: now, expiresAt })
      .returning({ id: passwordResetTokens.id });
    await notify(tx, ctx, {
      eventKey: `account.password_reset:${inserted!.id}`,
      template: "account.password_reset",
      variables: { resetUrl: `${ctx.config.publicBaseUrl}/reset-password?token=${token}`, minutes: String(PASSWORD_RESET_TTL_MINUTES) },
      userId: row.id,
      email: row.email,
    });
    await audit(tx, ctx.clock, system, { entityType: "user", entityId: row.id, action: "user.password_reset_requested", data: { expiresAt: expiresAt.toISOString() } });
  });
}

/**
 * Sets a new password with a reset token: the token is claimed (conditional update, so two
 * concurrent uses cannot both succeed), every session of the account ends and the lockout
 * counter is cleared. Unknown, used and expired tokens get one and the same error.
 */
export async function confirmPasswordReset(ctx: AppContext, input: TPasswordResetConfirm): Promise<void> {
  const now = ctx.clock.now();
  const invalid = () => new AppError("PASSWORD_RESET_TOKEN_INVALID");
  const live = and(eq(passwordResetTokens.tokenHash, hashToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now));
  const [found] = await ctx.db
    .select({ user: users })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(live, isNull(users.disabledAt)))
    .limit(1);
  if (!found) throw invalid();
  const user = found.user;
  // The same policy as registration (applicants' own data refused; staff: the list only).
  assertPasswordAcceptable(input.password, user.role === "applicant" ? user : null);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx.update(passwordResetTokens).set({ usedAt: now }).where(live).returning({ id: passwordResetTokens.id });
    if (claimed.length === 0) throw invalid();
    // Any other link still out there for this account dies with this one.
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const ended = await revokeAllSessions(tx, user.id, now);
    await audit(tx, ctx.clock, system, {
      entityType: "user",
      entityId: user.id,
      action: "user.password_reset",
      reason: "通过邮件链接重置密码",
      data: { sessionsEnded: ended },
    });
  });
}
