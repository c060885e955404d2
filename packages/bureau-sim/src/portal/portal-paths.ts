/**
 * R-SMS-7: each province's verification page lives, in the simulator, at the path of its real
 * URL prefixed by the host's first label: https://zj.beian.miit.gov.cn/state/outPortal/
 * messageAuthentication.action → /zj/state/outPortal/messageAuthentication.action. The table
 * comes from @beian/rules; 海南 and 湖南 share the "hn" host but not the page, so paths differ.
 */
import { DEFAULT_POLICIES, PROVINCE_KEYS, type ProvinceKey } from "@beian/rules";

export function portalPath(url: string): string {
  const u = new URL(url);
  return `/${u.hostname.split(".")[0]}${u.pathname}`;
}

export function portalPaths(): { province: ProvinceKey; path: string }[] {
  const seen = new Set<string>();
  const out: { province: ProvinceKey; path: string }[] = [];
  for (const province of PROVINCE_KEYS) {
    const path = portalPath(DEFAULT_POLICIES[province].rules.smsVerification.value.url);
    // First province wins should the table ever list one page twice.
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ province, path });
  }
  return out;
}
