/**
 * GB 32100 统一社会信用代码 (ID-2) and GB 11714 组织机构代码 (ID-3).
 * USCC: 1 registration authority, 1 organisation category, 6 region (GB/T 2260),
 * 9 organisation code, 1 check character; alphabet without I O S V Z.
 */
import { report } from "../catalog.js";
import { checked, type CheckResult, type Finding } from "../finding.js";
import { compactCode, MAX_CODE_LENGTH } from "../text.js";

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// 3^i mod 31 for i = 0…16 (RULES.md ID-2).
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY]$/;

/** ID-2: check character for the first 17 characters: 31 − sum mod 31, with 31 → 0. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] ?? "") * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? "";
}

export interface UsccResult extends CheckResult {
  normalized?: string;
  /** Registration authority + organisation category, e.g. "91" enterprise, "12" 事业单位. */
  category?: string;
  /** GB/T 2260 code of the registering authority. */
  regionCode?: string;
}

/** ID-2. A checksum mismatch on a well-formed code is only a warning: early codes exist that fail it. */
export function checkUscc(value: string, options: { path?: string } = {}): UsccResult {
  const path = options.path ?? "";
  const code = compactCode(value);
  if (code === "") return checked([report("CERT_NUMBER_REQUIRED", path, "请填写 18 位统一社会信用代码。")], {});
  if (/^\d{15}$/.test(code)) {
    return checked(
      [
        report(
          "USCC_LEGACY_REGISTRATION_NUMBER",
          path,
          "15 位工商注册号已停止使用，请填写营业执照上的 18 位统一社会信用代码。",
        ),
      ],
      {},
    );
  }
  if (code.length > MAX_CODE_LENGTH || !USCC_PATTERN.test(code)) {
    const hint = /[IOSVZ]/.test(code) ? "代码中不会出现字母 I、O、S、V、Z，请检查是否把数字 1、0、5 等看成了字母；" : "";
    return checked(
      [
        report(
          "USCC_FORMAT",
          path,
          `统一社会信用代码应为 18 位数字或大写字母，${hint}请按营业执照（或登记证书）逐位填写。`,
        ),
      ],
      {},
    );
  }
  const findings: Finding[] = [];
  if (code[17] !== usccCheckChar(code)) {
    findings.push(
      report(
        "USCC_CHECKSUM",
        path,
        "统一社会信用代码最后一位校验位与前 17 位不符。少数早期代码确实如此；请再逐位核对一次，确认无误可继续提交。",
      ),
    );
  }
  return checked(findings, { normalized: code, category: code.slice(0, 2), regionCode: code.slice(2, 8) });
}

const ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** ID-3: 11 − sum mod 11, with 10 → X and 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(first8[i] ?? "") * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** ID-3 组织机构代码, written "12345678-9" or "123456789". */
export function checkOrganisationCode(value: string, options: { path?: string } = {}): CheckResult & { normalized?: string } {
  const path = options.path ?? "";
  const code = compactCode(value);
  if (code === "") return checked([report("CERT_NUMBER_REQUIRED", path, "请填写 9 位组织机构代码。")], {});
  if (code.length > MAX_CODE_LENGTH || !/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
    return checked(
      [report("ORG_CODE_FORMAT", path, "组织机构代码应为 8 位数字或大写字母加 1 位校验码，例如 12345678-8。")],
      {},
    );
  }
  if (code[8] !== orgCodeCheckChar(code)) {
    return checked([report("ORG_CODE_CHECKSUM", path, "组织机构代码最后一位校验码不正确，请按证书逐位核对。")], {});
  }
  return checked([], { normalized: `${code.slice(0, 8)}-${code[8]}` });
}
