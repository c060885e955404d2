import { availableParallelism } from "node:os";
import { and, eq, isNull } from "drizzle-orm";
import pLimit from "p-limit";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { materials, type FilingRow, type MaterialRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { EDITABLE_STATUSES, filingPolicy } from "../filings/policy.js";
import { readableFiling } from "../filings/service.js";
import { ImageProblem, makeImageCompliant } from "./image-compliance.js";

export interface Upload {
  kind: string;
  path: string | null;
  fileName: string;
  declaredMime: string;
  data: Buffer;
}

const KIND = /^[a-z][a-z0-9_]{1,47}$/;

export interface UploadOptions {
  /** States the filing must be in; by default the editable ones. */
  statuses?: ReadonlySet<string>;
  /** Runs in the upload's transaction, e.g. the lifecycle event the upload causes. */
  within?: (tx: Tx, filing: FilingRow) => Promise<unknown>;
}

/** An upload as stored: the original as received and the compliant image (R-MAT-1), both content-addressed. */
export interface StoredImage {
  originalKey: string;
  originalName: string;
  originalMime: string;
  originalBytes: number;
  storedKey: string;
  storedBytes: number;
  width: number;
  height: number;
  report: { originalWidth: number; originalHeight: number; quality: number; encodes: number };
}

/**
 * Images are made compliant one at a time per spare core. Each takes a core for 100–300 ms; a
 * burst of uploads would otherwise take every core from the requests around them (autosaves, the
 * review queue). Uploads wait their turn instead, and everything else stays fast
 * (bench/mixed-load.bench.ts measures both).
 */
const imageWork = pLimit(Math.max(1, availableParallelism() - 1));

/**
 * Makes an upload compliant (R-MAT-1) and stores the original and the compliant image; an image
 * problem answers with its code and Chinese sentence at the field "file".
 */
export async function storeCompliantImage(ctx: AppContext, upload: Pick<Upload, "data" | "declaredMime" | "fileName">): Promise<StoredImage> {
  let compliant;
  try {
    compliant = await imageWork(() => makeImageCompliant(upload.data, upload.declaredMime));
  } catch (error) {
    if (error instanceof ImageProblem) {
      throw new AppError(error.code, error.messageZh, [{ path: "file", code: error.code, message: error.messageZh }]);
    }
    throw error;
  }
  const original = await ctx.files.put(upload.data);
  const stored = await ctx.files.put(compliant.data);
  return {
    originalKey: original.key,
    originalName: upload.fileName.slice(0, 200),
    originalMime: compliant.original.mime,
    originalBytes: original.bytes,
    storedKey: stored.key,
    storedBytes: stored.bytes,
    width: compliant.width,
    height: compliant.height,
    report: { originalWidth: compliant.original.width, originalHeight: compliant.original.height, quality: compliant.quality, encodes: compliant.encodes },
  };
}

/**
 * Stores an uploaded document: the original as received and the compliant image (R-MAT-1),
 * both content-addressed; a new upload of the same kind replaces the earlier one (kept, marked).
 */
export async function uploadMaterial(ctx: AppContext, actor: Actor, filingId: string, upload: Upload, options: UploadOptions = {}) {
  const filing = await readableFiling(ctx, actor, filingId);
  const user = authorize(actor, filingPolicy.edit, filing).user;
  if (!(options.statuses ?? EDITABLE_STATUSES).has(filing.status)) throw new AppError("FILING_NOT_EDITABLE");
  if (!KIND.test(upload.kind)) throw new AppError("MATERIAL_KIND_UNKNOWN");

  const image = await storeCompliantImage(ctx, upload);
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx): Promise<MaterialRow> => {
    const sameSlot = and(
      eq(materials.filingId, filing.id),
      eq(materials.kind, upload.kind),
      upload.path === null ? isNull(materials.path) : eq(materials.path, upload.path),
      isNull(materials.replacedAt),
    );
    await tx.update(materials).set({ replacedAt: now }).where(sameSlot);
    const [row] = await tx
      .insert(materials)
      .values({
        filingId: filing.id,
        kind: upload.kind,
        path: upload.path,
        ...image,
        uploadedBy: user.id,
        createdAt: now,
      })
      .returning();
    await audit(tx, ctx.clock, actor, {
      entityType: "filing",
      entityId: filing.id,
      action: "material.uploaded",
      data: { kind: upload.kind, path: upload.path, bytes: image.storedBytes, width: image.width, height: image.height },
    });
    await options.within?.(tx, filing);
    return row!;
  });
}

/** The compliant image of a material, for its owner and for reviewers. */
export async function materialFile(ctx: AppContext, actor: Actor, filingId: string, materialId: string) {
  const filing = await readableFiling(ctx, actor, filingId);
  const [row] = /^[0-9a-f-]{36}$/i.test(materialId)
    ? await ctx.db.select().from(materials).where(and(eq(materials.id, materialId), eq(materials.filingId, filing.id)))
    : [];
  if (!row) throw new AppError("NOT_FOUND", "找不到该资料文件。");
  const data = await ctx.files.get(row.storedKey);
  if (!data) throw new AppError("NOT_FOUND", "资料文件已不存在，请重新上传。");
  return data;
}
