/**
 * Every finding code the package can produce, with the rule it implements, its default
 * severity and a short Chinese title. The help center checks each code has a help entry;
 * `report()` only accepts codes listed here, so the catalog cannot drift from the rules.
 * Rule ids are those of RULES.md; R-… ids are REQUIREMENTS.md; "POLICY" is admin configuration.
 */
import type { Finding, Severity } from "./finding.js";

export interface CatalogEntry {
  ruleId: string;
  severity: Severity;
  title: string;
}

const entry = (ruleId: string, severity: Severity, title: string): CatalogEntry => ({ ruleId, severity, title });

export const FINDING_CATALOG = {
  // Identity (ID-1…ID-7)
  CERT_NUMBER_REQUIRED: entry("ID-4", "error", "未填写证件号码"),
  CERT_TYPE_NOT_ALLOWED: entry("ID-4", "error", "证件类型与主办者性质不符"),
  CERT_NUMBER_MANUAL_CHECK: entry("ID-4", "review", "证件号码需人工核对"),
  RESIDENT_ID_FORMAT: entry("ID-1", "error", "身份证号码格式不正确"),
  RESIDENT_ID_FIRST_GENERATION: entry("ID-1", "error", "15 位一代身份证已停用"),
  RESIDENT_ID_REGION_UNKNOWN: entry("ID-1", "error", "身份证地区码不存在"),
  RESIDENT_ID_REGION_OUTDATED: entry("ID-1", "warning", "身份证地区码不在现行行政区划中"),
  RESIDENT_ID_IS_RESIDENCE_PERMIT: entry("ID-4", "error", "号码属于港澳台居民居住证"),
  RESIDENT_ID_BIRTH_DATE_INVALID: entry("ID-1", "error", "身份证出生日期无效"),
  RESIDENT_ID_BIRTH_DATE_FUTURE: entry("ID-1", "error", "身份证出生日期晚于今天"),
  RESIDENT_ID_CHECKSUM: entry("ID-1", "error", "身份证校验位不正确"),
  RESIDENCE_PERMIT_PREFIX: entry("ID-4", "error", "港澳台居民居住证号码开头不正确"),
  USCC_FORMAT: entry("ID-2", "error", "统一社会信用代码格式不正确"),
  USCC_LEGACY_REGISTRATION_NUMBER: entry("ID-2", "error", "15 位注册号已停用"),
  USCC_CHECKSUM: entry("ID-2", "warning", "统一社会信用代码校验位不符"),
  USCC_NATURE_MISMATCH: entry("ID-4", "warning", "信用代码的登记机关类别与主办者性质不符"),
  ORG_CODE_FORMAT: entry("ID-3", "error", "组织机构代码格式不正确"),
  ORG_CODE_CHECKSUM: entry("ID-3", "error", "组织机构代码校验位不正确"),
  HK_MO_PASS_FORMAT: entry("ID-4", "error", "港澳居民来往内地通行证号码格式不正确"),
  TW_PASS_FORMAT: entry("ID-4", "error", "台湾居民来往大陆通行证号码格式不正确"),
  PASSPORT_FORMAT: entry("ID-4", "error", "护照号码格式不正确"),
  FOREIGN_PR_FORMAT: entry("ID-4", "error", "外国人永久居留身份证号码格式不正确"),
  TEMPORARY_ID_REFUSED: entry("ID-6", "error", "本省不接受临时身份证"),
  CERT_VALIDITY_REQUIRED: entry("ID-5", "error", "未填写证件有效期"),
  CERT_VALIDITY_FORMAT: entry("ID-5", "error", "证件有效期格式不正确"),
  CERT_EXPIRED: entry("ID-5", "error", "证件已过期"),
  CERT_EXPIRING_SOON: entry("ID-5", "warning", "证件剩余有效期不足"),
  AGE_UNDER_MINIMUM: entry("ID-7", "error", "未达到备案年龄要求"),
  AGE_PROOF_OF_INCOME: entry("ID-7", "review", "未满 18 周岁需收入证明"),

  // Subject and principals (SUB-1…SUB-9)
  SUBJECT_TYPE_INVALID: entry("ID-4", "error", "未选择主办单位性质"),
  SUBJECT_PRINCIPAL_NOT_LEGAL_REP: entry("SUB-1", "error", "主体负责人不是法定代表人"),
  SUBJECT_LEGAL_REP_UNKNOWN: entry("SUB-1", "review", "需核对主体负责人是否为法定代表人"),
  PERSONAL_PRINCIPAL_MISMATCH: entry("SUB-2", "error", "个人备案的网站负责人须为本人"),
  PERSONAL_SUBJECT_NOT_PRINCIPAL: entry("SUB-2", "error", "个人备案的主体负责人须为主办者本人"),
  AUTHORIZATION_LETTER_NEEDED: entry("SUB-3", "review", "需提供网站备案授权书"),
  SUBJECT_DOMICILE_REQUIRED: entry("SUB-4", "error", "未填写证件住所"),
  SUBJECT_DOMICILE_OTHER_PROVINCE: entry("SUB-4", "error", "证件住所不在备案省份"),
  SUBJECT_DOMICILE_UNCLEAR: entry("SUB-4", "review", "证件住所看不出所在省份"),
  SUBJECT_CODE_OTHER_PROVINCE: entry("SUB-4", "warning", "信用代码登记地不在备案省份"),
  FILING_PROVINCE_UNKNOWN: entry("SUB-4", "error", "备案省份无效"),
  NON_LOCAL_REFUSED: entry("SUB-5", "error", "本省不接受外省个人备案"),
  NON_LOCAL_RESIDENCE_PERMIT: entry("SUB-5", "review", "外省个人需提供居住证"),
  MOBILE_SHARED_BETWEEN_PRINCIPALS: entry("SUB-6", "error", "不同负责人使用了同一手机号"),
  EMAIL_SHARED_BETWEEN_PRINCIPALS: entry("SUB-6", "error", "不同负责人使用了同一邮箱"),
  EMERGENCY_MOBILE_SAME_AS_PRINCIPAL: entry("SUB-6", "error", "应急联系电话与负责人手机相同"),
  MOBILE_USED_BY_OTHER_SUBJECT: entry("SUB-6", "error", "手机号已被其他主体使用"),
  MOBILE_REQUIRED: entry("SUB-7", "error", "未填写手机号码"),
  MOBILE_INVALID: entry("SUB-7", "error", "手机号码格式不正确"),
  MOBILE_LOCAL_REQUIRED: entry("SUB-7", "review", "本省要求使用本省手机号"),
  EMAIL_REQUIRED: entry("R-FORM-6", "error", "未填写电子邮箱"),
  EMAIL_INVALID: entry("R-FORM-6", "error", "电子邮箱格式不正确"),
  PERSON_NAME_REQUIRED: entry("R-FORM-6", "error", "未填写姓名"),
  PERSON_NAME_INVALID: entry("R-FORM-6", "error", "姓名含有不允许的字符"),
  OFFICE_PHONE_INVALID: entry("SUB-8", "error", "办公电话格式不正确"),
  ADDRESS_DIVISION_REQUIRED: entry("SUB-8", "error", "未选择省市区"),
  ADDRESS_DIVISION_MISMATCH: entry("SUB-8", "error", "省市区选择不一致"),
  ADDRESS_DETAIL_REQUIRED: entry("SUB-8", "error", "未填写详细地址"),
  ADDRESS_DETAIL_SYMBOLS: entry("SUB-8", "error", "详细地址含有特殊符号"),
  ADDRESS_DETAIL_NO_ROOM: entry("SUB-8", "warning", "详细地址未写到门牌号"),
  ADDRESS_DETAIL_REPEATS_DIVISION: entry("SUB-8", "warning", "详细地址重复填写了省市区"),
  MAILING_NOT_MAINLAND: entry("R-REV-2", "error", "幕布只能寄往中国大陆地址"),
  SUBJECT_NAME_REQUIRED: entry("SUB-9", "error", "未填写主办者名称"),
  SUBJECT_NAME_TOO_LONG: entry("SUB-9", "error", "主办者名称过长"),
  ADDRESS_TOO_LONG: entry("SUB-9", "error", "通信地址过长"),
  INVESTOR_REQUIRED: entry("SUB-9", "error", "未填写投资人或主管单位"),
  INVESTOR_TOO_LONG: entry("SUB-9", "error", "投资人或主管单位名称过长"),

  // Domains (DOM-1…DOM-9)
  DOMAIN_REQUIRED: entry("DOM-1", "error", "未填写域名"),
  DOMAIN_NOT_A_DOMAIN: entry("DOM-1", "error", "填写的不是域名"),
  DOMAIN_LABEL_INVALID: entry("DOM-1", "error", "域名含有不允许的字符"),
  DOMAIN_IS_SUBDOMAIN: entry("DOM-1", "error", "应填写主域名而不是子域名"),
  DOMAIN_DUPLICATE: entry("DOM-1", "error", "域名重复填写"),
  DOMAIN_SUFFIX_UNKNOWN: entry("DOM-2", "error", "域名后缀不存在"),
  DOMAIN_SUFFIX_NOT_FILEABLE: entry("DOM-2", "error", "域名后缀不能备案"),
  DOMAIN_REGISTRANT_UNVERIFIED: entry("DOM-3", "review", "需核对域名实名信息"),
  DOMAIN_REGISTRANT_MISMATCH: entry("DOM-3", "error", "域名持有者与主办者不一致"),
  DOMAIN_REGISTRANT_CERT_MISMATCH: entry("DOM-3", "error", "域名实名证件与主办者证件不一致"),
  DOMAIN_EXPIRY_INVALID: entry("DOM-4", "error", "域名到期日期无效"),
  DOMAIN_EXPIRES_SOON: entry("DOM-4", "error", "域名剩余注册期限不足"),
  DOMAIN_RECENTLY_VERIFIED: entry("DOM-5", "warning", "域名实名认证时间过短"),
  DOMAINS_PER_SITE_EXCEEDED: entry("DOM-7", "error", "本省每个网站只能填写一个域名"),
  DOMAIN_MULTIPLE_PER_SITE: entry("WF-2", "warning", "一个网站填写了多个域名"),
  INSTITUTION_DOMAIN_SUFFIX: entry("DOM-8", "warning", "事业单位宜使用 .cn 或 .公益 域名"),
  HOME_URL_REQUIRED: entry("DOM-9", "error", "未填写网站首页地址"),
  HOME_URL_INVALID: entry("DOM-9", "error", "网站首页地址格式不正确"),
  HOME_URL_NOT_ON_DOMAIN: entry("DOM-9", "error", "首页地址不属于本网站域名"),

  // Site names (NAME-1…NAME-6)
  SITE_NAME_REQUIRED: entry("NAME-1", "error", "未填写网站名称"),
  SITE_NAME_TOO_LONG: entry("NAME-1", "error", "网站名称过长"),
  SITE_NAME_LATIN_ONLY: entry("NAME-1", "error", "网站名称不能只有字母或数字"),
  SITE_NAME_TOO_FEW_HAN: entry("NAME-1", "error", "网站名称少于 3 个汉字"),
  SITE_NAME_SYMBOLS: entry("NAME-1", "error", "网站名称含有特殊符号"),
  SITE_NAME_IS_DOMAIN: entry("NAME-1", "error", "网站名称不能是域名"),
  SITE_NAME_NATIONAL_PREFIX: entry("NAME-2", "error", "网站名称不能以国家级字样开头"),
  SITE_NAME_REFUSED_WORD: entry("NAME-3", "error", "网站名称含有禁止使用的词"),
  SITE_NAME_SENSITIVE_WORD: entry("NAME-3", "warning", "网站名称含有需审批的敏感词"),
  SITE_NAME_PERSONAL_FORBIDDEN_WORD: entry("NAME-4", "error", "个人网站名称含有不允许的词"),
  SITE_NAME_PERSONAL_PATTERN: entry("NAME-4", "error", "个人网站名称不符合本省格式"),
  SITE_NAME_PROVINCE_FORBIDDEN_WORD: entry("NAME-5", "error", "本省不允许网站名称使用该词"),
  SITE_NAME_WORD_NEEDS_PRE_APPROVAL: entry("NAME-5", "error", "网站名称中的词需前置审批"),
  SITE_REMARK_LENGTH: entry("NAME-6", "error", "个人网站备注应为 20–200 字"),
  SITE_REMARK_DISCLAIMER: entry("NAME-6", "error", "个人网站备注缺少本省要求的声明"),

  // Pre-approval and commercial filings (PRE-1…PRE-4)
  PRE_APPROVAL_UNKNOWN_CATEGORY: entry("PRE-1", "error", "前置审批类别无效"),
  PRE_APPROVAL_PERMIT_REQUIRED: entry("PRE-1", "error", "未填写前置审批文号"),
  PRE_APPROVAL_LEGACY_CATEGORY: entry("PRE-1", "warning", "该前置审批已在全国取消"),
  PRE_APPROVAL_SUGGESTED: entry("PRE-1", "warning", "网站名称提示需要前置审批"),
  PRE_APPROVAL_PERSONAL: entry("PRE-2", "error", "个人网站不能涉及前置审批内容"),
  FINANCE_CONTENT: entry("PRE-3", "review", "名称涉及金融内容"),
  FINANCE_PRINCIPAL_NOT_LEGAL_REP: entry("PRE-3", "error", "金融类网站负责人须为法定代表人"),
  COMMERCIAL_PERSONAL: entry("PRE-4", "error", "个人不能办理经营性备案"),
  COMMERCIAL_LICENCE_REQUIRED: entry("PRE-4", "error", "未填写增值电信业务经营许可证号"),
  COMMERCIAL_LICENCE_INVALID: entry("PRE-4", "error", "增值电信业务经营许可证号格式不正确"),

  // ICP numbers (NUM-1, NUM-2)
  ICP_NUMBER_REQUIRED: entry("NUM-1", "error", "未填写备案号"),
  ICP_NUMBER_FORMAT: entry("NUM-1", "error", "备案号格式不正确"),
  ICP_NUMBER_PROVINCE_UNKNOWN: entry("NUM-2", "error", "备案号省份简称无效"),

  // Materials and forms (MAT-*, FORM-*)
  IMAGE_FORMAT: entry("MAT-1", "error", "图片格式不支持"),
  IMAGE_TOO_SMALL: entry("MAT-1", "error", "图片像素不足 800×600"),
  IMAGE_TOO_LARGE: entry("MAT-1", "error", "图片超过 100 KB"),
  MATERIAL_MISSING: entry("MAT-2", "error", "缺少备案材料"),
  VERIFICATION_FORM_TOO_OLD: entry("FORM-1", "error", "核验单日期超过 3 个月"),

  // Filing content and workflow (R-FORM-*, WF-*)
  WEBSITE_REQUIRED: entry("R-FORM-1", "error", "至少需要填写一个网站"),
  ACCESS_ICP_NUMBER_REQUIRED: entry("R-FORM-5", "error", "新增接入需填写网站备案号"),
  ACCESS_PASSWORD_REQUIRED: entry("R-FORM-5", "error", "新增接入需填写备案密码"),
  IP_REQUIRED: entry("R-FORM-5", "error", "未填写网站 IP 地址"),
  IP_INVALID: entry("R-FORM-5", "error", "IP 地址格式不正确"),
  APPLICATION_IN_FLIGHT: entry("WF-1", "error", "已有备案申请在办理中"),
  WEBSITES_PER_APPLICATION_EXCEEDED: entry("WF-2", "error", "一次申请的网站数量超出限制"),
  PERSONAL_WEBSITE_TOTAL_EXCEEDED: entry("WF-2", "error", "个人备案网站总数超出限制"),
  CALENDAR_DATA_MISSING: entry("WF-3", "warning", "节假日数据未覆盖该年份"),

  // Lifecycle guards (R-ST-*, R-REV-*, R-SMS-*, WF-4)
  TRANSITION_NOT_ALLOWED: entry("R-ST-1", "error", "当前状态不能进行该操作"),
  TRANSITION_ROLE_NOT_ALLOWED: entry("R-ST-1", "error", "无权进行该操作"),
  RETURN_REASON_REQUIRED: entry("R-REV-1", "error", "退回时须填写原因"),
  VERIFICATION_NOT_PASSED: entry("R-REV-3", "error", "核验尚未通过"),
  FILING_NOT_STALE: entry("WF-4", "error", "申请未到过期时间"),

  // Province policy overrides (admin configuration)
  POLICY_OVERRIDE_INVALID: entry("POLICY", "error", "省份规则覆盖配置不是对象"),
  POLICY_OVERRIDE_UNKNOWN_PROVINCE: entry("POLICY", "warning", "未知的省份代码"),
  POLICY_OVERRIDE_UNKNOWN_KEY: entry("POLICY", "warning", "未知的省份规则项"),
  POLICY_OVERRIDE_INVALID_VALUE: entry("POLICY", "error", "省份规则值无效"),
} as const satisfies Record<string, CatalogEntry>;

export type FindingCode = keyof typeof FINDING_CATALOG;

/**
 * Builds a finding from the catalog: rule id and default severity come from the entry, the
 * message is the specific Chinese sentence for this case. Province policies may change the
 * severity (ID-5), and a shared meaning may be reported under a second rule id (DOM-7/WF-2).
 */
export function report(
  code: FindingCode,
  path: string,
  message: string,
  override: { severity?: Severity; ruleId?: string } = {},
): Finding {
  const e: CatalogEntry = FINDING_CATALOG[code];
  return {
    code,
    severity: override.severity ?? e.severity,
    path,
    message,
    ruleId: override.ruleId ?? e.ruleId,
  };
}
