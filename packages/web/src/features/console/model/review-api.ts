import type { TChecklist, TFiling, TPrintableForms, TQueueItem, TReasonTemplate, TReturnReason } from "@beian/contracts";
import { api } from "../../../lib/api";

export interface QueueFilters {
  status?: string[];
  province?: string;
  type?: string;
  subjectType?: string;
  sla?: string;
  q?: string;
}

export interface QueuePage {
  items: TQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OnSiteRecord {
  originalsChecked: string[];
  checkedAt: string;
  place: string;
}

function queueSearch(filters: QueueFilters, page: number, pageSize: number): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status.length > 0) params.set("status", filters.status.join(","));
  for (const key of ["province", "type", "subjectType", "sla", "q"] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  params.set("page", String(page));
  params.set("pageSize", String(pageSize));
  return params.toString();
}

const decide = (id: string, action: string, body: Record<string, unknown>) =>
  api<TFiling>("POST", `/api/review/filings/${encodeURIComponent(id)}/${action}`, body);

/** The review API (R-REV-1…4) as the console calls it; every decision carries the version it was made on. */
export const reviewApi = {
  queue: (filters: QueueFilters, page: number, pageSize: number) => api<QueuePage>("GET", `/api/review/queue?${queueSearch(filters, page, pageSize)}`),
  filing: (id: string) => api<TFiling>("GET", `/api/filings/${encodeURIComponent(id)}`),
  checklist: (id: string) => api<TChecklist>("GET", `/api/filings/${encodeURIComponent(id)}/checklist`),
  forms: (id: string) => api<TPrintableForms>("GET", `/api/filings/${encodeURIComponent(id)}/forms`),
  reasonTemplates: () => api<{ items: TReasonTemplate[] }>("GET", "/api/review/reason-templates"),
  approve: (id: string, expectedVersion: number) => decide(id, "approve", { expectedVersion }),
  returnFiling: (id: string, expectedVersion: number, reasons: TReturnReason[]) => decide(id, "return", { expectedVersion, reasons }),
  approvePhoto: (id: string, expectedVersion: number) => decide(id, "photo/approve", { expectedVersion }),
  rejectPhoto: (id: string, expectedVersion: number, reasons: TReturnReason[]) => decide(id, "photo/reject", { expectedVersion, reasons }),
  recordMailing: (id: string, expectedVersion: number, trackingNumber: string, mailedAt: string) =>
    decide(id, "mailing", { expectedVersion, trackingNumber, mailedAt }),
  recordOnSite: (id: string, expectedVersion: number, record: OnSiteRecord) => decide(id, "on-site", { expectedVersion, ...record }),
  submitToBureau: (id: string, expectedVersion: number) => decide(id, "submit-to-bureau", { expectedVersion }),
};
