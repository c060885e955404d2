/**
 * Where provinces deviate from the national defaults, with source and year. Rules from 2017
 * are defaults an admin may switch off (RULES.md: "treat it as a default").
 */
import type { ProvinceKey } from "./identity.js";
import type { PolicyRules } from "./policy-types.js";
import { SOURCES } from "./sources.js";

type Deviations = Partial<Omit<PolicyRules, "smsVerification">>;

const Y2017 = { source: SOURCES.tencent2017, year: 2017 } as const;
const CATALOG = { source: SOURCES.rulesCatalog, year: null } as const;

// SUB-5 (2017): non-local individuals refused, or accepted with a residence permit.
const refused: Deviations = { nonLocalIndividuals: { value: { mode: "refused", acceptedProofs: [] }, ...Y2017 } };
const permit = (...also: string[]): Deviations => ({
  nonLocalIndividuals: { value: { mode: "residence_permit", acceptedProofs: ["居住证", "暂住证", ...also] }, ...Y2017 },
});
// ID-6 (2017): 临时身份证 refused.
const noTemporaryId: Deviations = { temporaryIdCard: { value: "refused", ...Y2017 } };
// SUB-3: provinces that name the authorization letter explicitly.
const namesAuthorization: Deviations = { authorizationLetter: { value: { namedExplicitly: true }, ...CATALOG } };
// SUB-7 (2017): the mobile should belong to the filing province.
const localMobile: Deviations = { localMobile: { value: true, ...Y2017 } };
// DOM-7: one domain per website; 湖北/湖南 also one website per application.
const oneDomain: Deviations = { oneDomainPerWebsite: { value: true, ...CATALOG } };
const oneSite: Deviations = { oneWebsitePerApplication: { value: true, ...CATALOG } };
const domainCertFrom = (n: number): Deviations => ({
  domainCertificate: {
    value: { fromDomainCount: n, personalFromDomainCount: null, personalConstructionPlanAbove: null },
    ...CATALOG,
    note: `域名数量达到 ${n} 个时才需要域名证书。`,
  },
});
// NAME-6 (2017): 天津 and 广西 require this disclaimer in a personal site's remark (source text ends "…").
const disclaimer: Deviations = {
  personalRemarkDisclaimer: { value: "本网站是个人网站，不含有企业、单位等", ...Y2017, note: "来源只给出开头部分，完整声明以管局要求为准。" },
};

export const PROVINCE_DEVIATIONS: Partial<Record<ProvinceKey, Deviations[]>> = {
  bj: [localMobile],
  tj: [namesAuthorization, localMobile, disclaimer],
  sx: [refused],
  nm: [permit(), noTemporaryId],
  ln: [
    localMobile,
    {
      financeWordsRequireLegalRep: { value: ["投资管理", "理财", "典当", "担保", "贷款"], ...CATALOG },
    },
  ],
  jl: [permit("学生证")],
  hl: [refused, localMobile],
  sh: [
    permit(),
    noTemporaryId,
    namesAuthorization,
    localMobile,
    {
      certificateValidity: {
        value: { idCardMonths: 3, organisationMonths: 6, residencePermitMonths: 1, severity: "warning" },
        ...CATALOG,
        note: "上海：营业执照和域名证书剩余有效期大于 6 个月，居住证大于 1 个月。",
      },
      domainMinRemainingDays: { value: 180, ...CATALOG },
      siteNameForbiddenWords: { value: ["论坛"], ...CATALOG },
      siteNameApprovalWords: { value: [{ word: "新闻网", category: "news" }], ...CATALOG },
      commitmentLetter: { value: { title: "备案承诺书", since: null }, ...CATALOG },
      verificationFormMaxAgeMonths: { value: 3, ...CATALOG },
    },
  ],
  js: [
    permit(),
    localMobile,
    {
      minimumAge: { value: { refusedBelow: 16, proofOfIncomeBelow: 18 }, ...Y2017, note: "16–18 周岁需提供收入证明。" },
      personalSiteNamePattern: {
        value: { pattern: "^.{1,20}的个人(博客|主页)$", example: "张三的个人博客" },
        ...Y2017,
        note: "江苏个人网站名称只能为“xx的个人博客”或“xx的个人主页”。",
      },
    },
  ],
  zj: [{ verificationFormPerDomain: { value: true, ...CATALOG, note: "浙江每个域名一份核验单。" } }],
  ah: [namesAuthorization],
  fj: [permit(), namesAuthorization],
  jx: [
    permit(),
    namesAuthorization,
    {
      fingerprint: { value: { personal: true, atSignature: true }, source: SOURCES.seedMaterials, year: 2018 },
      domainCertificate: {
        value: { fromDomainCount: 1, personalFromDomainCount: 6, personalConstructionPlanAbove: 5 },
        ...CATALOG,
        note: "江西个人备案超过 5 个域名需域名证书和建设方案书。",
      },
    },
  ],
  sd: [localMobile],
  ha: [
    refused,
    domainCertFrom(4),
    { domainMinRemainingDays: { value: 90, ...CATALOG, note: "河南：域名剩余注册期限大于 3 个月。" } },
  ],
  hb: [permit(), namesAuthorization, oneDomain, oneSite],
  hn: [namesAuthorization, localMobile, oneDomain, oneSite],
  gd: [
    permit(),
    {
      formVariant: { value: "guangdong", source: SOURCES.seedMaterials, year: 2018 },
      commitmentLetter: {
        value: { title: "互联网信息服务备案承诺书", since: "2021-06-21" },
        source: SOURCES.guangdongCommitment,
        year: 2021,
      },
    },
  ],
  gx: [localMobile, disclaimer],
  hi: [noTemporaryId],
  cq: [refused, namesAuthorization, localMobile, oneDomain],
  sc: [permit("社保证明", "劳动合同"), namesAuthorization, oneDomain],
  gz: [permit(), namesAuthorization, domainCertFrom(4)],
  yn: [refused],
  sn: [localMobile, domainCertFrom(5)],
  gs: [
    refused,
    localMobile,
    { photoSlogan: { value: "共同营造健康诚信网络环境", ...CATALOG, note: "甘肃幕布照需露出标语。" } },
  ],
  qh: [refused],
  nx: [refused, localMobile],
  xj: [
    refused,
    localMobile,
    { fingerprint: { value: { personal: true, atSignature: true }, ...Y2017 } },
  ],
};
