import type { JobName } from "@beian/rules";

export const FILING_TIMER = "filings.timer";

export interface FilingTimer {
  filingId: string;
  job: JobName;
  /** The filing version the timer was set at: any later change makes it stale. */
  version: number;
}
