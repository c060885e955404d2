/** SUB-8 / SUB-9: the correspondence address (通信地址) of the subject. */
import { report } from "../catalog.js";
import type { Finding } from "../finding.js";
import type { AddressInput } from "../filing/types.js";
import { divisionName, isWithin, listDistricts, listProvinces } from "../divisions/divisions.js";
import { asText, charLength, cleanText } from "../text.js";

const SYMBOLS = /[^\p{Script=Han}A-Za-z0-9 \-()·]/gu;
// "down to the room number": a number followed by a unit word.
const ROOM = /\d+\s*(号|室|房|户)/;

/** "浙江省" → ["浙江省", "浙江"]; short forms of at least two characters. */
function namesOf(code: string): string[] {
  const name = divisionName(code);
  if (!name) return [];
  const short = name.replace(/(省|市|自治区|特别行政区|地区|自治州|盟|区|县|旗)$/u, "");
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

export function checkAddress(address: AddressInput | undefined, path: string): Finding[] {
  const findings: Finding[] = [];
  const province = asText(address?.provinceCode);
  const city = asText(address?.cityCode);
  const district = asText(address?.districtCode);
  const needsDistrict = city !== "" && listDistricts(city).length > 0;

  if (province === "" || city === "" || (needsDistrict && district === "")) {
    findings.push(report("ADDRESS_DIVISION_REQUIRED", `${path}.provinceCode`, "请依次选择通信地址所在的省、市、区（县）。"));
  } else if (!isWithin(city, province) || (district !== "" && !isWithin(district, city))) {
    findings.push(report("ADDRESS_DIVISION_MISMATCH", `${path}.districtCode`, "所选的市不属于所选省份，或区（县）不属于所选城市，请重新选择。"));
  }

  const detail = cleanText(address?.detail);
  if (detail === "") {
    findings.push(report("ADDRESS_DETAIL_REQUIRED", `${path}.detail`, "请填写详细地址，具体到门牌号和房间号，例如“文三路 100 号 1 幢 501 室”。"));
    return findings;
  }
  if (charLength(detail) > 200) {
    findings.push(report("ADDRESS_TOO_LONG", `${path}.detail`, "通信地址最多 200 个字，请精简。"));
    return findings;
  }
  const symbols = detail.match(SYMBOLS);
  if (symbols) {
    findings.push(
      report(
        "ADDRESS_DETAIL_SYMBOLS",
        `${path}.detail`,
        `详细地址不能包含特殊符号 ${[...new Set(symbols)].slice(0, 5).map((s) => `“${s}”`).join("、")}；“#”请写成“号”。`,
      ),
    );
  }
  if (!ROOM.test(detail)) {
    findings.push(report("ADDRESS_DETAIL_NO_ROOM", `${path}.detail`, "详细地址请写到门牌号和房间号，例如“100 号 501 室”。"));
  }
  const repeated = [province, city, district].flatMap(namesOf).find((n) => detail.startsWith(n));
  if (repeated) {
    findings.push(
      report("ADDRESS_DETAIL_REPEATS_DIVISION", `${path}.detail`, `详细地址不必重复已选择的“${repeated}”，请从街道（路）开始填写。`),
    );
  }
  return findings;
}

/**
 * R-REV-2: the provider posts a curtain only to a mainland address; 香港、澳门、台湾 and addresses
 * abroad are refused (the applicant then uses their own plain background or on-site verification).
 */
export function checkMailingAddress(address: AddressInput | undefined, path: string): Finding[] {
  const province = asText(address?.provinceCode);
  if (province !== "" && !listProvinces().some((p) => p.code === province)) {
    return [report("MAILING_NOT_MAINLAND", `${path}.provinceCode`, "幕布只能寄往中国大陆地址，香港、澳门、台湾及境外地址无法邮寄；请填写大陆收件地址，或选择现场核验。")];
  }
  return checkAddress(address, path).filter((f) => f.severity === "error");
}
