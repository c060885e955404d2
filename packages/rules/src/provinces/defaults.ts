/**
 * National defaults: what applies in a province unless its own entry says otherwise.
 * Province deviations live in province-rules.ts; admins override both at run time.
 */
import type { PolicyKey, PolicyRules } from "./policy-types.js";
import { SOURCES } from "./sources.js";

export const NATIONAL_DEFAULTS: Omit<PolicyRules, "smsVerification"> = {
  nonLocalIndividuals: { value: { mode: "allowed", acceptedProofs: [] }, source: SOURCES.tencent2017, year: 2017 },
  minimumAge: {
    value: { refusedBelow: 18, proofOfIncomeBelow: null },
    source: SOURCES.tencent2017,
    year: 2017,
    note: "多数省份要求个人备案者年满 18 周岁。",
  },
  temporaryIdCard: { value: "accepted", source: SOURCES.tencent2017, year: 2017 },
  certificateValidity: {
    value: { idCardMonths: 3, organisationMonths: 0, residencePermitMonths: 0, severity: "warning" },
    source: SOURCES.tencent2017,
    year: 2017,
    note: "身份证剩余有效期须大于 3 个月。",
  },
  authorizationLetter: {
    value: { namedExplicitly: false },
    source: SOURCES.seedFirstFiling,
    year: null,
    note: "网站负责人不是法定代表人时，各地都需要网站备案授权书。",
  },
  localMobile: { value: false, source: SOURCES.tencent2017, year: 2017 },
  domainMinRemainingDays: { value: 90, source: SOURCES.rulesCatalog, year: null },
  domainCertificate: {
    value: { fromDomainCount: 1, personalFromDomainCount: null, personalConstructionPlanAbove: null },
    source: SOURCES.seedFirstFiling,
    year: null,
    note: "接入商帮助页要求每个备案都提供域名证书。",
  },
  oneDomainPerWebsite: { value: false, source: SOURCES.rulesCatalog, year: null },
  oneWebsitePerApplication: { value: false, source: SOURCES.rulesCatalog, year: null },
  personalSiteNamePattern: { value: null, source: SOURCES.rulesCatalog, year: null },
  siteNameForbiddenWords: { value: [], source: SOURCES.rulesCatalog, year: null },
  siteNameApprovalWords: { value: [], source: SOURCES.rulesCatalog, year: null },
  personalRemarkDisclaimer: { value: null, source: SOURCES.rulesCatalog, year: null },
  financeWordsRequireLegalRep: { value: [], source: SOURCES.rulesCatalog, year: null },
  legacyPreApprovals: {
    value: [],
    source: SOURCES.rulesCatalog,
    year: null,
    note: "教育、医疗保健、电子公告前置审批已在全国取消；仍要求的省份由管理员在此配置。",
  },
  commitmentLetter: { value: null, source: SOURCES.rulesCatalog, year: null },
  formVariant: { value: "national", source: SOURCES.seedMaterials, year: 2018 },
  fingerprint: { value: { personal: true, atSignature: false }, source: SOURCES.seedFirstFiling, year: null },
  verificationFormPerDomain: { value: false, source: SOURCES.rulesCatalog, year: null },
  verificationFormMaxAgeMonths: { value: null, source: SOURCES.rulesCatalog, year: null },
  photoSlogan: { value: null, source: SOURCES.rulesCatalog, year: null },
};

export const POLICY_KEYS = ["smsVerification", ...Object.keys(NATIONAL_DEFAULTS)] as PolicyKey[];
