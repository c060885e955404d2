import type { AppContext } from "../../context.js";
import type { FilingRow } from "../../db/schema.js";
import type { Actor } from "../accounts/actor.js";
import { applyFilingEvent } from "../filings/lifecycle.js";
import { verificationOf } from "../filings/lifecycle-view.js";
import { findFiling } from "../filings/repository.js";
import { uploadMaterial, type Upload } from "../materials/upload.js";

const VERIFYING = new Set(["verifying"]);

/**
 * The applicant's curtain photo (R-REV-3, MAT-4): stored and made compliant like every image,
 * and in the same transaction the filing records that a photo waits for the reviewer, whose
 * 2-working-day deadline starts now. A new photo replaces an earlier, rejected one.
 */
export async function uploadVerificationPhoto(ctx: AppContext, actor: Actor, id: string, upload: Omit<Upload, "kind">): Promise<FilingRow> {
  let result: FilingRow | undefined;
  await uploadMaterial(ctx, actor, id, { ...upload, kind: "verification_photo", path: null }, {
    statuses: VERIFYING,
    within: async (tx, filing) => {
      // The version is the one read inside the transaction: the upload itself is the applicant's intent.
      const current = (await findFiling(tx, filing.id))!;
      result = await applyFilingEvent(ctx, actor, current, current.version, { type: "photo_uploaded" }, {
        tx,
        lifecycle: { verification: { ...verificationOf(current), method: "curtain_photo" } },
      });
    },
  });
  return result!;
}
