import type { FilingEvent } from "@beian/rules";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { bureauExchanges } from "../../db/schema.js";
import type { BureauDownload, BureauResult } from "../../gateways/bureau/port.js";
import { AppError } from "../../errors.js";
import { bureau } from "../accounts/actor.js";
import { applyFilingEvent } from "../filings/lifecycle.js";
import { findFiling } from "../filings/repository.js";

/** Files fetched per poll at most, so one poll cannot run forever. */
const FILES_PER_POLL = 50;

/**
 * The polling job: downloads result files one by one, applies each in one transaction and only
 * then acknowledges it. Delivery is at-least-once: a file seen before (its name is recorded) is
 * acknowledged again and changes nothing; results that no longer fit the filing's state (late,
 * duplicated, out of order) are recorded as ignored, never applied twice.
 */
export async function pollBureau(ctx: AppContext): Promise<number> {
  let files = 0;
  while (files < FILES_PER_POLL) {
    const download = await ctx.bureau.download();
    if (!download) break;
    files++;
    await applyDownload(ctx, download);
    await ctx.bureau.ack(download.fileName);
    if (!download.more) break;
  }
  return files;
}

export async function applyDownload(ctx: AppContext, download: BureauDownload): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(bureauExchanges)
      .values({ direction: "download", fileName: download.fileName, status: "applying", xml: download.xml, at: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ id: bureauExchanges.id });
    if (!claimed) return; // applied before: at-least-once delivery
    const notes = [...download.problems];
    let filingId: string | null = null;
    for (const result of download.results) {
      filingId ??= UUID.test(result.recordId) ? result.recordId : null;
      notes.push(await applyResult(ctx, tx, result));
    }
    await tx
      .update(bureauExchanges)
      .set({ status: notes.some((n) => n.startsWith("applied")) ? "applied" : "ignored", detail: notes.join("\n"), filingId })
      .where(eqId(claimed.id));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eqId = (id: string) => eq(bureauExchanges.id, id);

/** The lifecycle events a result stands for, in order. */
function eventsOf(result: BureauResult, status: string): FilingEvent[] {
  switch (result.kind) {
    case "sms_verified":
      return [{ type: "sms_verified" }];
    // The bureau reports a failure only once the fifth wrong attempt has ended the verification:
    // like an expiry, the filing goes back to the provider (R-SMS-5).
    case "sms_failed":
    case "sms_expired":
      return [{ type: "sms_expired" }];
    case "approved":
      // An approval may overtake the "verified" notice; the verification then happened too.
      return status === "sms_pending" ? [{ type: "sms_verified" }, { type: "bureau_approve", icpNumber: result.icpNumber }] : [{ type: "bureau_approve", icpNumber: result.icpNumber }];
    case "returned":
      return [{ type: "bureau_return", reason: result.reason || `管局退回（代码 ${result.code}）` }];
  }
}

async function applyResult(ctx: AppContext, tx: Tx, result: BureauResult): Promise<string> {
  const row = UUID.test(result.recordId) ? await findFiling(tx, result.recordId) : null;
  if (!row) return `ignored ${result.kind}: no filing ${result.recordId}`;
  let current = row;
  for (const event of eventsOf(result, row.status)) {
    try {
      current = await applyFilingEvent(ctx, bureau, current, current.version, event, {
        tx,
        ...(result.kind === "approved" ? { lifecycle: { websiteIcpNumbers: result.websites } } : {}),
      });
    } catch (error) {
      // Not allowed in the filing's state: a late or repeated result. Recorded, not applied.
      if (error instanceof AppError) return `ignored ${result.kind} for ${row.id} in state ${current.status}: ${error.code}`;
      throw error;
    }
  }
  return `applied ${result.kind} to ${row.id}: now ${current.status}`;
}
