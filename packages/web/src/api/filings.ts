import type { TChecklist, TFiling, TFilingForm, TFilingSummary, TMaterialView, TPrecheckResult, TPrintableForms } from "@beian/contracts";
import type { FilingType } from "@beian/rules";
import { api } from "../lib/api";
import { uploadForm, type UploadProgress } from "../lib/upload";

/** The filings API (API.md), typed with the contracts' schemas. */
export const filingsApi = {
  list: () => api<{ items: TFilingSummary[] }>("GET", "/api/filings"),
  get: (id: string) => api<TFiling>("GET", `/api/filings/${encodeURIComponent(id)}`),
  create: (type: FilingType, form?: TFilingForm) => api<TFiling>("POST", "/api/filings", form ? { type, form } : { type }),
  save: (id: string, expectedVersion: number, form: TFilingForm) =>
    api<TFiling>("PATCH", `/api/filings/${encodeURIComponent(id)}`, { expectedVersion, form }),
  checklist: (id: string) => api<TChecklist>("GET", `/api/filings/${encodeURIComponent(id)}/checklist`),
  submit: (id: string, expectedVersion: number) => api<TFiling>("POST", `/api/filings/${encodeURIComponent(id)}/submit`, { expectedVersion }),
  /** WF-4: 撤回; the reason is optional and shown in the timeline. */
  withdraw: (id: string, expectedVersion: number, reason?: string) =>
    api<TFiling>("POST", `/api/filings/${encodeURIComponent(id)}/withdraw`, reason ? { expectedVersion, reason } : { expectedVersion }),
  precheck: (query: { domain: string } | { certType: string; certNumber: string }) =>
    api<TPrecheckResult>("GET", `/api/precheck?${new URLSearchParams(query).toString()}`),
  /** Multipart with the fields first (kind, path), then the file, as the server reads them. */
  uploadMaterial(id: string, item: { kind: string; path: string | null }, file: File, onProgress: (p: UploadProgress) => void, signal?: AbortSignal) {
    const body = new FormData();
    body.append("kind", item.kind);
    if (item.path) body.append("path", item.path);
    body.append("file", file, file.name);
    return uploadForm<TMaterialView>(`/api/filings/${encodeURIComponent(id)}/materials`, body, onProgress, signal);
  },
};

export type ChecklistItem = TChecklist["items"][number];

/** The printable forms after submission (R-DOC-1) and the paper set's instructions (R-MAT-4/5). */
export const formsApi = {
  list: (id: string) => api<TPrintableForms>("GET", `/api/filings/${encodeURIComponent(id)}/forms`),
};

/** The provider's overrides of the province policies, as the server applies them. */
export const provincesApi = {
  policies: () => api<{ overrides: Record<string, unknown> }>("GET", "/api/provinces/policies"),
};
