import { randomBytes } from "node:crypto";
import type { TAccountDeletion } from "@beian/contracts";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import {
  auditLog,
  bureauExchanges,
  filings,
  materials,
  notificationOptOuts,
  notificationReminders,
  notifications,
  passwordResetTokens,
  reviewSlaAlerts,
  sessions,
  specialWebsites,
  subjects,
  users,
} from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { confirmPassword } from "../accounts/service.js";
import { audit } from "../audit/audit.js";
import { privacyPolicy } from "./policy.js";
import { deletionBlockers, reachedBureau } from "./retention.js";

/** Stated in the answer and in docs/operations.md ("Data deletion"). */
const RETAINED_REASONS = {
  bureau_filings:
    "已提交工信部备案系统的备案记录（表单快照、最终提交的资料、与管局的往来记录）依照《非经营性互联网信息服务备案管理办法》等电信管理规定由接入商保留，期满后删除；这是《个人信息保护法》第四十七条所称法律、行政法规规定的保存期限。",
  special_websites: "已审核通过的特殊网站登记是接入商对其所接入网站的登记记录，与备案记录一同保留。",
  audit_log: "操作日志（审计记录）用于证明系统中每一次操作的合法性，依法留存且不可修改；其中的手机号码、证件号码在写入时已做掩码处理。",
  account_record: "账号已匿名化并关闭（邮箱、手机号码、密码已清除），只保留一个无法登录的编号，使保留的备案记录和操作日志仍能对应同一主体。",
} as const;

const RETENTION_PERIOD = "保留期限由接入商按法规和自身的数据保留政策设定，期满后由接入商删除。";

/**
 * #11.4: closes the applicant's account at their request (PIPL art. 47), confirmed with the
 * password. Deletes what no law requires the provider to keep: filings that never reached the
 * bureau with their uploads, replaced uploads, special-website records not accepted, the
 * subject's working copy, notices, preferences and sessions. Keeps what reached the bureau and the
 * audit log; the account row stays, anonymised and disabled, so those still point at one owner.
 * Refused while a filing is in flight or a record is in force (retention.ts).
 */
export async function closeAccount(ctx: AppContext, actor: Actor, password: string): Promise<TAccountDeletion> {
  const { user } = authorize(actor, privacyPolicy.closeAccount, undefined);
  await confirmPassword(ctx, user.id, password, "password");
  const now = ctx.clock.now();

  const outcome = await ctx.db.transaction(async (tx) => {
    // Locked, so a submission racing the deletion waits and then finds its filing gone.
    const rows = await tx.select().from(filings).where(eq(filings.ownerId, user.id)).for("update");
    const blockers = deletionBlockers(rows);
    if (blockers.length > 0) throw new AppError("ACCOUNT_DELETION_BLOCKED", undefined, blockers);
    const keptIds = rows.filter(reachedBureau).map((f) => f.id);
    const goneIds = rows.filter((f) => !reachedBureau(f)).map((f) => f.id);

    const goneMaterials = await tx
      .delete(materials)
      .where(
        or(
          goneIds.length ? inArray(materials.filingId, goneIds) : sql`false`,
          keptIds.length ? and(inArray(materials.filingId, keptIds), isNotNull(materials.replacedAt)) : sql`false`,
        ),
      )
      .returning({ originalKey: materials.originalKey, storedKey: materials.storedKey });
    if (goneIds.length) {
      await tx.delete(notificationReminders).where(inArray(notificationReminders.filingId, goneIds));
      await tx.delete(reviewSlaAlerts).where(inArray(reviewSlaAlerts.filingId, goneIds));
      await tx.delete(bureauExchanges).where(inArray(bureauExchanges.filingId, goneIds));
      await tx.delete(filings).where(inArray(filings.id, goneIds));
    }

    // Special websites are filed elsewhere; an accepted record is the provider's record of a site it serves.
    const goneSites = await tx
      .delete(specialWebsites)
      .where(and(eq(specialWebsites.ownerId, user.id), sql`${specialWebsites.status} <> 'accepted'`))
      .returning({ documents: specialWebsites.documents });
    const [keptSites] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(specialWebsites)
      .where(eq(specialWebsites.ownerId, user.id));

    // The filings keep the snapshot they were submitted with; the working copy goes.
    if (keptIds.length) await tx.update(subjects).set({ data: {}, principalMobileHash: null, updatedAt: now }).where(eq(subjects.ownerId, user.id));
    else await tx.delete(subjects).where(eq(subjects.ownerId, user.id));

    const goneNotices = await tx.delete(notifications).where(eq(notifications.userId, user.id)).returning({ id: notifications.id });
    await tx.delete(notificationOptOuts).where(eq(notificationOptOuts.userId, user.id));
    const goneSessions = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    await tx
      .update(users)
      .set({
        email: `closed-${user.id}@closed.invalid`,
        // Not a hash any password verifies against: nobody can sign in again.
        passwordHash: `closed:${randomBytes(16).toString("hex")}`,
        mobile: null,
        failedLogins: 0,
        lockedUntil: null,
        disabledAt: now,
      })
      .where(eq(users.id, user.id));

    const fileKeys = new Set<string>();
    for (const m of goneMaterials) fileKeys.add(m.originalKey).add(m.storedKey);
    for (const site of goneSites) {
      for (const doc of Object.values((site.documents ?? {}) as Record<string, { originalKey?: string; storedKey?: string }>)) {
        if (doc?.originalKey) fileKeys.add(doc.originalKey);
        if (doc?.storedKey) fileKeys.add(doc.storedKey);
      }
    }
    const deleted = {
      filings: goneIds.length,
      materials: goneMaterials.length,
      files: 0,
      notifications: goneNotices.length,
      sessions: goneSessions.length,
    };
    const retainedSites = keptSites?.n ?? 0;
    await audit(tx, ctx.clock, actor, {
      entityType: "user",
      entityId: user.id,
      action: "user.closed",
      fromState: "active",
      toState: "closed",
      reason: "申请人注销账号（个人信息保护法第四十七条）",
      data: { deleted, specialWebsitesDeleted: goneSites.length, retainedFilings: keptIds, retainedSpecialWebsites: retainedSites },
    });
    return { deleted, fileKeys: [...fileKeys], keptFilings: keptIds.length, keptSites: retainedSites };
  });

  // Files go after the rows that named them are gone (never a row without its file); a file another
  // row still names (the same bytes uploaded twice) stays.
  let files = 0;
  for (const key of outcome.fileKeys) {
    if (await stillReferenced(ctx, key)) continue;
    await ctx.files.delete(key);
    files++;
  }

  const [auditEntries] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, user.id), and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, user.id))));
  return {
    status: "closed",
    deleted: { ...outcome.deleted, files },
    retained: [
      ...(outcome.keptFilings ? [{ kind: "bureau_filings" as const, count: outcome.keptFilings, reason: RETAINED_REASONS.bureau_filings }] : []),
      ...(outcome.keptSites ? [{ kind: "special_websites" as const, count: outcome.keptSites, reason: RETAINED_REASONS.special_websites }] : []),
      { kind: "audit_log", count: auditEntries?.n ?? 0, reason: RETAINED_REASONS.audit_log },
      { kind: "account_record", count: 1, reason: RETAINED_REASONS.account_record },
    ],
    retentionPeriod: RETENTION_PERIOD,
  };
}

async function stillReferenced(ctx: AppContext, key: string): Promise<boolean> {
  const [material] = await ctx.db
    .select({ id: materials.id })
    .from(materials)
    .where(or(eq(materials.originalKey, key), eq(materials.storedKey, key)))
    .limit(1);
  if (material) return true;
  const [site] = await ctx.db
    .select({ id: specialWebsites.id })
    .from(specialWebsites)
    .where(sql`${specialWebsites.documents}::text like ${`%${key}%`}`)
    .limit(1);
  return Boolean(site);
}
