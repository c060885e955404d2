import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { sessions, users } from "../../db/schema.js";
import type { SessionUser } from "./actor.js";

export const SESSION_COOKIE = "beian_session";

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");
const randomToken = (bytes: number): string => randomBytes(bytes).toString("base64url");

export async function createSession(tx: Tx, userId: string, now: Date, ttlHours: number) {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const [row] = await tx
    .insert(sessions)
    .values({ tokenHash: hashToken(token), csrfToken, userId, createdAt: now, expiresAt })
    .returning({ id: sessions.id });
  return { id: row!.id, token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** Finds the live session of a token: not expired, not revoked, user not disabled. */
export async function findSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const rows = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, role: row.role },
  };
}

export async function revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every live session of a user (password change, account closed); returns how many. */
export async function revokeAllSessions(tx: Tx, userId: string, now: Date): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Deletes sessions that ended more than a day ago (the purge timer). */
export async function purgeEndedSessions(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 86_400_000);
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}
