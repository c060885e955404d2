import type { TReturnReason } from "@beian/contracts";
import type { AppContext } from "../../context.js";
import type { FilingRow } from "../../db/schema.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { applyFilingEvent } from "../filings/lifecycle.js";
import { withReturn } from "../filings/lifecycle-view.js";
import { readableFiling } from "../filings/service.js";
import { reviewPolicy } from "./policy.js";

async function staffFiling(ctx: AppContext, actor: Actor, id: string): Promise<FilingRow> {
  authorize(actor, reviewPolicy.work, undefined);
  return readableFiling(ctx, actor, id);
}

/** Initial review passed (R-REV-1): the filing moves on to verification. */
export async function approveFiling(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const row = await staffFiling(ctx, actor, id);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "provider_approve" });
}

/** Returned with reasons, each attached to a field so the applicant sees it in place. */
export async function returnFiling(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, reasons: TReturnReason[]) {
  const row = await staffFiling(ctx, actor, id);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "provider_return", reasons }, {
    lifecycle: withReturn(row, ctx.clock.now(), "provider", reasons),
  });
}

/** R-REV-3: the reviewer accepts the curtain photo; verification is passed. */
export async function approvePhoto(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const row = await staffFiling(ctx, actor, id);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "verification_passed", method: "photo" });
}

/** R-REV-3: the photo does not meet the rules; the applicant takes a new one. */
export async function rejectPhoto(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, reasons: TReturnReason[]) {
  const row = await staffFiling(ctx, actor, id);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "photo_rejected", reasons }, {
    lifecycle: withReturn(row, ctx.clock.now(), "photo", reasons),
  });
}

/** Hands the verified filing to the bureau (R-SMS-1); the upload itself runs as a durable job. */
export async function submitToBureau(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const row = await staffFiling(ctx, actor, id);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "submit_to_bureau" }, {
    lifecycle: { bureauSubmittedAt: ctx.clock.now().toISOString() },
  });
}
