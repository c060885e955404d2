/**
 * A help entry for every finding code (R-HELP-1): the title, rule id and severity come from
 * FINDING_CATALOG; this file adds only what to do. The type requires one text per catalog code,
 * so a new code does not compile until it is explained here.
 */
import { FINDING_CATALOG, type FindingCode, type Severity } from "@beian/rules";
import { findingHelpHref } from "../links";

const TODO: Record<FindingCode, string> = {
  CERT_NUMBER_REQUIRED: "按证件原件填写证件号码，不要留空。",
  CERT_TYPE_NOT_ALLOWED: "先确认主办单位性质，再选择与之对应的证件：企业用营业执照，事业单位用事业单位法人证书，个人用居民身份证等。",
  CERT_NUMBER_MANUAL_CHECK: "无需修改；部队代号、境外证件等号码无法自动校验，接入商审核员会对照上传的证件核对。",
  RESIDENT_ID_FORMAT: "居民身份证号码为 18 位，前 17 位是数字，最后一位是数字或 X；请对照证件重新填写。",
  RESIDENT_ID_FIRST_GENERATION: "15 位的一代身份证已停止使用，请换领并使用 18 位的二代身份证。",
  RESIDENT_ID_REGION_UNKNOWN: "号码前 6 位是地区码，请检查是否抄错。",
  RESIDENT_ID_REGION_OUTDATED: "老证件可能保留已撤销的县区代码，不影响提交；请确认号码与证件一致。",
  RESIDENT_ID_IS_RESIDENCE_PERMIT: "以 81、82、83 开头的号码是港澳台居民居住证，请把证件类型改为“港澳台居民居住证”。",
  RESIDENT_ID_BIRTH_DATE_INVALID: "号码第 7–14 位是出生日期，请检查是否抄错。",
  RESIDENT_ID_BIRTH_DATE_FUTURE: "号码中的出生日期晚于今天，请检查是否抄错。",
  RESIDENT_ID_CHECKSUM: "最后一位校验码与前 17 位不符，通常是某一位抄错了；请逐位对照证件。",
  RESIDENCE_PERMIT_PREFIX: "港澳台居民居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头，请对照证件填写。",
  USCC_FORMAT: "统一社会信用代码为 18 位数字和大写字母（不含 I、O、Z、S、V），请对照营业执照填写。",
  USCC_LEGACY_REGISTRATION_NUMBER: "15 位注册号已停用，请填写营业执照上的 18 位统一社会信用代码。",
  USCC_CHECKSUM: "早期发放的少数代码校验位不符，不影响提交；请再核对一遍是否与执照一致。",
  USCC_NATURE_MISMATCH: "代码前两位表示登记机关和类别；请确认选择的主办单位性质与证件一致。",
  ORG_CODE_FORMAT: "组织机构代码为 9 位（8 位数字或字母加 1 位校验码），请对照证件填写。",
  ORG_CODE_CHECKSUM: "校验位不符，通常是某一位抄错了；请逐位对照证件。",
  HK_MO_PASS_FORMAT: "港澳居民来往内地通行证号码为 H（香港）或 M（澳门）加 8 位数字，例如 H12345678，请对照证件填写。",
  TW_PASS_FORMAT: "台湾居民来往大陆通行证号码为 8 位数字（旧版为 10 位数字），请对照证件填写。",
  PASSPORT_FORMAT: "请按护照个人资料页上的护照号码填写，不含空格。",
  FOREIGN_PR_FORMAT: "外国人永久居留身份证号码有 15 位（旧版）和 18 位（2023 年起，以 9 开头）两种，请对照证件填写。",
  TEMPORARY_ID_REFUSED: "本省不接受临时身份证：请换领正式居民身份证后再备案。",
  CERT_VALIDITY_REQUIRED: "按证件填写有效期截止日期；长期有效的证件选择“长期”。",
  CERT_VALIDITY_FORMAT: "有效期请按“年-月-日”填写，或选择“长期”。",
  CERT_EXPIRED: "证件已过期，请换领新证件后按新证件填写并重新上传。",
  CERT_EXPIRING_SOON: "证件剩余有效期不足本省要求，建议先换领新证件，以免审核期间过期被退回。",
  AGE_UNDER_MINIMUM: "未达到本省个人备案的年龄要求，请由监护人或年满 18 周岁的人作为主办者备案。",
  AGE_PROOF_OF_INCOME: "本省未满 18 周岁的主办者需上传本人收入证明，由审核员核对。",

  SUBJECT_TYPE_INVALID: "请选择主办单位性质：个人、企业、事业单位、政府机关、社会团体等。",
  SUBJECT_PRINCIPAL_NOT_LEGAL_REP: "单位备案的主体负责人必须是营业执照上的法定代表人；请把主体负责人改为法定代表人。",
  SUBJECT_LEGAL_REP_UNKNOWN: "请填写营业执照上的法定代表人姓名，审核员会核对主体负责人是否为法定代表人。",
  PERSONAL_PRINCIPAL_MISMATCH: "个人备案的网站负责人必须是主办者本人；请把网站负责人改为本人。",
  PERSONAL_SUBJECT_NOT_PRINCIPAL: "个人备案的主体负责人必须是主办者本人，姓名和证件号码与主办者一致。",
  AUTHORIZATION_LETTER_NEEDED: "网站负责人不是法定代表人时，需上传法定代表人签字并加盖公章的网站备案授权书。",
  SUBJECT_DOMICILE_REQUIRED: "按证件填写证件住所（营业执照上的住所或身份证上的住址）。",
  SUBJECT_DOMICILE_OTHER_PROVINCE: "单位只能在证件住所所在的省份备案；请选择证件住所所在的省份，或确认证件住所填写正确。",
  SUBJECT_DOMICILE_UNCLEAR: "证件住所中看不出所在省份，审核员会对照证件核对；建议按证件完整填写。",
  SUBJECT_CODE_OTHER_PROVINCE: "信用代码显示登记地在其他省份；如单位已迁入备案省份，审核时可能需要补充说明。",
  FILING_PROVINCE_UNKNOWN: "请选择备案省份：单位为证件住所所在省份，个人为身份证或居住证所在省份。",
  NON_LOCAL_REFUSED: "本省不接受外省个人备案：请在身份证签发省份备案，或由本省的单位、个人作为主办者。",
  NON_LOCAL_RESIDENCE_PERMIT: "身份证不是本省签发的，需上传本省的居住证或暂住证等居住证明。",
  MOBILE_SHARED_BETWEEN_PRINCIPALS: "主体负责人和网站负责人不是同一人时，手机号码必须不同；请各自填写本人的手机号码。",
  EMAIL_SHARED_BETWEEN_PRINCIPALS: "主体负责人和网站负责人不是同一人时，电子邮箱必须不同；请各自填写本人的邮箱。",
  EMERGENCY_MOBILE_SAME_AS_PRINCIPAL: "应急联系电话须是负责人以外的人的号码，请换一个号码。",
  MOBILE_USED_BY_OTHER_SUBJECT: "一个手机号码只能用于一个备案主体；请换用本人的其他手机号码。",
  MOBILE_REQUIRED: "请填写负责人本人的手机号码，管局的短信验证码会发送到这个号码。",
  MOBILE_INVALID: "请填写 11 位中国大陆手机号码，不加 +86 和空格。",
  MOBILE_LOCAL_REQUIRED: "本省要求使用本省的手机号码，审核员会核对；如不是本省号码，请换用本省号码。",
  EMAIL_REQUIRED: "请填写常用的电子邮箱，用于接收备案进度通知。",
  EMAIL_INVALID: "请检查邮箱格式，例如 name@example.com。",
  PERSON_NAME_REQUIRED: "请按证件填写负责人姓名。",
  PERSON_NAME_INVALID: "姓名应与证件上的姓名一致，不能包含数字或符号。",
  OFFICE_PHONE_INVALID: "办公电话请按“区号-号码”填写，例如 010-88888888。",
  ADDRESS_DIVISION_REQUIRED: "请依次选择省、市、区县。",
  ADDRESS_DIVISION_MISMATCH: "所选的市、区县不属于所选的省，请重新选择。",
  ADDRESS_DETAIL_REQUIRED: "请填写区县以下的详细地址，写到门牌号。",
  ADDRESS_DETAIL_SYMBOLS: "详细地址不能含特殊符号，请删除后重新填写。",
  ADDRESS_DETAIL_NO_ROOM: "详细地址请写到门牌号或房间号，例如“文三路100号1幢501室”。",
  ADDRESS_DETAIL_REPEATS_DIVISION: "详细地址不用再写省、市、区县，从街道开始填写即可。",
  MAILING_NOT_MAINLAND: "幕布只能寄往中国大陆的地址，请填写大陆的收件地址，或选择现场核验。",
  SUBJECT_NAME_REQUIRED: "请填写主办单位的全称（与证件一致），个人填写本人姓名。",
  SUBJECT_NAME_TOO_LONG: "主办者名称最多 50 个字，请按证件上的名称填写。",
  ADDRESS_TOO_LONG: "通信地址最多 200 个字，请精简。",
  INVESTOR_REQUIRED: "请填写投资人或主管单位名称（企业一般填写股东或法定代表人）。",
  INVESTOR_TOO_LONG: "投资人或主管单位名称最多 30 个字，请精简。",

  DOMAIN_REQUIRED: "请填写网站的域名，例如 example.com。",
  DOMAIN_NOT_A_DOMAIN: "请填写域名本身，例如 example.com，不要填写网址、IP 地址或邮箱。",
  DOMAIN_LABEL_INVALID: "域名只能包含字母、数字、连字符和中文，请检查是否有空格或其他字符。",
  DOMAIN_IS_SUBDOMAIN: "请填写主域名（例如 example.com），而不是 www.example.com 之类的子域名；一个主域名备案后，其子域名都可以使用。",
  DOMAIN_DUPLICATE: "同一个域名只需填写一次，请删除重复的一项。",
  DOMAIN_SUFFIX_UNKNOWN: "域名后缀不存在，请检查拼写。",
  DOMAIN_SUFFIX_NOT_FILEABLE: "该后缀未获工信部批准，不能在国内备案（例如 .io）；请换用 .cn、.com 等可备案的域名。",
  DOMAIN_REGISTRANT_UNVERIFIED: "请上传域名证书，审核员会核对域名的实名信息是否与主办者一致。",
  DOMAIN_REGISTRANT_MISMATCH: "域名持有者必须与主办者一致：请在域名注册商处把持有者过户为主办者并完成实名认证，或改用主办者名下的域名。",
  DOMAIN_REGISTRANT_CERT_MISMATCH: "域名实名认证的证件须与主办者证件一致（单位为营业执照）；请在注册商处更正实名信息。",
  DOMAIN_EXPIRY_INVALID: "请按域名证书填写到期日期（年-月-日）。",
  DOMAIN_EXPIRES_SOON: "域名剩余注册期限不足本省要求，请先在注册商处续费，再按新的到期日期填写。",
  DOMAIN_RECENTLY_VERIFIED: "实名信息同步到工信部需要 3–5 个工作日，刚完成实名认证的域名建议等几天再提交。",
  DOMAINS_PER_SITE_EXCEEDED: "本省每个网站只能填写一个域名；请把其他域名作为单独的网站填写。",
  DOMAIN_MULTIPLE_PER_SITE: "一个网站填写了多个域名，请确认它们是同一个网站；审核员会核对。",
  INSTITUTION_DOMAIN_SUFFIX: "事业单位网站建议使用 .cn 或 .公益 域名，不影响提交。",
  HOME_URL_REQUIRED: "请填写网站首页地址，例如 www.example.com。",
  HOME_URL_INVALID: "首页地址格式不正确，请填写例如 www.example.com 或 https://www.example.com/。",
  HOME_URL_NOT_ON_DOMAIN: "首页地址必须使用本网站填写的域名。",

  SITE_NAME_REQUIRED: "请填写能概括网站内容的中文名称，例如“张三的读书笔记”。",
  SITE_NAME_TOO_LONG: "网站名称最多 50 个字，请精简。",
  SITE_NAME_LATIN_ONLY: "网站名称不能只有英文或数字，请使用中文名称。",
  SITE_NAME_TOO_FEW_HAN: "网站名称至少需要 3 个汉字。",
  SITE_NAME_SYMBOLS: "请删除名称中的特殊符号和表情。",
  SITE_NAME_IS_DOMAIN: "网站名称不能直接使用域名，请填写概括网站内容的中文名称。",
  SITE_NAME_NATIONAL_PREFIX: "“中国”“中华”“中央”“全国”“国家”“人民”“人大”开头仅限国家级单位使用；请去掉这些字样。",
  SITE_NAME_REFUSED_WORD: "名称含有禁止使用的词，请修改名称。",
  SITE_NAME_SENSITIVE_WORD: "名称含有需主管部门批准的敏感词；没有批准文件请修改名称。",
  SITE_NAME_PERSONAL_FORBIDDEN_WORD: "个人网站名称不能带有单位、平台或行业性质的词（如博客、论坛、工作室、官网），请用描述个人内容的名称。",
  SITE_NAME_PERSONAL_PATTERN: "本省个人网站名称须符合规定格式，请按省份说明中的示例填写。",
  SITE_NAME_PROVINCE_FORBIDDEN_WORD: "本省不允许网站名称使用该词，请修改名称。",
  SITE_NAME_WORD_NEEDS_PRE_APPROVAL: "名称中的词需要前置审批：请先取得相应许可证并在前置审批中填写，否则请修改名称。",
  SITE_REMARK_LENGTH: "个人网站的备注请用 20–200 字说明网站内容，例如“记录个人读书心得，不涉及经营性内容”。",
  SITE_REMARK_DISCLAIMER: "本省要求个人网站备注包含固定声明，请把省份说明中的声明写入备注。",

  PRE_APPROVAL_UNKNOWN_CATEGORY: "请从列表中选择前置审批类别。",
  PRE_APPROVAL_PERMIT_REQUIRED: "请填写许可证或批准文件的编号，并上传审批文件。",
  PRE_APPROVAL_LEGACY_CATEGORY: "该前置审批已在全国取消，本省不再要求，可以删除此项。",
  PRE_APPROVAL_SUGGESTED: "名称提示网站可能提供需要许可的内容：如确实提供，请先取得许可证并填写前置审批；否则请调整名称。",
  PRE_APPROVAL_PERSONAL: "个人无法取得前置审批，个人网站不能提供此类内容；请删除前置审批并确认网站内容。",
  FINANCE_CONTENT: "名称涉及金融内容：单位需有金融主管部门的批准文件，审核员会核对；个人不能开办金融类网站，请修改名称。",
  FINANCE_PRINCIPAL_NOT_LEGAL_REP: "本省规定此类金融网站的网站负责人须由法定代表人担任，请修改网站负责人。",
  COMMERCIAL_PERSONAL: "个人只能办理非经营性备案，请取消“经营性网站”。",
  COMMERCIAL_LICENCE_REQUIRED: "经营性网站需填写增值电信业务经营许可证编号（如 京B2-20090059）并上传许可证。",
  COMMERCIAL_LICENCE_INVALID: "许可证编号格式为“省份简称B2-8位数字”或“省份简称ICP证6位数字号”，请对照许可证填写。",

  ICP_NUMBER_REQUIRED: "请填写已有的备案号，可在工信部备案系统（beian.miit.gov.cn）查询。",
  ICP_NUMBER_FORMAT: "备案号格式如“京ICP备12345678号”，网站备案号在末尾加“-1”等序号。",
  ICP_NUMBER_PROVINCE_UNKNOWN: "备案号开头的省份简称不正确，请对照备案信息填写。",

  IMAGE_FORMAT: "请上传 JPG 或 PNG 格式的图片；苹果手机的 HEIC 照片请先在相机设置中改为“兼容性最佳”，或截图后上传。",
  IMAGE_TOO_SMALL: "图片至少 800×600 像素；请用原图重新扫描或拍摄，不要上传缩略图。",
  IMAGE_TOO_LARGE: "系统会自动压缩图片；压缩后仍超过 100 KB 时，请裁掉多余的边缘后重新上传。",
  MATERIAL_MISSING: "请在“上传资料”一步上传清单中缺少的资料，每项旁边写明了需要的原因。",
  VERIFICATION_FORM_TOO_OLD: "核验单的签署日期超过了本省要求的期限，请重新打印、签字（盖章）后上传，并填写新的签署日期。",

  WEBSITE_REQUIRED: "请至少填写一个网站。",
  ACCESS_ICP_NUMBER_REQUIRED: "新增接入需填写网站现有的备案号（如 京ICP备12345678号-1）。",
  ACCESS_PASSWORD_REQUIRED: "新增接入需填写备案密码；忘记密码可在工信部备案系统找回。",
  IP_REQUIRED: "请填写网站使用的服务器 IP 地址（本接入商分配的地址）。",
  IP_INVALID: "IP 地址格式不正确，请填写例如 203.0.113.10。",
  APPLICATION_IN_FLIGHT: "同一主体同时只能有一个备案申请在办理；请等当前申请完成，或撤回后再提交。",
  WEBSITES_PER_APPLICATION_EXCEEDED: "一次申请的网站数量超过了上限，请分多次申请。",
  PERSONAL_WEBSITE_TOTAL_EXCEEDED: "个人备案的网站总数已达上限，不能再新增网站。",
  CALENDAR_DATA_MISSING: "系统的节假日数据尚未覆盖该年份，审核时限按周一至周五估算，不影响提交。",

  TRANSITION_NOT_ALLOWED: "备案当前所处的阶段不能进行该操作；请刷新页面查看最新进度。",
  TRANSITION_ROLE_NOT_ALLOWED: "您没有权限进行该操作，请由相应人员处理。",
  RETURN_REASON_REQUIRED: "（接入商审核员）退回备案时须填写原因，主办者会按原因修改。",
  VERIFICATION_NOT_PASSED: "网站负责人的当面核验（幕布照或现场核验）通过后，接入商才能提交管局。",
  FILING_NOT_STALE: "（系统）申请仍在有效期内，不会被关闭。",

  POLICY_OVERRIDE_INVALID: "（接入商管理员）省份规则覆盖配置应为以省份代码为键的对象。",
  POLICY_OVERRIDE_UNKNOWN_PROVINCE: "（接入商管理员）请使用 bj、sh、gd 等两位省份代码。",
  POLICY_OVERRIDE_UNKNOWN_KEY: "（接入商管理员）该规则项不存在，已忽略；请对照规则项列表。",
  POLICY_OVERRIDE_INVALID_VALUE: "（接入商管理员）覆盖值的结构须与默认值相同，已保留默认值。",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "需修改（不能提交）", warning: "提醒（可以提交）", review: "审核员核对" };

/** Which part of the filing a rule id is about, for grouping and the related help page. */
const GROUPS: { prefix: string; title: string; page: string }[] = [
  { prefix: "ID-", title: "证件", page: "/help/materials#uploads" },
  { prefix: "SUB-", title: "主办者与负责人", page: "/help/provinces" },
  { prefix: "DOM-", title: "域名", page: "/help/materials#uploads" },
  { prefix: "NAME-", title: "网站名称", page: "/help/site-names#rules" },
  { prefix: "PRE-", title: "前置审批与经营性备案", page: "/help/site-names#pre-approval" },
  { prefix: "NUM-", title: "备案号", page: "/help/process" },
  { prefix: "MAT-", title: "资料与图片", page: "/help/photo#images" },
  { prefix: "FORM-", title: "核验单", page: "/help/materials#forms" },
  { prefix: "R-FORM", title: "填写与办理限制", page: "/help/materials" },
  { prefix: "WF-", title: "填写与办理限制", page: "/help/process" },
  { prefix: "R-", title: "办理流程", page: "/help/process" },
  { prefix: "POLICY", title: "省份规则配置", page: "/help/provinces" },
];

export interface FindingHelp {
  code: FindingCode;
  title: string;
  ruleId: string;
  severity: Severity;
  todo: string;
  group: string;
  page: string;
}

function groupOf(ruleId: string) {
  return GROUPS.find((g) => ruleId.startsWith(g.prefix)) ?? GROUPS[GROUPS.length - 1]!;
}

export const FINDING_HELP: readonly FindingHelp[] = (Object.keys(FINDING_CATALOG) as FindingCode[]).map((code) => {
  const e = FINDING_CATALOG[code];
  const g = groupOf(e.ruleId);
  return { code, title: e.title, ruleId: e.ruleId, severity: e.severity, todo: TODO[code], group: g.title, page: g.page };
});

export function findingHelp(code: string): FindingHelp | undefined {
  return FINDING_HELP.find((f) => f.code === code);
}

/** The deep link of a finding's help entry (the same address the form's "查看说明" links use). */
export const findingHref = (code: FindingCode) => findingHelpHref(code)!;
