import { SPECIAL_WEBSITE_DOCUMENTS, type SpecialWebsiteDocumentKind } from "@beian/contracts";
import { eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { specialWebsites, type SpecialWebsiteRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { storeCompliantImage, type Upload } from "../materials/upload.js";
import { ownSpecialWebsite, readableSpecialWebsite } from "./service.js";
import { documentsOf, type StoredDocument } from "./view.js";

const isDocumentKind = (kind: string): kind is SpecialWebsiteDocumentKind => Object.hasOwn(SPECIAL_WEBSITE_DOCUMENTS, kind);

/**
 * R-FORM-7: the holder's ID / qualification and the signed 信息安全责任书, as images made
 * compliant like every material (R-MAT-1: ≥ 800×600, ≤ 100 KB); the original is kept too.
 * A new upload of a kind replaces the earlier one, and the record goes back to review.
 */
export async function uploadSpecialWebsiteDocument(ctx: AppContext, actor: Actor, id: string, upload: Upload): Promise<SpecialWebsiteRow> {
  const current = await ownSpecialWebsite(ctx, actor, id);
  if (!isDocumentKind(upload.kind)) {
    throw new AppError("MATERIAL_KIND_UNKNOWN", "请选择要上传的资料：主办者证件或资质（identity），或已签字的信息安全责任书（responsibility_letter）。", [
      { path: "kind", code: "MATERIAL_KIND_UNKNOWN", message: "请选择要上传的资料类型。" },
    ]);
  }
  const now = ctx.clock.now();
  const document: StoredDocument = { ...(await storeCompliantImage(ctx, upload)), uploadedAt: now.toISOString() };
  return ctx.db.transaction(async (tx) => {
    // Merged in SQL, so two uploads of different kinds at once both stay.
    const [row] = await tx
      .update(specialWebsites)
      .set({
        documents: sql`${specialWebsites.documents} || ${JSON.stringify({ [upload.kind]: document })}::jsonb`,
        status: "pending",
        version: sql`${specialWebsites.version} + 1`,
        updatedAt: now,
      })
      .where(eq(specialWebsites.id, current.id))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "找不到该特殊网站登记，请刷新页面。");
    await audit(tx, ctx.clock, actor, {
      entityType: "special_website",
      entityId: current.id,
      action: "special_website.document_uploaded",
      fromState: current.status,
      toState: row.status,
      data: { kind: upload.kind, bytes: document.storedBytes, width: document.width, height: document.height },
    });
    return row;
  });
}

/** The compliant image of a document, for the owner and for reviewers. */
export async function specialWebsiteDocumentFile(ctx: AppContext, actor: Actor, id: string, kind: SpecialWebsiteDocumentKind): Promise<Buffer> {
  const row = await readableSpecialWebsite(ctx, actor, id);
  const document = documentsOf(row)[kind];
  const data = document ? await ctx.files.get(document.storedKey) : null;
  if (!data) throw new AppError("NOT_FOUND", "还没有上传这份资料。");
  return data;
}
