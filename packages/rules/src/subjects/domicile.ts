/**
 * SUB-4: organisations file in the province of their certificate's domicile (证件住所).
 * The domicile is free text as printed on the licence; it usually starts with the province
 * or, often, directly with the city ("深圳市南山区…"), so both are recognised.
 */
import { listCities } from "../divisions/divisions.js";
import { PROVINCE_KEYS, PROVINCES, type ProvinceIdentity, type ProvinceKey } from "../provinces/identity.js";

const localNames = new Map<ProvinceKey, string[]>();

function namesOfProvince(key: ProvinceKey): string[] {
  let names = localNames.get(key);
  if (!names) {
    const p: ProvinceIdentity = PROVINCES[key];
    const cities = listCities(p.divisionCode).flatMap((c) => {
      const short = c.name.replace(/(市|地区|自治州|盟)$/u, "");
      return short.length >= 2 ? [c.name, short] : [c.name];
    });
    names = [p.name, p.shortName, ...cities].filter((n) => !/直辖/.test(n));
    localNames.set(key, names);
  }
  return names;
}

export type DomicileVerdict = { kind: "local" } | { kind: "other"; province: ProvinceKey } | { kind: "unclear" };

export function domicileProvince(domicile: string, filingProvince: ProvinceKey): DomicileVerdict {
  const text = domicile.replace(/\s/g, "");
  // Another province named at the very start is decisive; elsewhere it may be a street name (上海 江西中路).
  for (const key of PROVINCE_KEYS) {
    if (key === filingProvince) continue;
    const p: ProvinceIdentity = PROVINCES[key];
    if (text.startsWith(p.shortName)) return { kind: "other", province: key };
  }
  return namesOfProvince(filingProvince).some((n) => text.includes(n)) ? { kind: "local" } : { kind: "unclear" };
}
