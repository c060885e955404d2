import type { FilingStatus } from "@beian/rules";

const TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as reviewers read it: Beijing time, to the minute ("2026/11/30 14:05"). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

/**
 * Statuses as the provider's staff name them. The applicant's stage (R-ST-1) shows a provider
 * return as 未提交; in the console it must read as what it is.
 */
/**
 * A deadline as people say it: the server's deadlines fall on 24:00 Beijing time of a working
 * day (WF-3), which reads "2026/12/02 24:00", not "2026/12/03 00:00".
 */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = TIME.format(date);
  if (!text.endsWith(" 00:00")) return text;
  return `${TIME.format(new Date(date.getTime() - 60_000)).slice(0, -6)} 24:00`;
}

export const STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  draft: "草稿",
  submitted: "待初审",
  returned_by_provider: "已退回主办者",
  verifying: "待核验",
  sms_pending: "待短信核验",
  bureau_review: "待管局审核",
  returned_by_bureau: "管局退回",
  approved: "备案成功",
  withdrawn: "已撤回",
  expired: "已过期",
};

export const STATUS_COLORS: Readonly<Record<FilingStatus, string>> = {
  draft: "default",
  submitted: "processing",
  returned_by_provider: "warning",
  verifying: "cyan",
  sms_pending: "purple",
  bureau_review: "geekblue",
  returned_by_bureau: "error",
  approved: "success",
  withdrawn: "default",
  expired: "default",
};

export const statusLabel = (status: string): string => STATUS_LABELS[status as FilingStatus] ?? status;

export const SEVERITY = {
  error: { label: "错误", color: "red" },
  warning: { label: "提醒", color: "gold" },
  review: { label: "需人工核实", color: "blue" },
} as const;

export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
