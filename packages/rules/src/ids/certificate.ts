/**
 * One entry point per certificate: the number by type (ID-1…ID-4) and the validity date
 * (ID-5). Province-dependent parts (how many months must remain, warning or error) come in
 * as options so that this stays independent of the policy table.
 */
import { report } from "../catalog.js";
import { checked, type CheckResult, type Finding, type Severity } from "../finding.js";
import { addMonths, parseIsoDate, shanghaiDate, type IsoDate } from "../calendar/local-date.js";
import { SUBJECT_NATURES, type SubjectNature, type SubjectNatureInfo } from "../subjects/natures.js";
import { compactCode } from "../text.js";
import { CERTIFICATE_TYPES, isCertificateType } from "./certificate-types.js";
import { checkForeignPermanentResidence, checkHkMoPass, checkPassport, checkTwPass } from "./permits.js";
import { checkResidencePermit, checkResidentId } from "./resident-id.js";
import { checkOrganisationCode, checkUscc } from "./uscc.js";

export interface CertificateNumberOptions {
  path?: string;
  now?: Date;
  /** When given, a USCC whose category does not fit the nature gets a warning (ID-4). */
  nature?: SubjectNature;
}

export type CertificateNumberResult = CheckResult & { normalized?: string; birthDate?: IsoDate; regionCode?: string };

/** ID-1…ID-4: validates `number` as a certificate of `type`. Unknown types are an error. */
export function checkCertificateNumber(
  type: string,
  number: string,
  options: CertificateNumberOptions = {},
): CertificateNumberResult {
  const path = options.path ?? "";
  if (!isCertificateType(type)) {
    return checked([report("CERT_TYPE_NOT_ALLOWED", path, "请选择证件类型。")], {});
  }
  const info = CERTIFICATE_TYPES[type];
  const opts = { path, ...(options.now ? { now: options.now } : {}) };
  switch (info.format) {
    case "gb11643":
      return checkResidentId(number, opts);
    case "residence_permit":
      return checkResidencePermit(number, opts);
    case "passport":
      return checkPassport(number, opts);
    case "hk_mo_pass":
      return checkHkMoPass(number, opts);
    case "tw_pass":
      return checkTwPass(number, opts);
    case "foreign_pr":
      return checkForeignPermanentResidence(number, opts);
    case "org_code":
      return checkOrganisationCode(number, opts);
    case "uscc":
      return withNatureCheck(checkUscc(number, opts), options.nature, path);
    case "uscc_or_manual": {
      const code = compactCode(number);
      if (code.length === 18) return withNatureCheck(checkUscc(code, opts), options.nature, path);
      if (code === "") return checked([report("CERT_NUMBER_REQUIRED", path, `请填写${info.label}上的证书号码。`)], {});
      return checked(
        [
          report(
            "CERT_NUMBER_MANUAL_CHECK",
            path,
            `${info.label}号码不是 18 位统一社会信用代码；如证书上已有统一社会信用代码请改填该代码，否则由审核员人工核对。`,
          ),
        ],
        { normalized: code },
      );
    }
    case "manual": {
      const code = compactCode(number);
      if (code === "") return checked([report("CERT_NUMBER_REQUIRED", path, `请填写${info.label}号码。`)], {});
      return checked(
        [report("CERT_NUMBER_MANUAL_CHECK", path, `${info.label}没有统一的编码规则，由审核员对照证件原件核对。`)],
        { normalized: code.slice(0, 64) },
      );
    }
  }
}

function withNatureCheck(
  result: ReturnType<typeof checkUscc>,
  nature: SubjectNature | undefined,
  path: string,
): CertificateNumberResult {
  if (!nature || !result.category) return result;
  const info: SubjectNatureInfo = SUBJECT_NATURES[nature];
  if (!info.usccCategories || info.usccCategories.includes(result.category)) return result;
  const findings: Finding[] = [
    ...result.findings,
    report(
      "USCC_NATURE_MISMATCH",
      path,
      `统一社会信用代码前两位“${result.category}”表示的登记类别与所选单位性质“${info.label}”不符，请核对单位性质或代码。`,
    ),
  ];
  return checked(findings, { normalized: result.normalized, regionCode: result.regionCode });
}

export const PERMANENT = "长期";

export interface ValidityOptions {
  now: Date;
  path?: string;
  /** Months that must remain (ID-5: ID cards 3; Shanghai licences 6, 居住证 1). 0 = only not expired. */
  minMonths?: number;
  /** Severity when fewer months remain; provinces differ (ID-5). */
  severity?: Severity;
  label?: string;
}

/** ID-5: "YYYY-MM-DD" or 长期. An expired certificate is always an error. */
export function checkCertificateValidity(validUntil: string, options: ValidityOptions): CheckResult & { normalized?: string } {
  const path = options.path ?? "";
  const label = options.label ?? "证件";
  const raw = typeof validUntil === "string" ? validUntil.normalize("NFKC").trim() : "";
  if (raw === "") return checked([report("CERT_VALIDITY_REQUIRED", path, `请填写${label}有效期截止日期；长期有效的请选择“长期”。`)], {});
  if (raw === PERMANENT || raw === "长期有效") return checked([], { normalized: PERMANENT });
  const date = parseIsoDate(raw.replace(/[./年月]/g, "-").replace(/日$/, "").replace(/-(\d)(?=-|$)/g, "-0$1"));
  if (!date) {
    return checked(
      [report("CERT_VALIDITY_FORMAT", path, `${label}有效期应写成“年-月-日”（例如 2030-06-30）或选择“长期”。`)],
      {},
    );
  }
  const today = shanghaiDate(options.now);
  if (date < today) {
    return checked([report("CERT_EXPIRED", path, `${label}已于 ${date} 过期，请换用有效证件后再提交。`)], { normalized: date });
  }
  const months = options.minMonths ?? 0;
  if (months > 0 && date <= addMonths(today, months)) {
    return checked(
      [
        report(
          "CERT_EXPIRING_SOON",
          path,
          `${label}将于 ${date} 到期，剩余有效期不足 ${months} 个月；备案期间证件可能过期，请先换领新证件。`,
          options.severity ? { severity: options.severity } : {},
        ),
      ],
      { normalized: date },
    );
  }
  return checked([], { normalized: date });
}
