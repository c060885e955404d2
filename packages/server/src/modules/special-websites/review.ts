import type { TSpecialWebsiteReviewRequest } from "@beian/contracts";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { specialWebsites, users, type SpecialWebsiteRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { notify } from "../notifications/service.js";
import { specialWebsitePolicy } from "./policy.js";
import { updateSpecialWebsiteAtVersion } from "./repository.js";
import { readableSpecialWebsite } from "./service.js";
import { missingDocuments } from "./view.js";

/** The applicant learns the result in the same transaction (mail and inbox), once per version. */
async function notifyOwner(tx: Tx, ctx: AppContext, row: SpecialWebsiteRow): Promise<void> {
  const [owner] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, row.ownerId));
  if (!owner) return;
  const returned = row.status === "returned";
  await notify(tx, ctx, {
    eventKey: `special_website:${row.id}:v${row.version}:reviewed`,
    template: "special_website.reviewed",
    variables: {
      siteName: row.siteName,
      domain: row.domain,
      result: returned ? "已被接入商退回" : "已审核通过",
      reason: returned ? `退回原因：${row.reviewReason ?? ""}` : "",
    },
    userId: owner.id,
    email: owner.email,
    inbox: true,
  });
}

export interface SpecialWebsiteReviewListQuery {
  status?: SpecialWebsiteRow["status"];
  /** By last change: the longest-waiting first (default) or the latest first. */
  order?: "oldest" | "newest";
}

/** Staff's list (R-FORM-7): records waiting for a check first, then by last change. */
export async function specialWebsitesForReview(ctx: AppContext, actor: Actor, query: SpecialWebsiteReviewListQuery = {}): Promise<SpecialWebsiteRow[]> {
  authorize(actor, specialWebsitePolicy.review, undefined);
  const byChange = query.order === "newest" ? desc(specialWebsites.updatedAt) : asc(specialWebsites.updatedAt);
  return ctx.db
    .select()
    .from(specialWebsites)
    .where(query.status ? eq(specialWebsites.status, query.status) : undefined)
    .orderBy(sql`${specialWebsites.status} <> 'pending'`, byChange)
    .limit(200);
}

/**
 * A reviewer marks the record checked, or returns it with a reason the applicant reads. A record
 * is accepted only with both documents (the ID / qualification and the signed letter).
 */
export async function reviewSpecialWebsite(ctx: AppContext, actor: Actor, id: string, decision: TSpecialWebsiteReviewRequest): Promise<SpecialWebsiteRow> {
  const current = await readableSpecialWebsite(ctx, actor, id);
  authorize(actor, specialWebsitePolicy.review, current);
  const missing = missingDocuments(current);
  if (decision.decision === "accepted" && missing.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      "资料不全，不能审核通过：请退回并请主办者上传缺少的资料。",
      missing.map((kind) => ({ path: `documents.${kind}`, code: "DOCUMENT_MISSING", message: "缺少这份资料。" })),
      422,
    );
  }
  const now = ctx.clock.now();
  const reason = decision.decision === "returned" ? (decision.reason ?? null) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await updateSpecialWebsiteAtVersion(tx, current.id, decision.expectedVersion, { status: decision.decision, reviewReason: reason, reviewedAt: now }, now);
    await audit(tx, ctx.clock, actor, {
      entityType: "special_website",
      entityId: row.id,
      action: `special_website.${decision.decision}`,
      fromState: current.status,
      toState: row.status,
      reason,
    });
    await notifyOwner(tx, ctx, row);
    return row;
  });
}
