import { EVENT_RULES, type EventType } from "@beian/rules";
import { statusLabel } from "./format";

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  applicant: "主办者",
  reviewer: "审核员",
  admin: "管理员",
  system: "系统",
  bureau: "管局",
};

const ACTIONS: Readonly<Record<string, string>> = {
  "filing.created": "创建备案申请",
  "material.uploaded": "上传备案资料",
  "verification.chosen": "选择核验方式",
  "verification.curtain_mailed": "登记幕布寄出",
};

/** An audit action in words (R-ST-2): lifecycle events by the rules' own labels. */
export function actionLabel(action: string, toState: string | null): string {
  if (ACTIONS[action]) return ACTIONS[action]!;
  const event = action.replace(/^filing\./, "") as EventType;
  if (EVENT_RULES[event]) return EVENT_RULES[event].label;
  return toState ? `状态变为${statusLabel(toState)}` : "其他操作";
}

export const RETURN_SOURCES = { provider: "接入商退回", photo: "核验照片不通过", bureau: "管局退回" } as const;
