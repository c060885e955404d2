/**
 * The filing as the rules see it: what preReview and requiredMaterials take. Field names are
 * English; comments give the MIIT interface field (XZBA, MIIT-INTERFACE.md) each maps to, so
 * the server can build the bureau's XML from this shape. packages/contracts mirrors it in zod.
 * Dates are "YYYY-MM-DD" strings; instants are ISO 8601 strings.
 */
import type { CertificateType } from "../ids/certificate-types.js";
import type { ProvinceKey } from "../provinces/identity.js";
import type { PreApprovalCategory } from "../sites/pre-approval-categories.js";
import type { SubjectNature } from "../subjects/natures.js";

/** R-PRE-2 and MIIT message types: XZBA first, XZWZ new_site, XZJR new_access, BGBA change, ZXBA cancel_*. */
export type FilingType = "first" | "new_site" | "new_access" | "change" | "cancel_site" | "cancel_subject" | "cancel_access";

export const FILING_TYPES: Readonly<Record<FilingType, string>> = {
  first: "首次备案",
  new_site: "新增网站",
  new_access: "新增接入",
  change: "变更备案",
  cancel_site: "注销网站",
  cancel_subject: "注销主体",
  cancel_access: "取消接入",
};

export interface CertificateInput {
  /** Zjlx / Fzr_zjlx. */
  type: CertificateType;
  /** Zjhm / Fzr_zjhm. */
  number: string;
  /** "YYYY-MM-DD" or "长期" (ID-5). */
  validUntil?: string;
}

/** A principal (负责人): Fzr (subject) or Wz_Fzr (website). */
export interface PersonInput {
  /** Fzr_xm. */
  name: string;
  certificate: CertificateInput;
  /** Fzr_sjhm, contact slot 1: the number that receives the SMS code (R-SMS-3). */
  mobile: string;
  /** Second contact number, if any. */
  mobile2?: string;
  /** Fzr_dzyj. */
  email: string;
  /** Fzr_dhhm, "0571-88888888" (SUB-8). */
  officePhone?: string;
  /** Qq. */
  qq?: string;
}

/** Txdz: GB/T 2260 codes (Shengid, Shiid, Xianid) plus the street address (Xxdz). */
export interface AddressInput {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  /** Below the district, down to the room number, without repeating province/city/district. */
  detail: string;
}

export interface SubjectInput {
  /** Dwxz 主办单位性质; "personal" for individuals. */
  type: SubjectNature;
  /** Dwmc: organisation name, or the person's name. */
  name: string;
  /** Zj: certificate; `domicile` is Zjzs 证件住所 (SUB-4). */
  certificate: CertificateInput & { domicile?: string };
  /** Tzr 投资人或主管单位 (organisations). */
  investor?: string;
  /** Txdz 通信地址. */
  address: AddressInput;
  /** Fzr 主体负责人: the legal representative for organisations (SUB-1), the person for individuals (SUB-2). */
  principal: PersonInput;
  /** The legal representative's name as printed on the licence, to check SUB-1. */
  legalRepresentativeName?: string;
  /** 24-hour emergency contact (R-FORM-7, SUB-6). */
  emergencyContact?: { name?: string; mobile: string; qq?: string };
  /** The organisation changed its name: a name-change proof is needed (MAT-3). */
  renamed?: boolean;
  /** Bbfs: filed by the subject itself or by an agent. */
  filedBy?: "self" | "agent";
  /** Bz. */
  remark?: string;
  /** Existing subject ICP number (new_site, change, cancel). */
  icpNumber?: string;
}

/** Nrlx: pre-approval type (Nrlx_id), permit number (Qzsph), document (Spwj) (PRE-1). */
export interface PreApprovalInput {
  category: PreApprovalCategory;
  permitNumber: string;
  /** Id of the uploaded approval document. */
  documentId?: string;
}

/** What the registrar's certificate says about one domain (DOM-3, DOM-4, DOM-5). */
export interface DomainCertificateInput {
  domain: string;
  registrantName: string;
  registrantCertNumber?: string;
  /** Registration expiry "YYYY-MM-DD". */
  expiresAt?: string;
  /** When the real-name verification completed, "YYYY-MM-DD" or ISO instant. */
  verifiedAt?: string;
}

export interface WebsiteInput {
  /** Wzmc. */
  name: string;
  /** Ym_xx: registrable domains, Unicode or punycode. */
  domains: string[];
  /** Syurl. */
  homeUrl: string;
  /** Fwnr_id 服务内容 code. */
  serviceContent?: string;
  /** Yylb_id 语言类别 codes. */
  languages?: string[];
  /** Nrlx. */
  preApprovals?: PreApprovalInput[];
  /** 经营性 filing (PRE-4). */
  commercial?: boolean;
  /** 增值电信业务经营许可证 number, e.g. 粤B2-20090059 (PRE-4). */
  commercialLicenceNumber?: string;
  /** Jr_xx Ip_xx: IP addresses the site is served from (R-FORM-5). */
  ips?: string[];
  /** Jr_xx Wzjrfs 接入方式. */
  accessMethod?: string;
  /** Jr_xx Wzfb 服务器放置地. */
  serverLocation?: string;
  /** Wz_Bz; for personal sites a description of the content (NAME-6). */
  remark?: string;
  /** Wz_Fzr 网站负责人. */
  principal: PersonInput;
  domainCertificates?: DomainCertificateInput[];
  /** Existing website ICP number (new_access, change, cancel). */
  icpNumber?: string;
}

export interface FilingInput {
  type: FilingType;
  /** The bureau the filing goes to. */
  province: ProvinceKey;
  subject: SubjectInput;
  websites: WebsiteInput[];
  /** 新增接入 (R-FORM-5): the site's number and filing password (备案密码). */
  access?: { icpNumber: string; filingPassword: string };
  /** Date on the signed 核验单 (FORM-1, 上海 ≤ 3 months). */
  verificationFormSignedAt?: string;
  /** ZXBA Zxly: why a cancellation is asked for. */
  cancellation?: { reason: string };
}
