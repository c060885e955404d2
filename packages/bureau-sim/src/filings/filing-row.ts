import { and, eq } from "drizzle-orm";
import type { SimTx } from "../context.js";
import { filings } from "../db/schema.js";
import type { UploadedRecord } from "../xml/upload-xml.js";

export type FilingStatus = "sms_pending" | "bureau_review" | "approved" | "returned";

export type FilingRow = typeof filings.$inferSelect;

export const recordOf = (row: FilingRow): UploadedRecord => row.record as UploadedRecord;

/** Moves a filing only from the state it is expected in; false when someone else moved it first. */
export async function moveFiling(
  tx: SimTx,
  id: string,
  from: FilingStatus,
  to: FilingStatus,
  now: Date,
  extra: Partial<Pick<FilingRow, "outcomeCode" | "outcomeReason" | "subjectIcpNumber">> = {},
): Promise<boolean> {
  const rows = await tx
    .update(filings)
    .set({ status: to, updatedAt: now, ...extra })
    .where(and(eq(filings.id, id), eq(filings.status, from)))
    .returning({ id: filings.id });
  return rows.length === 1;
}
