/** Job names and payloads of the bureau exchange (kept apart so the lifecycle can enqueue without importing the exchange). */
export const BUREAU_UPLOAD = "bureau.upload";
export const BUREAU_POLL = "bureau.poll";

export interface BureauUploadJob {
  filingId: string;
  /** When the reviewer submitted: an upload sent since then means the job already did its work. */
  requestedAt: string;
}
