/**
 * R-SMS-7: provinces where SMS verification applied from 2017-12-18 09:00 (pilot) and each
 * province's verification page, as listed by the seed page. Kept verbatim as data so a
 * provider admin can correct it: the page lists "hn." for both 海南 and 湖南, and some
 * provinces use loginPortal.action instead of messageAuthentication.action.
 */
import type { ProvinceKey } from "./identity.js";
import { SOURCES } from "./sources.js";
import type { PolicyEntry } from "./policy-types.js";

export interface SmsVerification {
  /** Listed among the 2017-12-18 pilot provinces. */
  pilot: boolean;
  /** Province verification page (certificate number + mobile + code). */
  url: string;
}

const MSG = "state/outPortal/messageAuthentication.action";
const LOGIN = "state/outPortal/loginPortal.action";

const PILOT = new Set<ProvinceKey>([
  "tj", "gs", "xz", "nx", "hi", "xj", "qh", "sx", "nm", "hl", "zj",
  "ah", "fj", "sd", "ha", "hb", "hn", "gx", "cq", "sc", "sn", "yn",
]);

// Host prefix and page as printed on the seed page.
const PAGES: Record<ProvinceKey, [string, string]> = {
  bj: ["bj", MSG], gs: ["gs", MSG], xz: ["xz", MSG], nx: ["nx", MSG], hi: ["hn", MSG],
  xj: ["xj", MSG], qh: ["qh", MSG], tj: ["tj", MSG], sx: ["sx", MSG], nm: ["nm", LOGIN],
  hl: ["hl", MSG], zj: ["zj", MSG], ah: ["ah", LOGIN], fj: ["fj", LOGIN], sd: ["sd", LOGIN],
  ha: ["ha", LOGIN], hb: ["hb", MSG], he: ["he", MSG], ln: ["ln", MSG], jl: ["jl", MSG],
  sh: ["sh", MSG], js: ["js", MSG], jx: ["jx", MSG], hn: ["hn", LOGIN], gx: ["gx", MSG],
  cq: ["cq", MSG], sc: ["sc", MSG], gz: ["gz", MSG], yn: ["yn", MSG], sn: ["sn", MSG],
  gd: ["gd", MSG],
};

const DUPLICATE_HN =
  "来源页把海南和湖南都写成 hn.beian.miit.gov.cn（已知问题，未改动）；请管理员核实后在省份配置中覆盖。";

export function smsVerificationEntry(key: ProvinceKey): PolicyEntry<SmsVerification> {
  const [host, page] = PAGES[key];
  return {
    value: { pilot: PILOT.has(key), url: `https://${host}.beian.miit.gov.cn/${page}` },
    source: SOURCES.seedMaterials,
    year: 2017,
    ...(key === "hi" || key === "hn" ? { note: DUPLICATE_HN } : {}),
  };
}

/** R-SMS-8: fixed sender numbers of the three carriers; virtual operators have none. */
export const SMS_SENDER_NUMBERS = [
  { carrier: "中国电信", number: "106598051001" },
  { carrier: "中国联通", number: "10655113" },
  { carrier: "中国移动", number: "106575000130" },
] as const;
