import { maskMobile } from "@beian/rules";
import { ERROR_CODES, type TChangePasswordRequest, type TCreateUserRequest, type TRegisterRequest, type TRole, type TUser } from "@beian/contracts";
import { asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { isUniqueViolation } from "../../db/errors.js";
import { users, type UserRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { audit } from "../audit/audit.js";
import { notify } from "../notifications/service.js";
import { system, type Actor } from "./actor.js";
import { lockDurationMs } from "./lockout.js";
import { assertPasswordAcceptable } from "./password-policy.js";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords.js";
import { createSession, revokeAllSessions, revokeSession } from "./sessions.js";

export function toUserView(row: UserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    mobileMasked: row.mobile ? maskMobile(row.mobile) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function insertUser(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; password: string; role: TRole; mobile: string | null },
  action: string,
): Promise<TUser> {
  // #11.3: applicants choose their own password; staff passwords are set by an admin.
  assertPasswordAcceptable(input.password, input.role === "applicant" ? input : null);
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, role: input.role, mobile: input.mobile, createdAt: ctx.clock.now() })
        .returning();
      if (input.role === "applicant") {
        await notify(tx, ctx, {
          eventKey: `account.registered:${row!.id}`,
          template: "account.registered",
          variables: { email: input.email },
          userId: row!.id,
          email: input.email,
          inbox: true,
        });
      }
      await audit(tx, ctx.clock, actor, {
        entityType: "user",
        entityId: row!.id,
        action,
        toState: "active",
        data: { role: input.role, mobile: input.mobile },
      });
      return toUserView(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", undefined, [
        { path: "email", code: "EMAIL_TAKEN", message: "该邮箱已注册，请直接登录或使用其他邮箱。" },
      ]);
    }
    throw error;
  }
}

/** Self-registration creates an applicant account (R-ACC-2). */
export function registerApplicant(ctx: AppContext, actor: Actor, input: TRegisterRequest): Promise<TUser> {
  return insertUser(ctx, actor, { ...input, role: "applicant" }, "user.registered");
}

export function createStaffUser(ctx: AppContext, actor: Actor, input: TCreateUserRequest): Promise<TUser> {
  return insertUser(ctx, actor, { ...input, mobile: null }, "user.created");
}

export async function listUsers(ctx: AppContext): Promise<TUser[]> {
  const rows = await ctx.db.select().from(users).orderBy(asc(users.createdAt)).limit(500);
  return rows.map(toUserView);
}

export async function getUser(ctx: AppContext, id: string): Promise<TUser | null> {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ? toUserView(row) : null;
}

/**
 * Checks the password and opens a new session (a fresh token on every login: no session
 * fixation; #11.3). A session the browser still presented is ended, so a planted or stale token
 * never outlives the login. Repeated failures lock the account with a growing delay; while
 * locked the password is not even checked.
 */
export async function login(ctx: AppContext, email: string, password: string, presentedSessionId: string | null = null) {
  const now = ctx.clock.now();
  const [row] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!row) {
    await verifyPassword(DUMMY_HASH, password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (row.lockedUntil && row.lockedUntil > now) throw lockedError(row.lockedUntil, now);
  if (row.disabledAt) throw new AppError("ACCOUNT_DISABLED");

  if (!(await verifyPassword(row.passwordHash, password))) {
    await recordPasswordFailure(ctx, row, "登录失败");
    throw new AppError("INVALID_CREDENTIALS");
  }

  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id));
    if (presentedSessionId) await revokeSession(tx, presentedSessionId, now);
    const session = await createSession(tx, row.id, now, ctx.config.sessionTtlHours);
    return { session, user: toUserView(row) };
  });
}

/**
 * Counts one wrong password towards the lockout (login, and the password confirmations of
 * password change and account closing: a stolen session must not allow unlimited guesses).
 * The 5th consecutive failure locks the account, notifies its owner and is audited.
 */
async function recordPasswordFailure(ctx: AppContext, row: UserRow, what: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Increment in SQL so that concurrent failures all count.
    const [updated] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, row.id))
      .returning({ failedLogins: users.failedLogins });
    const lockMs = lockDurationMs(updated!.failedLogins);
    if (lockMs === 0) return;
    const lockedUntil = new Date(now.getTime() + lockMs);
    await tx.update(users).set({ lockedUntil }).where(eq(users.id, row.id));
    await notify(tx, ctx, {
      eventKey: `account.locked:${row.id}:${updated!.failedLogins}`,
      template: "account.locked",
      variables: { minutes: String(Math.round(lockMs / 60_000)) },
      userId: row.id,
      email: row.email,
      inbox: true,
    });
    await audit(tx, ctx.clock, system, {
      entityType: "user",
      entityId: row.id,
      action: "user.locked",
      fromState: "active",
      toState: "locked",
      reason: `连续 ${updated!.failedLogins} 次${what}`,
      data: { lockedUntil: lockedUntil.toISOString() },
    });
  });
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError("ACCOUNT_LOCKED", `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试。`);
}

export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.transaction((tx) => revokeSession(tx, sessionId, ctx.clock.now()));
}

/**
 * #11.3: a new password the policy accepts, after the current one is confirmed. Every session of
 * the account ends (this one too): whoever knew the old password is signed out everywhere.
 */
export async function changePassword(ctx: AppContext, actor: Actor, input: TChangePasswordRequest): Promise<void> {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  const row = await confirmPassword(ctx, actor.user.id, input.currentPassword);
  assertPasswordAcceptable(input.newPassword, row.role === "applicant" ? row : null, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.id));
    const ended = await revokeAllSessions(tx, row.id, ctx.clock.now());
    await audit(tx, ctx.clock, actor, { entityType: "user", entityId: row.id, action: "user.password_changed", data: { sessionsEnded: ended } });
  });
}

/**
 * The account's row once its password is confirmed (password change, account deletion). Wrong
 * passwords count towards the lockout like failed logins (#11.3); while locked none is checked.
 */
export async function confirmPassword(ctx: AppContext, userId: string, password: string, path = "currentPassword"): Promise<UserRow> {
  const now = ctx.clock.now();
  const [row] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (row?.lockedUntil && row.lockedUntil > now) throw lockedError(row.lockedUntil, now);
  if (!row || !(await verifyPassword(row.passwordHash, password))) {
    if (row) await recordPasswordFailure(ctx, row, "密码确认失败");
    const { message } = ERROR_CODES.PASSWORD_INCORRECT;
    throw new AppError("PASSWORD_INCORRECT", message, [{ path, code: "PASSWORD_INCORRECT", message }]);
  }
  if (row.failedLogins > 0) await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id));
  return row;
}
