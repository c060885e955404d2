import { and, eq, gte } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { bureauExchanges } from "../../db/schema.js";
import { filingToXml, FilingXmlError } from "../../gateways/bureau/filing-xml.js";
import { BureauError } from "../../gateways/bureau/port.js";
import { bureau } from "../accounts/actor.js";
import { applyFilingEvent, filingInput } from "../filings/lifecycle.js";
import { findFiling } from "../filings/repository.js";
import type { BureauUploadJob } from "./jobs.js";

/** States in which the bureau is waiting for (or has) the upload. */
const AT_BUREAU = new Set(["sms_pending", "bureau_review"]);

/**
 * The upload job (R-SMS-1): maps the filing to the interface's XML and sends it. Safe to run
 * twice: an upload already sent for this submission is not sent again. The bureau being away
 * (timeout, unreachable, maintenance) makes the job fail and pg-boss retry it with backoff; a
 * refusal of the data itself returns the filing with the bureau's reason.
 */
export async function uploadFilingToBureau(ctx: AppContext, job: BureauUploadJob): Promise<void> {
  const row = await findFiling(ctx.db, job.filingId);
  if (!row || !AT_BUREAU.has(row.status)) return;
  const [sent] = await ctx.db
    .select({ id: bureauExchanges.id })
    .from(bureauExchanges)
    .where(and(eq(bureauExchanges.filingId, row.id), eq(bureauExchanges.direction, "upload"), eq(bureauExchanges.status, "sent"), gte(bureauExchanges.at, new Date(job.requestedAt))))
    .limit(1);
  if (sent) return;

  let file;
  try {
    // Named after the submission, not the attempt: a retry after a crash between the bureau's
    // answer and our record sends the same bytes, which the bureau recognises (same sequence → 0,
    // later one → 14 naming this file) instead of opening the filing a second time.
    file = filingToXml({ filing: filingInput(row), filingId: row.id, now: new Date(job.requestedAt) });
  } catch (error) {
    if (!(error instanceof FilingXmlError)) throw error;
    await refused(ctx, row.id, "", null, `报送数据不完整（${error.path}）：${error.message}`);
    return;
  }
  try {
    const receipt = await ctx.bureau.upload(file);
    await ctx.db.insert(bureauExchanges).values({
      direction: "upload",
      fileName: receipt.fileName,
      filingId: row.id,
      messageType: file.messageType,
      dataSequence: receipt.dataSequence,
      status: "sent",
      xml: file.xml,
      at: ctx.clock.now(),
    });
    ctx.log.info({ filingId: row.id, fileName: receipt.fileName, dataSequence: receipt.dataSequence }, "uploaded to the bureau");
  } catch (error) {
    if (!(error instanceof BureauError)) throw error;
    await ctx.db.insert(bureauExchanges).values({
      direction: "upload",
      fileName: file.fileName,
      filingId: row.id,
      messageType: file.messageType,
      status: "failed",
      detail: `${error.kind}${error.msgCode === null ? "" : ` ${error.msgCode}`}: ${error.message}`,
      xml: file.xml,
      at: ctx.clock.now(),
    });
    if (error.retryable) throw error;
    await refused(ctx, row.id, file.fileName, error.msgCode, `管局接口拒收（代码 ${error.msgCode ?? "无"}）：${error.message}`);
  }
}

/** A refusal that waiting will not cure goes back with the reason, so the filing does not hang. */
async function refused(ctx: AppContext, filingId: string, fileName: string, code: number | null, reason: string) {
  ctx.log.warn({ filingId, fileName, code }, "the bureau refused the upload");
  const row = await findFiling(ctx.db, filingId);
  if (!row || row.status !== "sms_pending") return;
  await applyFilingEvent(ctx, bureau, row, row.version, { type: "bureau_return", reason });
}
