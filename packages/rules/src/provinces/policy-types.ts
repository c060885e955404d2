/**
 * The shape of a province policy. Every entry carries its value, where it comes from and the
 * year of that source, so reviewers can judge an old (2017) rule and admins can override it.
 */
import type { PreApprovalCategory } from "../sites/pre-approval-categories.js";
import type { ProvinceIdentity, ProvinceKey } from "./identity.js";
import type { SmsVerification } from "./sms-portals.js";

export interface PolicyEntry<T> {
  value: T;
  source: string;
  /** Year of the source; null when the source is undated. */
  year: number | null;
  note?: string;
}

export interface PolicyValues {
  /** R-SMS-7: pilot flag and the province verification page. */
  smsVerification: SmsVerification;
  /** SUB-5: individuals whose ID is from another province. */
  nonLocalIndividuals: { mode: "allowed" | "refused" | "residence_permit"; acceptedProofs: string[] };
  /** ID-7: below `refusedBelow` refused; below `proofOfIncomeBelow` a proof of income is needed. */
  minimumAge: { refusedBelow: number; proofOfIncomeBelow: number | null };
  /** ID-6: 临时身份证. */
  temporaryIdCard: "accepted" | "refused";
  /** ID-5: months that must remain on certificates, and how strict. */
  certificateValidity: {
    idCardMonths: number;
    organisationMonths: number;
    residencePermitMonths: number;
    severity: "warning" | "error";
  };
  /** SUB-3: whether the province names the authorization letter explicitly (it is required everywhere). */
  authorizationLetter: { namedExplicitly: boolean };
  /** SUB-7: the mobile should be a number of the filing province (checked by a reviewer). */
  localMobile: boolean;
  /** DOM-4: days of registration that must remain. */
  domainMinRemainingDays: number;
  /**
   * DOM-6: a domain certificate is needed once the application has this many domains
   * (1 = always); personal filings may have their own threshold, and 江西 asks personal
   * filings with more than N domains for a construction plan (建设方案书).
   */
  domainCertificate: {
    fromDomainCount: number;
    personalFromDomainCount: number | null;
    personalConstructionPlanAbove: number | null;
  };
  /** DOM-7: one domain per website. */
  oneDomainPerWebsite: boolean;
  /** DOM-7: one website per application. */
  oneWebsitePerApplication: boolean;
  /** NAME-4 province override: a personal site name must match this pattern. */
  personalSiteNamePattern: { pattern: string; example: string } | null;
  /** NAME-5: words a site name may not contain in this province. */
  siteNameForbiddenWords: string[];
  /** NAME-5: words that need a given pre-approval. */
  siteNameApprovalWords: { word: string; category: PreApprovalCategory }[];
  /** NAME-6: fixed disclaimer a personal site's remark must contain. */
  personalRemarkDisclaimer: string | null;
  /** PRE-3 (辽宁): finance words that require the website principal to be the legal representative. */
  financeWordsRequireLegalRep: string[];
  /** PRE-1: nationally cancelled pre-approvals the province still asks for. */
  legacyPreApprovals: PreApprovalCategory[];
  /** MAT-2: the province's own commitment letter. */
  commitmentLetter: { title: string; since: string | null } | null;
  /** FORM-1 / R-DOC-3: which 核验单 to print. */
  formVariant: "national" | "guangdong";
  /** FORM-1 / R-DOC-2: individuals sign and fingerprint; some provinces insist it is on the signature. */
  fingerprint: { personal: boolean; atSignature: boolean };
  /** FORM-2: one 核验单 per domain. */
  verificationFormPerDomain: boolean;
  /** FORM-1: the signed 核验单 must be dated within N months. */
  verificationFormMaxAgeMonths: number | null;
  /** MAT-4: slogan that must be visible on the verification photo. */
  photoSlogan: string | null;
}

export type PolicyKey = keyof PolicyValues;

export type PolicyRules = { [K in PolicyKey]: PolicyEntry<PolicyValues[K]> };

export interface ProvincePolicy extends ProvinceIdentity {
  key: ProvinceKey;
  rules: PolicyRules;
}

export type ProvincePolicies = Record<ProvinceKey, ProvincePolicy>;
