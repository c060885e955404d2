/**
 * ICP numbers (NUM-1, NUM-2):
 *   subject (主体) number  京ICP备12345678号          serial of 8 or 10 digits
 *   website number         京ICP备12345678号-1
 *   app number             京ICP备12345678号-1A
 *   licence number         京ICP证030173号             6 digits (经营性, 许可证)
 *   VAT licence            京B2-20090059               8 digits (增值电信业务经营许可证)
 * The province is returned as written, so 川/甘/贵 numbers round-trip unchanged.
 */
import { report } from "./catalog.js";
import { checked, type CheckResult } from "./finding.js";
import { provinceByAbbreviation, type ProvinceKey } from "./provinces/identity.js";
import { asText } from "./text.js";

export interface IcpNumber {
  province: string;
  serial: string;
  /** Website sequence after "-"; null for a subject number. */
  site: number | null;
  kind: "filing" | "license";
  /** "ICP证" licence or "B2" value-added telecom licence, for kind "license". */
  licenceType?: "icp" | "b2";
  /** Mini-program / app numbers end in "A" (-1A). */
  app?: boolean;
}

export type IcpNumberResult = CheckResult & Partial<IcpNumber> & { provinceKey?: ProvinceKey };

const FILING = /^(\p{Script=Han})ICP备(\d{8}|\d{10})号(?:-([1-9]\d{0,3})(A)?)?$/u;
const LICENCE = /^(\p{Script=Han})ICP证(\d{6})号(?:-([1-9]\d{0,3}))?$/u;
const B2 = /^(\p{Script=Han})B2-(\d{8})$/u;

/** NUM-1/NUM-2. Full-width characters, spaces and lower-case "icp" are tolerated. */
export function parseIcpNumber(value: string, options: { path?: string } = {}): IcpNumberResult {
  const path = options.path ?? "";
  const text = asText(value).normalize("NFKC").replace(/\s+/g, "").replace(/icp/i, "ICP").replace(/b2-/i, "B2-");
  if (text === "") return checked([report("ICP_NUMBER_REQUIRED", path, "请填写备案号，例如 京ICP备12345678号。")], {});
  if (text.length > 40) return formatError(path);

  let parsed: (IcpNumber & { abbr: string }) | undefined;
  let m = FILING.exec(text);
  if (m) {
    parsed = {
      abbr: m[1] ?? "",
      province: m[1] ?? "",
      serial: m[2] ?? "",
      site: m[3] ? Number(m[3]) : null,
      kind: "filing",
      ...(m[4] ? { app: true } : {}),
    };
  } else if ((m = LICENCE.exec(text))) {
    parsed = {
      abbr: m[1] ?? "",
      province: m[1] ?? "",
      serial: m[2] ?? "",
      site: m[3] ? Number(m[3]) : null,
      kind: "license",
      licenceType: "icp",
    };
  } else if ((m = B2.exec(text))) {
    parsed = { abbr: m[1] ?? "", province: m[1] ?? "", serial: m[2] ?? "", site: null, kind: "license", licenceType: "b2" };
  }
  if (!parsed) return formatError(path);

  const provinceKey = provinceByAbbreviation(parsed.abbr);
  if (!provinceKey) {
    return checked(
      [report("ICP_NUMBER_PROVINCE_UNKNOWN", path, `备案号开头的“${parsed.abbr}”不是省份简称，请核对备案号（例如 京、沪、粤、川）。`)],
      {},
    );
  }
  const { abbr: _abbr, ...number } = parsed;
  return checked([], { ...number, provinceKey });
}

function formatError(path: string): IcpNumberResult {
  return checked(
    [
      report(
        "ICP_NUMBER_FORMAT",
        path,
        "备案号格式不正确。主体备案号形如 京ICP备12345678号，网站备案号在后面加“-序号”，如 京ICP备12345678号-1；许可证号形如 京ICP证030173号。",
      ),
    ],
    {},
  );
}

/** NUM-1: the canonical text of a number. */
export function formatIcpNumber(n: IcpNumber): string {
  if (n.kind === "license" && n.licenceType === "b2") return `${n.province}B2-${n.serial}`;
  const head = n.kind === "license" ? `${n.province}ICP证${n.serial}号` : `${n.province}ICP备${n.serial}号`;
  return n.site === null ? head : `${head}-${n.site}${n.app ? "A" : ""}`;
}
