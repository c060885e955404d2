import type { TSpecialWebsiteInput } from "@beian/contracts";
import { checkCertificateNumber, checkDomain, formatIcpNumber, normalizeMobile, parseIcpNumber, type IcpNumber } from "@beian/rules";
import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { isUniqueViolation } from "../../db/errors.js";
import { specialWebsites, type SpecialWebsiteRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { specialWebsitePolicy } from "./policy.js";
import { findSpecialWebsite, updateSpecialWebsiteAtVersion } from "./repository.js";
import type { StoredHolder } from "./view.js";

/**
 * The columns of a record from input the contract has already checked with the rules
 * (R-FORM-7): stored in canonical form — domain in ASCII, ICP number and certificate as the
 * rules write them, mobile without +86 — so the same site cannot be recorded twice in two spellings.
 */
function recordColumns(input: TSpecialWebsiteInput) {
  const icp = parseIcpNumber(input.icpNumber);
  const domain = checkDomain(input.domain);
  const certificate = checkCertificateNumber(input.holder.certificateType, input.holder.certificateNumber);
  return {
    siteName: input.siteName.trim(),
    domain: domain.ascii ?? input.domain.trim().toLowerCase(),
    icpNumber: formatIcpNumber(icp as IcpNumber),
    holder: {
      type: input.holder.type,
      name: input.holder.name.trim(),
      certificate: { type: input.holder.certificateType, number: certificate.normalized ?? input.holder.certificateNumber.trim() },
    } satisfies StoredHolder,
    emergencyContact: {
      name: input.emergencyContact.name.trim(),
      mobile: normalizeMobile(input.emergencyContact.mobile),
      qq: input.emergencyContact.qq.normalize("NFKC").trim(),
    },
  };
}

/** What the audit row keeps of a record (personal data is masked by the audit writer). */
const auditData = (row: Pick<SpecialWebsiteRow, "siteName" | "domain" | "icpNumber" | "emergencyContact">) => ({
  siteName: row.siteName,
  domain: row.domain,
  icpNumber: row.icpNumber,
  emergencyContact: row.emergencyContact,
});

export async function createSpecialWebsite(ctx: AppContext, actor: Actor, input: TSpecialWebsiteInput): Promise<SpecialWebsiteRow> {
  const user = authorize(actor, specialWebsitePolicy.create, undefined).user;
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(specialWebsites)
        .values({ ownerId: user.id, ...recordColumns(input), status: "pending", createdAt: now, updatedAt: now })
        .returning();
      await audit(tx, ctx.clock, actor, {
        entityType: "special_website",
        entityId: row!.id,
        action: "special_website.created",
        toState: "pending",
        data: auditData(row!),
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("SPECIAL_WEBSITE_DUPLICATE");
    throw error;
  }
}

export async function listOwnSpecialWebsites(ctx: AppContext, actor: Actor): Promise<SpecialWebsiteRow[]> {
  const user = authorize(actor, specialWebsitePolicy.listOwn, undefined).user;
  return ctx.db.select().from(specialWebsites).where(eq(specialWebsites.ownerId, user.id)).orderBy(desc(specialWebsites.createdAt)).limit(200);
}

/** Another applicant's record answers 404, as if it did not exist. */
export async function readableSpecialWebsite(ctx: AppContext, actor: Actor, id: string): Promise<SpecialWebsiteRow> {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  const row = await findSpecialWebsite(ctx.db, id);
  if (!row || !specialWebsitePolicy.read(actor.user, row)) throw new AppError("NOT_FOUND", "找不到该特殊网站登记，请检查链接是否正确。");
  return row;
}

/** The owner's record, for a change: staff may read it but not change it (403). */
export async function ownSpecialWebsite(ctx: AppContext, actor: Actor, id: string): Promise<SpecialWebsiteRow> {
  const row = await readableSpecialWebsite(ctx, actor, id);
  authorize(actor, specialWebsitePolicy.edit, row);
  return row;
}

/** An edit replaces the record at the version the applicant read; a checked record goes back to review. */
export async function updateSpecialWebsite(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, input: TSpecialWebsiteInput) {
  const current = await ownSpecialWebsite(ctx, actor, id);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await updateSpecialWebsiteAtVersion(tx, current.id, expectedVersion, { ...recordColumns(input), status: "pending" }, now);
      await audit(tx, ctx.clock, actor, {
        entityType: "special_website",
        entityId: row.id,
        action: "special_website.updated",
        fromState: current.status,
        toState: row.status,
        data: auditData(row),
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("SPECIAL_WEBSITE_DUPLICATE");
    throw error;
  }
}

/** The record goes; its audit entries stay (the log is append-only) and say what it held. */
export async function deleteSpecialWebsite(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const current = await ownSpecialWebsite(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(specialWebsites).where(eq(specialWebsites.id, current.id));
    await audit(tx, ctx.clock, actor, {
      entityType: "special_website",
      entityId: current.id,
      action: "special_website.deleted",
      fromState: current.status,
      data: auditData(current),
    });
  });
}
