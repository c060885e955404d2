/**
 * GB 11643 citizen identity numbers (ID-1) and the numbers that share their structure:
 * 港澳台居民居住证 (prefix 810000/820000/830000, ID-4) and the 2023 外国人永久居留身份证
 * (leading 9, ID-4). 6-digit region, 8-digit birth date, 3-digit sequence, check character.
 */
import { report, type FindingCode } from "../catalog.js";
import { checked, type CheckResult, type Finding } from "../finding.js";
import { parseIsoDate, shanghaiDate, type IsoDate } from "../calendar/local-date.js";
import { isKnownRegionPrefix, provinceCodeOf, RESIDENCE_PERMIT_PREFIXES } from "../divisions/divisions.js";
import { compactCode, MAX_CODE_LENGTH } from "../text.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** ID-1: the check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? "";
}

export interface IdNumberOptions {
  /** Enables the "birth date not in the future" check; rules never read the system clock. */
  now?: Date;
  /** Field path for findings. */
  path?: string;
}

export interface IdNumberResult extends CheckResult {
  normalized?: string;
  birthDate?: IsoDate;
  regionCode?: string;
  sex?: "male" | "female";
}

type Kind = "resident_id" | "residence_permit" | "foreign_pr";

const LABEL: Record<Kind, string> = {
  resident_id: "身份证号码",
  residence_permit: "港澳台居民居住证号码",
  foreign_pr: "外国人永久居留身份证号码",
};

/** ID-1 居民身份证. Lower-case x is accepted and normalised to X. */
export function checkResidentId(value: string, options: IdNumberOptions = {}): IdNumberResult {
  return checkGb11643(value, "resident_id", options);
}

/** ID-4 港澳台居民居住证: resident-ID structure with prefix 810000, 820000 or 830000. */
export function checkResidencePermit(value: string, options: IdNumberOptions = {}): IdNumberResult {
  return checkGb11643(value, "residence_permit", options);
}

/** ID-4 外国人永久居留身份证 of the 2023 format: 18 characters starting with 9. */
export function checkForeignPermanentResidenceId18(value: string, options: IdNumberOptions = {}): IdNumberResult {
  return checkGb11643(value, "foreign_pr", options);
}

function checkGb11643(value: string, kind: Kind, options: IdNumberOptions): IdNumberResult {
  const path = options.path ?? "";
  const label = LABEL[kind];
  const id = compactCode(value);
  const fail = (code: FindingCode, message: string): IdNumberResult => checked([report(code, path, message)], {});

  if (id === "") return fail("CERT_NUMBER_REQUIRED", `请填写${label}。`);
  if (kind === "resident_id" && /^\d{15}$/.test(id)) {
    return fail("RESIDENT_ID_FIRST_GENERATION", "15 位的一代身份证号码已停止使用，请填写二代身份证上的 18 位号码。");
  }
  if (id.length > MAX_CODE_LENGTH || !/^\d{17}[\dX]$/.test(id)) {
    return fail(
      "RESIDENT_ID_FORMAT",
      `${label}应为 18 位：前 17 位是数字，最后一位是数字或字母 X，当前填写了 ${Math.min(id.length, 999)} 位或含有其他字符。`,
    );
  }

  const findings: Finding[] = [];
  const region = id.slice(0, 6);
  if (kind === "residence_permit") {
    if (!(region in RESIDENCE_PERMIT_PREFIXES)) {
      findings.push(
        report("RESIDENCE_PERMIT_PREFIX", path, "港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头，请核对证件。"),
      );
    }
  } else if (kind === "foreign_pr") {
    if (!id.startsWith("9")) {
      findings.push(report("FOREIGN_PR_FORMAT", path, "18 位的外国人永久居留身份证号码以 9 开头，请核对证件。"));
    }
  } else if (region in RESIDENCE_PERMIT_PREFIXES) {
    findings.push(
      report(
        "RESIDENT_ID_IS_RESIDENCE_PERMIT",
        path,
        `以 ${region} 开头的是港澳台居民居住证号码，请把证件类型改为“港澳台居民居住证”。`,
      ),
    );
  } else if (!provinceCodeOf(region)) {
    findings.push(
      report("RESIDENT_ID_REGION_UNKNOWN", path, `身份证号码前 6 位 ${region} 不是有效的地区码，请逐位核对身份证号码。`),
    );
  } else if (!isKnownRegionPrefix(region)) {
    // Old cards keep the code of a since-abolished county; the card stays valid, so only warn.
    findings.push(
      report(
        "RESIDENT_ID_REGION_OUTDATED",
        path,
        `身份证号码前 6 位 ${region} 不在现行行政区划代码中（可能是已撤销的旧区县），请核对号码是否填写正确。`,
      ),
    );
  }

  const birthDate = parseIsoDate(id.slice(6, 14));
  const today = options.now ? shanghaiDate(options.now) : undefined;
  if (!birthDate || birthDate < "1800-01-01") {
    findings.push(
      report("RESIDENT_ID_BIRTH_DATE_INVALID", path, `${label}第 7–14 位应为出生日期（年月日），“${id.slice(6, 14)}”不是有效日期。`),
    );
  } else if (today && birthDate > today) {
    findings.push(report("RESIDENT_ID_BIRTH_DATE_FUTURE", path, `${label}中的出生日期 ${birthDate} 晚于今天，请核对号码。`));
  }

  const expected = residentIdCheckChar(id);
  if (id[17] !== expected) {
    findings.push(
      report("RESIDENT_ID_CHECKSUM", path, `${label}最后一位校验位不正确，请逐位核对号码（可能有数字填错或顺序颠倒）。`),
    );
  }

  return checked(findings, {
    normalized: id,
    ...(birthDate ? { birthDate } : {}),
    regionCode: region,
    sex: Number(id[16]) % 2 === 1 ? ("male" as const) : ("female" as const),
  });
}
