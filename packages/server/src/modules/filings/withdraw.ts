import { allowedEvents, type FilingStatus } from "@beian/rules";
import type { AppContext } from "../../context.js";
import type { FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { applyFilingEvent } from "./lifecycle.js";
import { filingPolicy } from "./policy.js";
import { readableFiling } from "./service.js";

/**
 * WF-4: the applicant withdraws (撤回) their own filing while the rules allow it (not once it is
 * with the bureau). The state change, its audit row, the notices and the cancelled timers are
 * one transaction at the expected version; a withdrawn filing frees the subject for a new one.
 */
export async function withdrawFiling(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, reason?: string): Promise<FilingRow> {
  const row = await readableFiling(ctx, actor, id);
  authorize(actor, filingPolicy.edit, row);
  if (!allowedEvents(row.status as FilingStatus, "applicant").includes("withdraw")) throw new AppError("FILING_NOT_WITHDRAWABLE");
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "withdraw" }, reason ? { reason } : {});
}
