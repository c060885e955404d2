/**
 * Travel permits and passports (ID-4). These numbers have no public check character, so only
 * the structure printed on the documents is checked.
 */
import { report } from "../catalog.js";
import { checked, type CheckResult } from "../finding.js";
import { compactCode, MAX_CODE_LENGTH } from "../text.js";
import { checkForeignPermanentResidenceId18, type IdNumberOptions } from "./resident-id.js";

export type PermitResult = CheckResult & { normalized?: string };

function empty(path: string, label: string): PermitResult {
  return checked([report("CERT_NUMBER_REQUIRED", path, `请填写${label}号码。`)], {});
}

/** 港澳居民来往内地通行证 (回乡证): H or M and 8 digits; older cards add 2 issue digits. */
export function checkHkMoPass(value: string, options: { path?: string } = {}): PermitResult {
  const path = options.path ?? "";
  const n = compactCode(value);
  if (n === "") return empty(path, "港澳居民来往内地通行证");
  if (n.length > MAX_CODE_LENGTH || !/^[HM]\d{8}(\d{2})?$/.test(n)) {
    return checked(
      [report("HK_MO_PASS_FORMAT", path, "港澳居民来往内地通行证号码为 H（香港）或 M（澳门）加 8 位数字，例如 H12345678。")],
      {},
    );
  }
  return checked([], { normalized: n });
}

/** 台湾居民来往大陆通行证 (台胞证): 8 digits since 2015; older booklets 10 digits and a letter. */
export function checkTwPass(value: string, options: { path?: string } = {}): PermitResult {
  const path = options.path ?? "";
  const n = compactCode(value).replace(/[()（）]/g, "");
  if (n === "") return empty(path, "台湾居民来往大陆通行证");
  if (n.length > MAX_CODE_LENGTH || !/^(\d{8}|\d{10}[A-Z]?)$/.test(n)) {
    return checked([report("TW_PASS_FORMAT", path, "台湾居民来往大陆通行证号码为 8 位数字（旧版为 10 位数字），请按证件填写。")], {});
  }
  return checked([], { normalized: n });
}

/** Passports of any country: 5–17 letters and digits as printed on the data page. */
export function checkPassport(value: string, options: { path?: string } = {}): PermitResult {
  const path = options.path ?? "";
  const n = compactCode(value);
  if (n === "") return empty(path, "护照");
  if (n.length > MAX_CODE_LENGTH || !/^[A-Z0-9]{5,17}$/.test(n)) {
    return checked([report("PASSPORT_FORMAT", path, "护照号码应为 5–17 位字母或数字，请按护照资料页填写，不要包含空格以外的符号。")], {});
  }
  return checked([], { normalized: n });
}

/** 外国人永久居留身份证: 2017 format 3 letters + 12 digits, 2023 format 18 characters starting 9. */
export function checkForeignPermanentResidence(value: string, options: IdNumberOptions = {}): PermitResult {
  const path = options.path ?? "";
  const n = compactCode(value);
  if (n === "") return empty(path, "外国人永久居留身份证");
  if (/^[A-Z]{3}\d{12}$/.test(n)) return checked([], { normalized: n });
  if (n.length === 18) return checkForeignPermanentResidenceId18(n, options);
  return checked(
    [
      report(
        "FOREIGN_PR_FORMAT",
        path,
        "外国人永久居留身份证号码为 15 位（3 个字母加 12 位数字）或 18 位（以 9 开头），请按证件填写。",
      ),
    ],
    {},
  );
}
