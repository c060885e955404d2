import type { TPersonalDataExport } from "@beian/contracts";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { auditLog, filings, materials, notificationOptOuts, notifications, sessions, specialWebsites, subjects, users } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { filingDetails } from "../filings/service.js";
import { privacyPolicy } from "./policy.js";

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/**
 * #11.4 (PIPL art. 45): everything the system holds about the signed-in user, as one JSON
 * document. Read through the schema's columns, so encrypted certificate numbers and mobiles come
 * out in plain text for their owner. The export itself is audited.
 */
export async function exportPersonalData(ctx: AppContext, actor: Actor): Promise<TPersonalDataExport> {
  const { user } = authorize(actor, privacyPolicy.export, undefined);
  const [account] = await ctx.db.select().from(users).where(eq(users.id, user.id)).limit(1);
  if (!account) throw new AppError("UNAUTHENTICATED");
  const [subject] = await ctx.db.select().from(subjects).where(eq(subjects.ownerId, user.id)).limit(1);
  const filingRows = await ctx.db.select().from(filings).where(eq(filings.ownerId, user.id)).orderBy(asc(filings.createdAt));
  const filingIds = filingRows.map((f) => f.id);
  const sites = await ctx.db.select().from(specialWebsites).where(eq(specialWebsites.ownerId, user.id)).orderBy(asc(specialWebsites.createdAt));
  const [uploads, notices, optOuts, sessionRows, entries] = await Promise.all([
    filingIds.length ? ctx.db.select().from(materials).where(inArray(materials.filingId, filingIds)).orderBy(asc(materials.createdAt)) : [],
    ctx.db.select().from(notifications).where(eq(notifications.userId, user.id)).orderBy(asc(notifications.createdAt)),
    ctx.db.select().from(notificationOptOuts).where(eq(notificationOptOuts.userId, user.id)),
    ctx.db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(asc(sessions.createdAt)),
    ctx.db
      .select()
      .from(auditLog)
      .where(
        or(
          eq(auditLog.actorId, user.id),
          and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, user.id)),
          ...(filingIds.length || sites.length ? [inArray(auditLog.entityId, [...filingIds, ...sites.map((s) => s.id)])] : []),
        ),
      )
      .orderBy(asc(auditLog.id)),
  ]);

  const document: TPersonalDataExport = {
    exportedAt: ctx.clock.now().toISOString(),
    account: { id: account.id, email: account.email, role: account.role, mobile: account.mobile, createdAt: account.createdAt.toISOString() },
    subject: subject ? { data: subject.data, createdAt: subject.createdAt.toISOString(), updatedAt: subject.updatedAt.toISOString() } : null,
    filings: await Promise.all(filingRows.map((row) => filingDetails(ctx, row))),
    uploads: uploads.map((m) => ({
      id: m.id,
      filingId: m.filingId,
      kind: m.kind,
      path: m.path,
      originalName: m.originalName,
      originalBytes: m.originalBytes,
      createdAt: m.createdAt.toISOString(),
      replacedAt: iso(m.replacedAt),
    })),
    // Through JSON: timestamps as ISO strings, as everywhere else in the document.
    specialWebsites: JSON.parse(JSON.stringify(sites)) as Record<string, unknown>[],
    notifications: notices.map((n) => ({
      channel: n.channel,
      recipient: n.recipient,
      template: n.template,
      subject: n.subject,
      body: n.body,
      status: n.status,
      createdAt: n.createdAt.toISOString(),
      sentAt: iso(n.sentAt),
      readAt: iso(n.readAt),
    })),
    notificationOptOuts: optOuts.map((o) => o.template),
    sessions: sessionRows.map((s) => ({ createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), revokedAt: iso(s.revokedAt) })),
    // Who else acted (a reviewer's id) and the chain's hashes are not the applicant's data.
    audit: entries.map(({ id: _id, actorId: _actor, prevHash: _prev, hash: _hash, at, ...entry }) => ({ ...entry, at: at.toISOString() })),
  };
  await ctx.db.transaction((tx) =>
    audit(tx, ctx.clock, actor, {
      entityType: "user",
      entityId: user.id,
      action: "user.data_exported",
      data: { filings: filingRows.length, uploads: uploads.length, notifications: notices.length, auditEntries: entries.length },
    }),
  );
  return document;
}
