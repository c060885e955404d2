/**
 * Certificate types (ID-4) as data: Chinese label, whether a person or an organisation holds
 * it, which validator applies, and the MIIT status-query type (isp_querybeianstatus
 * queryConditionType, MIIT-INTERFACE.md) where the interface defines one.
 */
export type NumberFormat =
  | "gb11643" // resident ID structure with checksum (ID-1)
  | "residence_permit" // 810000/820000/830000 + resident ID structure (ID-4)
  | "passport"
  | "hk_mo_pass"
  | "tw_pass"
  | "foreign_pr"
  | "uscc" // GB 32100 (ID-2)
  | "org_code" // GB 11714 (ID-3)
  | "uscc_or_manual" // newer certificates carry a USCC, older ones their own numbering
  | "manual"; // no public structure (部队代号, foreign documents): the reviewer checks

export interface CertificateTypeInfo {
  label: string;
  holder: "person" | "organisation";
  format: NumberFormat;
  miitQueryType?: number;
}

export const CERTIFICATE_TYPES = {
  resident_id: { label: "居民身份证", holder: "person", format: "gb11643", miitQueryType: 2 },
  temporary_resident_id: { label: "临时居民身份证", holder: "person", format: "gb11643", miitQueryType: 2 },
  passport: { label: "护照", holder: "person", format: "passport", miitQueryType: 7 },
  hk_mo_pass: { label: "港澳居民来往内地通行证", holder: "person", format: "hk_mo_pass" },
  tw_pass: { label: "台湾居民来往大陆通行证", holder: "person", format: "tw_pass", miitQueryType: 11 },
  foreign_permanent_residence: { label: "外国人永久居留身份证", holder: "person", format: "foreign_pr" },
  hmt_residence_permit: { label: "港澳台居民居住证", holder: "person", format: "residence_permit" },
  business_licence: { label: "营业执照（统一社会信用代码）", holder: "organisation", format: "uscc", miitQueryType: 1 },
  uscc_certificate: { label: "统一社会信用代码证书", holder: "organisation", format: "uscc" },
  organisation_code: { label: "组织机构代码证", holder: "organisation", format: "org_code", miitQueryType: 9 },
  institution_legal_person: { label: "事业单位法人证书", holder: "organisation", format: "uscc_or_manual", miitQueryType: 4 },
  social_group_legal_person: { label: "社会团体法人登记证书", holder: "organisation", format: "uscc_or_manual", miitQueryType: 6 },
  private_non_enterprise_cert: { label: "民办非企业单位登记证书", holder: "organisation", format: "uscc_or_manual" },
  foundation_cert: { label: "基金会法人登记证书", holder: "organisation", format: "uscc_or_manual" },
  law_firm_licence: { label: "律师事务所执业许可证", holder: "organisation", format: "uscc_or_manual" },
  religious_venue_cert: { label: "宗教活动场所登记证", holder: "organisation", format: "uscc_or_manual" },
  military_code: { label: "部队代号", holder: "organisation", format: "manual", miitQueryType: 5 },
  foreign_org_cert: { label: "境外机构证件", holder: "organisation", format: "manual" },
  medical_institution_licence: { label: "医疗机构执业许可证", holder: "organisation", format: "uscc_or_manual" },
  private_school_licence: { label: "民办学校办学许可证", holder: "organisation", format: "uscc_or_manual" },
  notary_licence: { label: "公证机构执业证书", holder: "organisation", format: "uscc_or_manual" },
  judicial_appraisal_licence: { label: "司法鉴定许可证", holder: "organisation", format: "uscc_or_manual" },
  rural_collective_cert: { label: "农村集体经济组织登记证", holder: "organisation", format: "uscc_or_manual" },
} as const satisfies Record<string, CertificateTypeInfo>;

export type CertificateType = keyof typeof CERTIFICATE_TYPES;

export function isCertificateType(value: unknown): value is CertificateType {
  return typeof value === "string" && Object.hasOwn(CERTIFICATE_TYPES, value);
}

/** Identity documents a person (individual applicant or principal) can use (ID-4). */
export const PERSON_CERTIFICATE_TYPES = (Object.keys(CERTIFICATE_TYPES) as CertificateType[]).filter(
  (t) => CERTIFICATE_TYPES[t].holder === "person",
);
