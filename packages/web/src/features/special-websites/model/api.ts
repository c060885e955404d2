import type { SpecialWebsiteDocumentKind, TSpecialWebsite, TSpecialWebsiteInput } from "@beian/contracts";
import { api } from "../../../lib/api";
import { uploadForm, type UploadProgress } from "../../../lib/upload";

const path = (id: string) => `/api/special-websites/${encodeURIComponent(id)}`;

/** R-FORM-7: the applicant's special-website records (API: /api/special-websites). */
export const specialWebsitesApi = {
  list: () => api<{ items: TSpecialWebsite[] }>("GET", "/api/special-websites"),
  create: (input: TSpecialWebsiteInput) => api<TSpecialWebsite>("POST", "/api/special-websites", input),
  update: (id: string, expectedVersion: number, input: TSpecialWebsiteInput) => api<TSpecialWebsite>("PUT", path(id), { ...input, expectedVersion }),
  remove: (id: string) => api<void>("DELETE", path(id)),
  /** Multipart with the kind first, then the file, as the server reads them. */
  upload(id: string, kind: SpecialWebsiteDocumentKind, file: File, onProgress: (p: UploadProgress) => void) {
    const body = new FormData();
    body.append("kind", kind);
    body.append("file", file, file.name);
    return uploadForm<TSpecialWebsite>(`${path(id)}/documents`, body, onProgress);
  },
  letterUrl: (id: string) => `${path(id)}/responsibility-letter.pdf`,
};
