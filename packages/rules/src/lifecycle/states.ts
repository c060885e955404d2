/**
 * The filing lifecycle's states, events and who may send them (DESIGN.md, API.md, R-ST-1).
 * Stage names are what applicants see, exactly as the providers' pages word them.
 */
import type { ReturnReason } from "./effects.js";

export type FilingStatus =
  | "draft"
  | "submitted"
  | "returned_by_provider"
  | "verifying"
  | "sms_pending"
  | "bureau_review"
  | "returned_by_bureau"
  | "approved"
  | "withdrawn"
  | "expired";

export interface StatusInfo {
  /** Stage shown to the applicant (R-ST-1). */
  stage: string;
  /** The applicant may edit the filing. */
  editable: boolean;
  /** No event leaves this state. */
  final: boolean;
}

export const FILING_STATUSES: Readonly<Record<FilingStatus, StatusInfo>> = {
  draft: { stage: "未提交", editable: true, final: false },
  submitted: { stage: "待接入商审核", editable: false, final: false },
  // R-ST-1: a provider return shows as 未提交 again, with the reasons.
  returned_by_provider: { stage: "未提交", editable: true, final: false },
  verifying: { stage: "待核验", editable: false, final: false },
  sms_pending: { stage: "待短信核验", editable: false, final: false },
  bureau_review: { stage: "待管局审核", editable: false, final: false },
  returned_by_bureau: { stage: "退回主办者修改", editable: true, final: false },
  approved: { stage: "备案成功", editable: false, final: true },
  withdrawn: { stage: "已撤回", editable: false, final: true },
  expired: { stage: "已过期", editable: false, final: true },
};

export type Role = "applicant" | "reviewer" | "system" | "bureau";

export type FilingEvent =
  | { type: "submit" }
  | { type: "provider_approve" }
  | { type: "provider_return"; reasons: ReturnReason[] }
  | { type: "photo_uploaded" }
  | { type: "photo_rejected"; reasons: ReturnReason[] }
  | { type: "verification_passed"; method: "photo" | "on_site" }
  | { type: "submit_to_bureau" }
  | { type: "sms_verified" }
  | { type: "sms_failed" }
  | { type: "sms_expired" }
  | { type: "bureau_approve"; icpNumber: string }
  | { type: "bureau_return"; reason: string }
  | { type: "withdraw" }
  | { type: "expire" };

export type EventType = FilingEvent["type"];

/** Which states an event leaves from and which roles may send it. */
export const EVENT_RULES: Readonly<Record<EventType, { from: readonly FilingStatus[]; roles: readonly Role[]; label: string }>> = {
  submit: { from: ["draft", "returned_by_provider", "returned_by_bureau"], roles: ["applicant"], label: "提交备案" },
  provider_approve: { from: ["submitted"], roles: ["reviewer"], label: "初审通过" },
  provider_return: { from: ["submitted", "verifying"], roles: ["reviewer"], label: "退回主办者" },
  photo_uploaded: { from: ["verifying"], roles: ["applicant"], label: "上传核验照片" },
  photo_rejected: { from: ["verifying"], roles: ["reviewer"], label: "核验照片不通过" },
  verification_passed: { from: ["verifying"], roles: ["reviewer"], label: "核验通过" },
  // From "submitted" too: after an SMS expiry the filing is back with the provider, already verified.
  submit_to_bureau: { from: ["verifying", "submitted"], roles: ["reviewer"], label: "提交管局" },
  sms_verified: { from: ["sms_pending"], roles: ["bureau", "system"], label: "短信核验通过" },
  sms_failed: { from: ["sms_pending"], roles: ["bureau", "system"], label: "短信核验失败" },
  sms_expired: { from: ["sms_pending"], roles: ["bureau", "system"], label: "短信核验超时" },
  bureau_approve: { from: ["bureau_review"], roles: ["bureau"], label: "管局审核通过" },
  bureau_return: { from: ["bureau_review", "sms_pending"], roles: ["bureau"], label: "管局退回" },
  withdraw: {
    from: ["draft", "submitted", "returned_by_provider", "verifying", "returned_by_bureau"],
    roles: ["applicant"],
    label: "撤回申请",
  },
  expire: { from: ["draft", "returned_by_provider", "returned_by_bureau"], roles: ["system"], label: "超期关闭" },
};

/** Events a role may send in a state, for the buttons of the UIs. */
export function allowedEvents(status: FilingStatus, role: Role): EventType[] {
  return (Object.keys(EVENT_RULES) as EventType[]).filter((e) => EVENT_RULES[e].from.includes(status) && EVENT_RULES[e].roles.includes(role));
}

export function stageName(status: FilingStatus): string {
  return FILING_STATUSES[status]?.stage ?? "未知状态";
}
