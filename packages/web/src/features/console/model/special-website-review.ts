import { SPECIAL_WEBSITE_DOCUMENTS, SPECIAL_WEBSITE_STATUSES, type SpecialWebsiteStatus } from "@beian/contracts";
import { ApiError } from "../../../lib/api";

export type SpecialWebsiteOrder = "oldest" | "newest";

export interface SpecialWebsiteListQuery {
  status?: SpecialWebsiteStatus;
  order: SpecialWebsiteOrder;
}

export const SPECIAL_WEBSITE_STATUS_COLORS: Readonly<Record<SpecialWebsiteStatus, string>> = {
  pending: "processing",
  accepted: "success",
  returned: "error",
};

const isStatus = (s: string | null): s is SpecialWebsiteStatus => s !== null && s in SPECIAL_WEBSITE_STATUSES;

/**
 * The list's filter as the address keeps it (?status=returned&order=newest): a reviewer's view
 * survives a reload and can be shared. Waiting records, longest-waiting first, by default.
 */
export function listQueryFrom(params: URLSearchParams): SpecialWebsiteListQuery {
  const status = params.get("status");
  const query: SpecialWebsiteListQuery = { order: params.get("order") === "newest" ? "newest" : "oldest" };
  if (status !== "all") query.status = isStatus(status) ? status : "pending";
  return query;
}

export function listParamsFrom(query: SpecialWebsiteListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== "pending") params.set("status", query.status ?? "all");
  if (query.order === "newest") params.set("order", "newest");
  return params;
}

/** The API's query string for a view ("all" is no status at all). */
export function listSearch(query: SpecialWebsiteListQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  params.set("order", query.order);
  return `?${params.toString()}`;
}

export const SPECIAL_WEBSITE_CONFLICT =
  "这条登记在您打开之后已被修改（主办者改了内容或上传了资料，或其他审核员已处理）。已显示最新内容，请核对后再审核；您写的退回原因仍保留。";

export interface DecisionProblem {
  /** The server's Chinese message (or ours for a conflict). */
  text: string;
  code: string;
  /** Field-level details, e.g. the missing documents named. */
  details: string[];
  /** Someone changed the record since it was read: show the new one, keep the typed reason. */
  conflict: boolean;
}

const detailOf = (e: { path: string; message: string }) => {
  const kind = e.path.startsWith("documents.") ? e.path.slice("documents.".length) : "";
  const label = SPECIAL_WEBSITE_DOCUMENTS[kind as keyof typeof SPECIAL_WEBSITE_DOCUMENTS];
  return label ? `${label}：${e.message}` : e.message;
};

/** A refused decision as the page explains it inline (problem+json: code, Chinese detail, errors). */
export function decisionProblem(error: unknown): DecisionProblem {
  if (!(error instanceof ApiError)) return { text: "操作失败，请稍后重试。", code: "UNKNOWN", details: [], conflict: false };
  if (error.code === "SPECIAL_WEBSITE_VERSION_CONFLICT") return { text: SPECIAL_WEBSITE_CONFLICT, code: error.code, details: [], conflict: true };
  return { text: error.detail, code: error.code, details: error.errors.map(detailOf), conflict: false };
}
