import type { TSpecialWebsite } from "@beian/contracts";
import { api } from "../../../lib/api";
import { listSearch, type SpecialWebsiteListQuery } from "./special-website-review";

const path = (id: string) => `/api/special-websites/${encodeURIComponent(id)}`;

/** R-FORM-7: the reviewers' side of special websites (list masked, the record in full, the decision). */
export const specialWebsiteReviewApi = {
  list: (query: SpecialWebsiteListQuery) => api<{ items: TSpecialWebsite[] }>("GET", `/api/review/special-websites${listSearch(query)}`),
  record: (id: string) => api<TSpecialWebsite>("GET", path(id)),
  accept: (id: string, expectedVersion: number) =>
    api<TSpecialWebsite>("POST", `/api/review/special-websites/${encodeURIComponent(id)}/review`, { expectedVersion, decision: "accepted" }),
  returnRecord: (id: string, expectedVersion: number, reason: string) =>
    api<TSpecialWebsite>("POST", `/api/review/special-websites/${encodeURIComponent(id)}/review`, { expectedVersion, decision: "returned", reason }),
  letterUrl: (id: string) => `${path(id)}/responsibility-letter.pdf`,
};
