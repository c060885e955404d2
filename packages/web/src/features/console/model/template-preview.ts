/**
 * The preview of a notice an admin edits: placeholders filled with sample values, so the text
 * reads as a recipient will get it. A placeholder the notice does not declare is marked — the
 * server refuses to save it — as is a required one that went missing.
 */

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Sample values by variable name (what the notices fill in), for the preview only. */
export const SAMPLE_VALUES: Record<string, string> = {
  email: "zh***@example.com",
  minutes: "15",
  subjectName: "张三",
  filingId: "0f3c9a52",
  dueAt: "2026年12月2日 24:00",
  reasons: "1. 【网站1 · 网站名称】网站名称不符合要求，请按网站实际内容填写。",
  method: "幕布照片核验",
  recipients: "138****5678（主体负责人）",
  senders: "106598051001、10655113、106575000130",
  verificationUrl: "https://zj.beian.miit.gov.cn/state/outPortal/messageAuthentication.action",
  expiresAt: "2026年12月3日 10:00",
  hours: "48",
  hoursLeft: "4",
  why: "未在 48 小时内完成短信核验",
  reason: "网站名称与主体无关",
  icpNumber: "浙ICP备2026000001号-1",
  task: "初审",
  state: "即将超时",
};

export type PreviewPart = { text: string } | { variable: string; value: string; declared: boolean };

/** The text cut into plain parts and filled placeholders. */
export function previewParts(text: string, declared: readonly string[]): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const ok = declared.includes(name);
    parts.push({ variable: name, value: ok ? (SAMPLE_VALUES[name] ?? `〔${name}〕`) : `{{${name}}}`, declared: ok });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Required variables the text leaves out. */
export function missingVariables(text: string, required: readonly string[]): string[] {
  const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  return required.filter((v) => !used.has(v));
}

/** Chinese names of the variables, shown next to the placeholders an admin may use. */
export const VARIABLE_LABELS: Record<string, string> = {
  email: "注册邮箱",
  minutes: "锁定分钟数",
  subjectName: "主办者名称",
  filingId: "备案编号",
  dueAt: "审核截止时间",
  reasons: "退回原因（逐条）",
  method: "核验方式",
  recipients: "接收验证码的手机号",
  senders: "发送号码",
  verificationUrl: "省管局短信核验网址",
  expiresAt: "验证码过期时间",
  hours: "核验时限（小时）",
  hoursLeft: "剩余小时数",
  why: "未完成的原因",
  reason: "管局退回原因",
  icpNumber: "备案号",
  task: "审核事项",
  state: "时限状态",
};
