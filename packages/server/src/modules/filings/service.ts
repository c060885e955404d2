import type { TFilingForm, TFilingSummary } from "@beian/contracts";
import { stageName, type FilingStatus } from "@beian/rules";
import { and, asc, desc, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { lifecycleView } from "./lifecycle-view.js";
import { policiesInForce } from "../provinces/policies.js";
import { isUniqueViolation } from "../../db/errors.js";
import { auditLog, filings, materials, subjects, type FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { EDITABLE_STATUSES, filingPolicy } from "./policy.js";
import { findFiling, updateFilingAtVersion } from "./repository.js";
import type { PersonalDataKeys } from "../personal-data/data-keys.js";
import { certificateSearchHash, mobileSearchHash } from "../personal-data/search-hash.js";

/**
 * The queue's search columns, derived from the form on every save (R-REV: search by name, domain,
 * certificate). Certificate numbers are stored only as keyed hashes (issue 11.4).
 */
export function searchColumns(form: TFilingForm, keys: PersonalDataKeys) {
  const domains = [...new Set((form.websites ?? []).flatMap((w) => w.domains ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean))];
  const certificates = [form.subject?.certificate, form.subject?.principal?.certificate, ...(form.websites ?? []).map((w) => w.principal?.certificate)]
    .map((c) => c?.number?.trim() ?? "")
    .filter(Boolean)
    .map((n) => certificateSearchHash(keys, n));
  return {
    subjectName: form.subject?.name?.trim() || null,
    subjectType: form.subject?.type ?? null,
    province: form.province ?? null,
    domains,
    certificateNumbers: [...new Set(certificates)],
  };
}

/** The subject's columns as saved from a form: its data and the hash SUB-6 looks up. */
export const subjectColumns = (subject: NonNullable<TFilingForm["subject"]>, keys: PersonalDataKeys) => ({
  data: subject,
  principalMobileHash: mobileSearchHash(keys, subject.principal?.mobile),
});

/** The columns a summary reads: lists select only these (a filing's form can be large). */
export const summaryColumns = {
  id: filings.id,
  type: filings.type,
  status: filings.status,
  version: filings.version,
  subjectName: filings.subjectName,
  domains: filings.domains,
  createdAt: filings.createdAt,
  updatedAt: filings.updatedAt,
  submittedAt: filings.submittedAt,
};

export function toSummary(row: Pick<FilingRow, keyof typeof summaryColumns>): TFilingSummary {
  return {
    id: row.id,
    type: row.type as TFilingSummary["type"],
    status: row.status as TFilingSummary["status"],
    stage: stageName(row.status as FilingStatus),
    version: row.version,
    subjectName: row.subjectName,
    domains: row.domains,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/**
 * Starts a draft filing for the applicant's subject. The account's one subject (R-ACC-1) is
 * created on the first filing; a second open filing of the same subject is refused (WF-1).
 */
export async function createFiling(ctx: AppContext, actor: Actor, type: FilingRow["type"], form: TFilingForm = {}) {
  const user = authorize(actor, filingPolicy.create, undefined).user;
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.insert(subjects).values({ ownerId: user.id, createdAt: now, updatedAt: now }).onConflictDoNothing();
      const [subject] = await tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.ownerId, user.id));
      if (form.subject) await tx.update(subjects).set({ ...subjectColumns(form.subject, ctx.personalData), updatedAt: now }).where(eq(subjects.id, subject!.id));
      const [row] = await tx
        .insert(filings)
        .values({ subjectId: subject!.id, ownerId: user.id, type, status: "draft", form, ...searchColumns(form, ctx.personalData), createdAt: now, updatedAt: now })
        .returning();
      await audit(tx, ctx.clock, actor, { entityType: "filing", entityId: row!.id, action: "filing.created", toState: "draft", data: { type } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("FILING_ALREADY_OPEN");
    throw error;
  }
}

/** Loads a filing the actor may read; others get 404, so ids of other applicants' filings reveal nothing. */
export async function readableFiling(ctx: AppContext, actor: Actor, id: string): Promise<FilingRow> {
  const row = await findFiling(ctx.db, id);
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  if (!row || !filingPolicy.read(actor.user, row)) throw new AppError("NOT_FOUND", "找不到该备案申请，请检查链接是否正确。");
  return row;
}

export async function listOwnFilings(ctx: AppContext, actor: Actor) {
  const user = authorize(actor, filingPolicy.list, undefined).user;
  const rows = await ctx.db.select(summaryColumns).from(filings).where(eq(filings.ownerId, user.id)).orderBy(desc(filings.createdAt)).limit(100);
  return rows.map(toSummary);
}

/**
 * Autosave: replaces the top-level parts of the form that are sent (subject, websites, …) at
 * the expected version. Drafts are stored as typed, whatever their state of completion.
 */
export async function updateFilingForm(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, patch: TFilingForm) {
  const current = await readableFiling(ctx, actor, id);
  authorize(actor, filingPolicy.edit, current);
  if (!EDITABLE_STATUSES.has(current.status)) throw new AppError("FILING_NOT_EDITABLE");
  const form = { ...(current.form as TFilingForm), ...patch };
  return ctx.db.transaction(async (tx) => {
    const row = await updateFilingAtVersion(tx, id, expectedVersion, { form, ...searchColumns(form, ctx.personalData) }, ctx.clock.now());
    if (patch.subject) {
      await tx.update(subjects).set({ ...subjectColumns(patch.subject, ctx.personalData), updatedAt: ctx.clock.now() }).where(eq(subjects.id, row.subjectId));
    }
    return row;
  });
}

export async function filingDetails(ctx: AppContext, row: FilingRow) {
  const [mats, timeline] = await Promise.all([
    ctx.db.select().from(materials).where(eq(materials.filingId, row.id)).orderBy(asc(materials.createdAt)),
    // Both columns of the index's prefix: by entity id alone every filing read would scan the log.
    ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "filing"), eq(auditLog.entityId, row.id))).orderBy(asc(auditLog.id)),
  ]);
  return {
    ...toSummary(row),
    ...lifecycleView(row, {
      policies: await policiesInForce(ctx),
      portalBase: ctx.config.bureauPortals === "simulator" ? ctx.config.bureauUrl : null,
    }),
    form: row.form as TFilingForm,
    findings: row.findings as never[],
    materials: mats
      .filter((m) => m.replacedAt === null)
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        path: m.path,
        originalName: m.originalName,
        originalBytes: m.originalBytes,
        storedBytes: m.storedBytes,
        width: m.width,
        height: m.height,
        url: `/api/filings/${row.id}/materials/${m.id}/file`,
        createdAt: m.createdAt.toISOString(),
      })),
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      actorRole: e.actorRole,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
    })),
  };
}
