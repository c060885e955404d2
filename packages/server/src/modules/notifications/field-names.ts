import { fieldPathName } from "@beian/rules";

/**
 * "1. 【网站1 · 网站名称】网站名称请与网站实际内容一致。" — one reason per line, each naming its
 * field with the form's own words (the rules' field labels), so a returned applicant reads which
 * field a reason concerns without opening the app.
 */
export function formatReasons(reasons: readonly { path?: string | null; message: string }[]): string {
  return reasons.map((r, i) => `${i + 1}. ${r.path ? `【${fieldPathName(r.path)}】` : ""}${r.message}`).join("\n");
}
