/**
 * Province pages (R-HELP-1): every policy entry of a province in words, with its rule id, source
 * and year. "Special" means the value differs from what most provinces have (the common rule),
 * or the provider's admin has overridden it; the rest is listed as the common rule.
 */
import {
  DEFAULT_POLICIES,
  POLICY_FIELDS,
  PRE_APPROVAL_CATEGORIES,
  PROVINCE_KEYS,
  type PolicyEntry,
  type PolicyKey,
  type PolicyValues,
  type ProvinceKey,
  type ProvincePolicies,
} from "@beian/rules";

export const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

const yesNo = (b: boolean) => (b ? "是" : "否");
const list = (words: readonly string[]) => (words.length === 0 ? "无" : words.map((w) => `“${w}”`).join("、"));

type Describers = { [K in PolicyKey]: (v: PolicyValues[K]) => string };

const DESCRIBE: Describers = {
  smsVerification: (v) => `${v.pilot ? "2017-12-18 起首批实行短信核验的省份" : "短信核验"}；核验页面 ${v.url}`,
  nonLocalIndividuals: (v) =>
    v.mode === "allowed" ? "接受外省个人备案" : v.mode === "refused" ? "不接受外省个人备案（身份证不是本省签发的个人不能在本省备案）" : `外省个人需提供${v.acceptedProofs.join("或")}`,
  minimumAge: (v) =>
    v.proofOfIncomeBelow !== null
      ? `未满 ${v.refusedBelow} 周岁不能备案；${v.refusedBelow}–${v.proofOfIncomeBelow} 周岁需提供收入证明`
      : `个人备案者须年满 ${v.refusedBelow} 周岁`,
  temporaryIdCard: (v) => (v === "accepted" ? "接受临时身份证" : "不接受临时身份证"),
  certificateValidity: (v) =>
    [
      `身份证剩余有效期须大于 ${v.idCardMonths} 个月`,
      v.organisationMonths > 0 ? `单位证件大于 ${v.organisationMonths} 个月` : "",
      v.residencePermitMonths > 0 ? `居住证大于 ${v.residencePermitMonths} 个月` : "",
    ]
      .filter(Boolean)
      .join("，") + (v.severity === "error" ? "（不满足不能提交）" : "（不满足时提醒）"),
  authorizationLetter: (v) =>
    v.namedExplicitly ? "本省明确要求：网站负责人不是法定代表人时提供网站备案授权书" : "网站负责人不是法定代表人时提供网站备案授权书（各省通用）",
  localMobile: (v) => (v ? "负责人须使用本省手机号码（由审核员核对）" : "不限手机号码归属地"),
  domainMinRemainingDays: (v) => `域名剩余注册期限须大于 ${v} 天`,
  domainCertificate: (v) =>
    [
      v.fromDomainCount <= 1 ? "每个备案都需提供域名证书" : `域名达到 ${v.fromDomainCount} 个时需提供域名证书`,
      v.personalFromDomainCount !== null ? `个人备案域名达到 ${v.personalFromDomainCount} 个时需提供` : "",
      v.personalConstructionPlanAbove !== null ? `个人备案超过 ${v.personalConstructionPlanAbove} 个域名需提供网站建设方案书` : "",
    ]
      .filter(Boolean)
      .join("；"),
  oneDomainPerWebsite: (v) => (v ? "每个网站只能填写一个域名" : "一个网站可填写多个域名"),
  oneWebsitePerApplication: (v) => (v ? "每次申请只能填写一个网站" : "一次申请可填写多个网站"),
  personalSiteNamePattern: (v) => (v ? `个人网站名称须为规定格式，例如“${v.example}”` : "个人网站名称无固定格式"),
  siteNameForbiddenWords: (v) => `网站名称禁用词：${list(v)}`,
  siteNameApprovalWords: (v) =>
    v.length === 0 ? "网站名称无需前置审批的特别用词" : v.map((w) => `含“${w.word}”需${PRE_APPROVAL_CATEGORIES[w.category].permit}`).join("；"),
  personalRemarkDisclaimer: (v) => (v ? `个人网站备注须包含声明“${v}……”` : "个人网站备注无固定声明"),
  financeWordsRequireLegalRep: (v) => (v.length === 0 ? "无特别要求" : `网站名称含${list(v)}时，网站负责人须为法定代表人`),
  legacyPreApprovals: (v) => (v.length === 0 ? "不要求已在全国取消的前置审批" : `仍要求：${v.map((c) => PRE_APPROVAL_CATEGORIES[c].label).join("、")}`),
  commitmentLetter: (v) => (v ? `须提交《${v.title}》${v.since ? `（自 ${v.since} 起）` : ""}` : "无需省份承诺书"),
  formVariant: (v) => (v === "guangdong" ? "使用广东版核验单" : "使用公共版核验单"),
  fingerprint: (v) => (v.personal ? (v.atSignature ? "个人核验单签字并在签名处按手印" : "个人核验单签字并按手印") : "个人核验单只需签字"),
  verificationFormPerDomain: (v) => (v ? "每个域名一份核验单" : "每次备案一份核验单"),
  verificationFormMaxAgeMonths: (v) => (v === null ? "核验单日期无特别要求" : `核验单签署日期须在 ${v} 个月以内`),
  photoSlogan: (v) => (v ? `幕布照须露出标语“${v}”` : "幕布照无需标语"),
};

export function describePolicy<K extends PolicyKey>(key: K, value: PolicyValues[K]): string {
  return DESCRIBE[key](value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value most provinces have for each key (the common rule); the SMS page differs everywhere by design. */
export const COMMON_VALUES: { [K in PolicyKey]?: PolicyValues[K] } = Object.fromEntries(
  POLICY_KEYS.filter((k) => k !== "smsVerification").map((key) => {
    const counts = new Map<string, { value: unknown; n: number }>();
    for (const p of PROVINCE_KEYS) {
      const value: unknown = DEFAULT_POLICIES[p].rules[key].value;
      const id = JSON.stringify(value);
      counts.set(id, { value, n: (counts.get(id)?.n ?? 0) + 1 });
    }
    return [key, [...counts.values()].sort((a, b) => b.n - a.n)[0]!.value];
  }),
);

export interface PolicyLine {
  key: PolicyKey;
  title: string;
  ruleId: string;
  text: string;
  source: string;
  year: number | null;
  note?: string;
  /** Differs from the common rule. */
  special: boolean;
  /** Set by the provider's admin (differs from the built-in entry). */
  overridden: boolean;
}

export function provinceLines(key: ProvinceKey, policies: Readonly<ProvincePolicies>): PolicyLine[] {
  return POLICY_KEYS.map((k) => {
    const entry = policies[key].rules[k] as PolicyEntry<unknown>;
    const builtIn = DEFAULT_POLICIES[key].rules[k] as PolicyEntry<unknown>;
    const overridden = !same(entry, builtIn);
    return {
      key: k,
      title: POLICY_FIELDS[k].title,
      ruleId: POLICY_FIELDS[k].ruleId,
      text: describePolicy(k, entry.value as never),
      source: entry.source,
      year: entry.year,
      ...(entry.note ? { note: entry.note } : {}),
      special: k !== "smsVerification" && !same(entry.value, COMMON_VALUES[k]),
      overridden,
    };
  });
}
