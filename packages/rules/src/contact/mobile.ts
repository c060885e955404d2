import { report } from "../catalog.js";
import { hasNoErrors, type Finding } from "../finding.js";
import { asText } from "../text.js";

// SUB-7: a mainland mobile number, 11 digits starting 13–19.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Strips what people type around a number: spaces, dashes, a leading +86 or 86. */
export function normalizeMobile(value: string): string {
  const compact = asText(value).normalize("NFKC").replace(/[\s-]/g, "");
  return compact.replace(/^(\+?86)(?=1\d{10}$)/, "");
}

export function checkMobile(
  value: string,
  path = "mobile",
): { ok: boolean; normalized?: string; findings: Finding[] } {
  const normalized = normalizeMobile(value);
  if (normalized === "") {
    return { ok: false, findings: [report("MOBILE_REQUIRED", path, "请填写手机号码。")] };
  }
  if (!MAINLAND_MOBILE.test(normalized)) {
    const findings = [
      report(
        "MOBILE_INVALID",
        path,
        "手机号码应为中国大陆 11 位手机号（以 13–19 开头），请检查是否多输或少输了数字。",
      ),
    ];
    return { ok: hasNoErrors(findings), findings };
  }
  return { ok: true, normalized, findings: [] };
}

/** 138****5678: personal data shown in lists and logs. */
export function maskMobile(value: string): string {
  const m = normalizeMobile(value);
  return m.length === 11 ? `${m.slice(0, 3)}****${m.slice(7)}` : "***";
}
