import { checkMailingAddress, divisionName } from "@beian/rules";
import type { z } from "zod";
import type { ZMailingRecord, ZOnSiteRecord, ZVerificationChoice } from "@beian/contracts";
import type { AppContext } from "../../context.js";
import type { FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { applyFilingEvent } from "../filings/lifecycle.js";
import { verificationOf, type Verification } from "../filings/lifecycle-view.js";
import { filingPolicy } from "../filings/policy.js";
import { updateFilingAtVersion } from "../filings/repository.js";
import { readableFiling } from "../filings/service.js";
import { reviewPolicy } from "./policy.js";

function requireVerifying(row: FilingRow) {
  if (row.status !== "verifying") throw new AppError("FILING_NOT_EDITABLE", "只有初审通过、等待核验的备案才能办理核验。");
}

/** Writes the verification fields without a status change, audited, at the expected version. */
async function saveVerification(ctx: AppContext, actor: Actor, row: FilingRow, expectedVersion: number, v: Verification, action: string) {
  return ctx.db.transaction(async (tx) => {
    const updated = await updateFilingAtVersion(tx, row.id, expectedVersion, { lifecycle: { ...(row.lifecycle as object), verification: v } }, ctx.clock.now());
    await audit(tx, ctx.clock, actor, { entityType: "filing", entityId: row.id, action, data: { method: v.method } });
    return updated;
  });
}

/**
 * The applicant chooses curtain photo (with or without a curtain posted to them) or on-site
 * verification. A curtain is posted to mainland addresses only (R-REV-2).
 */
export async function chooseVerification(ctx: AppContext, actor: Actor, id: string, choice: z.infer<typeof ZVerificationChoice>) {
  const row = await readableFiling(ctx, actor, id);
  authorize(actor, filingPolicy.edit, row);
  requireVerifying(row);
  const v: Verification = { ...verificationOf(row), method: choice.method };
  if (choice.method === "curtain_photo" && choice.mailing) {
    const m = choice.mailing;
    const findings = checkMailingAddress(m, "mailing");
    if (findings.length > 0) {
      throw new AppError("VALIDATION_FAILED", findings[0]!.message, findings.map((f) => ({ path: f.path, code: f.code, message: f.message })));
    }
    const address = [m.provinceCode, m.cityCode, m.districtCode].map((c) => divisionName(c) ?? "").join("") + m.detail;
    v.mailing = { recipient: m.recipient, mobile: m.mobile, address, codes: [m.provinceCode, m.cityCode, m.districtCode], trackingNumber: null, mailedAt: null };
  }
  return saveVerification(ctx, actor, row, choice.expectedVersion, v, "verification.chosen");
}

/** The reviewer records the curtain's posting: tracking number and when it left. */
export async function recordMailing(ctx: AppContext, actor: Actor, id: string, record: z.infer<typeof ZMailingRecord>) {
  authorize(actor, reviewPolicy.work, undefined);
  const row = await readableFiling(ctx, actor, id);
  requireVerifying(row);
  const v = verificationOf(row);
  if (!v.mailing) throw new AppError("VALIDATION_FAILED", "申请人没有申请邮寄幕布。");
  return saveVerification(ctx, actor, row, record.expectedVersion, { ...v, mailing: { ...v.mailing, trackingNumber: record.trackingNumber, mailedAt: record.mailedAt } }, "verification.curtain_mailed");
}

/** R-REV-4: on-site verification records who checked which originals, when and where; it passes verification. */
export async function recordOnSite(ctx: AppContext, actor: Actor, id: string, record: z.infer<typeof ZOnSiteRecord>) {
  const staff = authorize(actor, reviewPolicy.work, undefined);
  const row = await readableFiling(ctx, actor, id);
  requireVerifying(row);
  const onSite = { originalsChecked: record.originalsChecked, checkedAt: record.checkedAt, place: record.place, checkedBy: staff.user.email };
  return applyFilingEvent(ctx, actor, row, record.expectedVersion, { type: "verification_passed", method: "on_site" }, {
    lifecycle: { verification: { ...verificationOf(row), method: "on_site", onSite } },
    reason: `现场核验：${record.originalsChecked.join("、")}`,
  });
}
