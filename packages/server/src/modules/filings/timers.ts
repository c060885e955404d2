import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { filings } from "../../db/schema.js";
import { system } from "../accounts/actor.js";
import { AppError } from "../../errors.js";
import { applyFilingEvent } from "./lifecycle.js";
import type { FilingTimer } from "./timer-job.js";

/**
 * Fires a lifecycle timer (WF-3 review targets, WF-4 expiry, R-SMS-4/5 SMS clock). A timer set
 * before the filing changed again is stale and does nothing, which is how cancellation works.
 */
export async function fireFilingTimer(ctx: AppContext, timer: FilingTimer): Promise<void> {
  const [row] = await ctx.db.select().from(filings).where(eq(filings.id, timer.filingId)).limit(1);
  if (!row || row.version !== timer.version) return;
  const event = timer.job === "filing_expiry" ? { type: "expire" as const } : timer.job === "sms_expiry" ? { type: "sms_expired" as const } : null;
  if (!event) {
    // Review targets and reminders only inform people; they are logged until the console shows SLA states.
    ctx.log.info({ filingId: row.id, job: timer.job }, "filing timer due");
    return;
  }
  try {
    await applyFilingEvent(ctx, system, row, row.version, event);
  } catch (error) {
    // The filing moved on meanwhile (conflict) or the event no longer applies: nothing to do.
    if (error instanceof AppError) return;
    throw error;
  }
}
