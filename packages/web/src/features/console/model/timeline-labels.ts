import type { TFiling } from "@beian/contracts";
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

type Entry = TFiling["timeline"][number];

/**
 * The timeline as a reviewer reads it: a run of uploads is one line ("上传备案资料（3 份）"), and
 * the upload row of a curtain photo, which its "上传核验照片" transition already says, is dropped.
 */
export function compactTimeline(timeline: Entry[]): (Entry & { count: number })[] {
  const out: (Entry & { count: number })[] = [];
  const near = (a: Entry, b: Entry) => Math.abs(Date.parse(a.at) - Date.parse(b.at)) < 5_000;
  timeline.forEach((e, i) => {
    if (e.action === "material.uploaded") {
      const next = timeline[i + 1];
      if (next?.action === "filing.photo_uploaded" && near(e, next)) return;
      const last = out.at(-1);
      if (last?.action === "material.uploaded") {
        last.count += 1;
        last.at = e.at;
        return;
      }
    }
    out.push({ ...e, count: 1 });
  });
  return out;
}

export const RETURN_SOURCES = { provider: "接入商退回", photo: "核验照片不通过", bureau: "管局退回" } as const;
