/**
 * 主办单位性质 (ID-4): the applicant's nature, the certificates that fit it, the MIIT
 * subject-nature code (Dwxz; only 1–6 are known from public sources) and the GB 32100
 * registration-authority/category prefixes its USCC normally starts with.
 */
import type { CertificateType } from "../ids/certificate-types.js";

export interface SubjectNatureInfo {
  label: string;
  organisation: boolean;
  /** MIIT interface Dwxz: 1 军队, 2 政府机关, 3 事业单位, 4 企业, 5 个人, 6 社会团体. */
  miitCode?: number;
  certificates: readonly CertificateType[];
  /** First two USCC characters expected for this nature; absent when several are normal. */
  usccCategories?: readonly string[];
}

const PERSON_DOCS = [
  "resident_id",
  "temporary_resident_id",
  "passport",
  "hk_mo_pass",
  "tw_pass",
  "foreign_permanent_residence",
  "hmt_residence_permit",
] as const satisfies readonly CertificateType[];

export const SUBJECT_NATURES = {
  personal: { label: "个人", organisation: false, miitCode: 5, certificates: PERSON_DOCS },
  enterprise: {
    label: "企业",
    organisation: true,
    miitCode: 4,
    certificates: ["business_licence"],
    usccCategories: ["91", "92", "93"],
  },
  government: {
    label: "政府机关",
    organisation: true,
    miitCode: 2,
    certificates: ["uscc_certificate", "organisation_code"],
    usccCategories: ["11", "13", "19"],
  },
  institution: {
    label: "事业单位",
    organisation: true,
    miitCode: 3,
    certificates: ["institution_legal_person", "uscc_certificate", "organisation_code"],
    usccCategories: ["12", "A1"],
  },
  social_group: {
    label: "社会团体",
    organisation: true,
    miitCode: 6,
    certificates: ["social_group_legal_person", "uscc_certificate"],
    usccCategories: ["51", "13"],
  },
  military: { label: "国防机构（军队）", organisation: true, miitCode: 1, certificates: ["military_code"] },
  private_non_enterprise: {
    label: "民办非企业单位",
    organisation: true,
    certificates: ["private_non_enterprise_cert", "uscc_certificate"],
    usccCategories: ["52"],
  },
  foundation: { label: "基金会", organisation: true, certificates: ["foundation_cert", "uscc_certificate"], usccCategories: ["53"] },
  law_firm: { label: "律师执业机构", organisation: true, certificates: ["law_firm_licence", "uscc_certificate"], usccCategories: ["31"] },
  religious_venue: {
    label: "宗教活动场所",
    organisation: true,
    certificates: ["religious_venue_cert", "uscc_certificate"],
    usccCategories: ["71", "72"],
  },
  foreign_org: { label: "境外机构", organisation: true, certificates: ["foreign_org_cert"] },
  medical: {
    label: "医疗机构",
    organisation: true,
    certificates: ["medical_institution_licence", "business_licence", "institution_legal_person", "uscc_certificate"],
  },
  private_school: {
    label: "民办学校",
    organisation: true,
    certificates: ["private_school_licence", "private_non_enterprise_cert", "business_licence", "uscc_certificate"],
  },
  notary: { label: "公证机构", organisation: true, certificates: ["notary_licence", "uscc_certificate"], usccCategories: ["32"] },
  judicial_appraisal: {
    label: "司法鉴定机构",
    organisation: true,
    certificates: ["judicial_appraisal_licence", "uscc_certificate"],
    usccCategories: ["34"],
  },
  rural_collective: {
    label: "农村集体经济组织",
    organisation: true,
    certificates: ["rural_collective_cert", "uscc_certificate"],
    usccCategories: ["N1", "N2", "N3", "N9"],
  },
} as const satisfies Record<string, SubjectNatureInfo>;

export type SubjectNature = keyof typeof SUBJECT_NATURES;

export function isSubjectNature(value: unknown): value is SubjectNature {
  return typeof value === "string" && Object.hasOwn(SUBJECT_NATURES, value);
}

export function isOrganisation(nature: SubjectNature): boolean {
  return SUBJECT_NATURES[nature].organisation;
}
