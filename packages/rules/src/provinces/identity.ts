/**
 * The 31 provincial bureaus (省通信管理局): key (ISO 3166-2:CN suffix, lower case), name,
 * ICP-number abbreviation (NUM-2) and GB/T 2260 province code. Older numbers also use
 * 川 (四川), 甘 (甘肃) and 贵 (贵州); the parser accepts them (NUM-2).
 */
export interface ProvinceIdentity {
  name: string;
  shortName: string;
  abbr: string;
  legacyAbbr?: string;
  divisionCode: string;
}

export const PROVINCES = {
  bj: { name: "北京市", shortName: "北京", abbr: "京", divisionCode: "110000" },
  tj: { name: "天津市", shortName: "天津", abbr: "津", divisionCode: "120000" },
  he: { name: "河北省", shortName: "河北", abbr: "冀", divisionCode: "130000" },
  sx: { name: "山西省", shortName: "山西", abbr: "晋", divisionCode: "140000" },
  nm: { name: "内蒙古自治区", shortName: "内蒙古", abbr: "蒙", divisionCode: "150000" },
  ln: { name: "辽宁省", shortName: "辽宁", abbr: "辽", divisionCode: "210000" },
  jl: { name: "吉林省", shortName: "吉林", abbr: "吉", divisionCode: "220000" },
  hl: { name: "黑龙江省", shortName: "黑龙江", abbr: "黑", divisionCode: "230000" },
  sh: { name: "上海市", shortName: "上海", abbr: "沪", divisionCode: "310000" },
  js: { name: "江苏省", shortName: "江苏", abbr: "苏", divisionCode: "320000" },
  zj: { name: "浙江省", shortName: "浙江", abbr: "浙", divisionCode: "330000" },
  ah: { name: "安徽省", shortName: "安徽", abbr: "皖", divisionCode: "340000" },
  fj: { name: "福建省", shortName: "福建", abbr: "闽", divisionCode: "350000" },
  jx: { name: "江西省", shortName: "江西", abbr: "赣", divisionCode: "360000" },
  sd: { name: "山东省", shortName: "山东", abbr: "鲁", divisionCode: "370000" },
  ha: { name: "河南省", shortName: "河南", abbr: "豫", divisionCode: "410000" },
  hb: { name: "湖北省", shortName: "湖北", abbr: "鄂", divisionCode: "420000" },
  hn: { name: "湖南省", shortName: "湖南", abbr: "湘", divisionCode: "430000" },
  gd: { name: "广东省", shortName: "广东", abbr: "粤", divisionCode: "440000" },
  gx: { name: "广西壮族自治区", shortName: "广西", abbr: "桂", divisionCode: "450000" },
  hi: { name: "海南省", shortName: "海南", abbr: "琼", divisionCode: "460000" },
  cq: { name: "重庆市", shortName: "重庆", abbr: "渝", divisionCode: "500000" },
  sc: { name: "四川省", shortName: "四川", abbr: "蜀", legacyAbbr: "川", divisionCode: "510000" },
  gz: { name: "贵州省", shortName: "贵州", abbr: "黔", legacyAbbr: "贵", divisionCode: "520000" },
  yn: { name: "云南省", shortName: "云南", abbr: "滇", divisionCode: "530000" },
  xz: { name: "西藏自治区", shortName: "西藏", abbr: "藏", divisionCode: "540000" },
  sn: { name: "陕西省", shortName: "陕西", abbr: "陕", divisionCode: "610000" },
  gs: { name: "甘肃省", shortName: "甘肃", abbr: "陇", legacyAbbr: "甘", divisionCode: "620000" },
  qh: { name: "青海省", shortName: "青海", abbr: "青", divisionCode: "630000" },
  nx: { name: "宁夏回族自治区", shortName: "宁夏", abbr: "宁", divisionCode: "640000" },
  xj: { name: "新疆维吾尔自治区", shortName: "新疆", abbr: "新", divisionCode: "650000" },
} as const satisfies Record<string, ProvinceIdentity>;

export type ProvinceKey = keyof typeof PROVINCES;

export const PROVINCE_KEYS = Object.keys(PROVINCES) as ProvinceKey[];

export function isProvinceKey(value: unknown): value is ProvinceKey {
  return typeof value === "string" && Object.hasOwn(PROVINCES, value);
}

/**
 * Finds a province from whatever a caller holds: key ("sh"), name ("上海市" / "上海"),
 * ICP abbreviation ("沪", also the legacy 川/甘/贵) or any GB/T 2260 code inside it ("310104").
 */
export function resolveProvince(value: unknown): ProvinceKey | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  const lower = v.toLowerCase();
  if (isProvinceKey(lower)) return lower;
  for (const key of PROVINCE_KEYS) {
    const p: ProvinceIdentity = PROVINCES[key];
    if (v === p.name || v === p.shortName || v === p.abbr || (p.legacyAbbr !== undefined && v === p.legacyAbbr)) return key;
    if (/^\d{6}$/.test(v) && v.slice(0, 2) === p.divisionCode.slice(0, 2)) return key;
  }
  return undefined;
}

/** The province whose ICP abbreviation (current or legacy) is `abbr`. */
export function provinceByAbbreviation(abbr: string): ProvinceKey | undefined {
  return PROVINCE_KEYS.find((k) => {
    const p: ProvinceIdentity = PROVINCES[k];
    return p.abbr === abbr || p.legacyAbbr === abbr;
  });
}
