/**
 * The Chinese name of every field of the filing form, once. The applicant's form, the
 * reviewer's view, return reasons (R-REV-2) and the notices that carry them name a field with
 * these words, so an applicant told "【网站1 · 备注（网站内容说明）】…" finds the same words on
 * the form. Keys are form paths with `*` for a position in a list.
 */
const PERSON_LABELS = {
  name: "姓名",
  "certificate.type": "证件类型",
  "certificate.number": "证件号码",
  "certificate.validUntil": "证件有效期至",
  mobile: "手机号码",
  mobile2: "备用手机号码",
  email: "电子邮箱",
  officePhone: "办公电话",
  qq: "QQ",
} as const;

const personAt = <P extends string>(prefix: P) =>
  Object.fromEntries(Object.entries(PERSON_LABELS).map(([k, v]) => [`${prefix}.${k}`, v])) as {
    [K in keyof typeof PERSON_LABELS as `${P}.${K}`]: (typeof PERSON_LABELS)[K];
  };

export const FIELD_LABELS = {
  province: "备案省份",
  "access.icpNumber": "网站备案号",
  "access.filingPassword": "备案密码",
  verificationFormSignedAt: "核验单签署日期",
  "cancellation.reason": "注销原因",

  "subject.type": "主办单位性质",
  "subject.name": "主办单位名称",
  "subject.certificate.type": "证件类型",
  "subject.certificate.number": "证件号码",
  "subject.certificate.validUntil": "证件有效期至",
  "subject.certificate.domicile": "证件住所",
  "subject.investor": "投资人或主管单位",
  "subject.address.provinceCode": "通信地址（省市区）",
  "subject.address.cityCode": "通信地址（省市区）",
  "subject.address.districtCode": "通信地址（省市区）",
  "subject.address.detail": "通信地址（详细地址）",
  "subject.legalRepresentativeName": "法定代表人姓名",
  "subject.emergencyContact.name": "应急联系人姓名",
  "subject.emergencyContact.mobile": "应急联系电话",
  "subject.emergencyContact.qq": "应急联系人 QQ",
  "subject.renamed": "单位曾更名",
  "subject.filedBy": "备案方式",
  "subject.remark": "备注",
  "subject.icpNumber": "主体备案号",
  ...personAt("subject.principal"),

  "websites.*.name": "网站名称",
  "websites.*.domains": "网站域名",
  "websites.*.domains.*": "域名",
  "websites.*.homeUrl": "网站首页网址",
  "websites.*.serviceContent": "网站服务内容",
  "websites.*.languages": "网站语言",
  "websites.*.languages.*": "语言",
  "websites.*.preApprovals": "前置审批",
  "websites.*.preApprovals.*.category": "前置审批类别",
  "websites.*.preApprovals.*.permitNumber": "审批文号",
  "websites.*.preApprovals.*.documentId": "审批文件",
  "websites.*.commercial": "经营性网站",
  "websites.*.commercialLicenceNumber": "增值电信业务经营许可证编号",
  "websites.*.ips": "网站 IP 地址",
  "websites.*.ips.*": "IP 地址",
  "websites.*.accessMethod": "接入方式",
  "websites.*.serverLocation": "服务器放置地",
  "websites.*.remark": "备注（网站内容说明）",
  "websites.*.icpNumber": "网站备案号",
  "websites.*.domainCertificates.*.domain": "域名",
  "websites.*.domainCertificates.*.registrantName": "域名持有者",
  "websites.*.domainCertificates.*.registrantCertNumber": "持有者证件号码",
  "websites.*.domainCertificates.*.expiresAt": "域名到期日期",
  "websites.*.domainCertificates.*.verifiedAt": "实名认证日期",
  ...personAt("websites.*.principal"),
} as const;

export type FieldLabelKey = keyof typeof FIELD_LABELS;

/** Labels that read differently when the subject is a person (个人备案). */
const PERSONAL_LABELS: Partial<Record<FieldLabelKey, string>> = { "subject.name": "主办者姓名" };

/** The parts of the form, as a field's name is introduced: "网站1 · 网站名称". */
const PART_LABELS: Record<string, string> = {
  subject: "主体信息",
  "subject.principal": "主体负责人",
  "websites.*.principal": "网站负责人",
  access: "新增接入",
  materials: "备案资料",
};

/** Lists whose elements are parts of the form, named with their position. */
const LIST_LABELS: Record<string, string> = { websites: "网站", "websites.*.domainCertificates": "域名证书" };

/** A form path with list positions replaced by `*`: "websites.0.name" → "websites.*.name". */
export const fieldKey = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, ".*");

export interface FieldLabelOptions {
  /** The subject is a person: "主办者姓名" instead of "主办单位名称". */
  personal?: boolean;
}

/** The field's own label ("网站名称"), or undefined for a path that names no field of the form. */
export function fieldLabel(path: string, options: FieldLabelOptions = {}): string | undefined {
  const key = fieldKey(path) as FieldLabelKey;
  return (options.personal ? PERSONAL_LABELS[key] : undefined) ?? FIELD_LABELS[key];
}

/**
 * Where a path points, in words a reader needs no form open for: "websites.0.principal.mobile" →
 * "网站1 · 网站负责人 · 手机号码", "websites.1.domains.0" → "网站2 · 域名1", "subject.address.detail"
 * → "主体信息 · 通信地址（详细地址）". An unknown path is returned as it is rather than dropped;
 * "" is the filing as a whole.
 */
export function fieldPathName(path: string, options: FieldLabelOptions = {}): string {
  if (path === "") return "整个备案";
  const parts = path.split(".");
  const out: string[] = [];
  let key = "";
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const position = /^\d+$/.test(name) ? Number(name) + 1 : undefined;
    key = key ? `${key}.${position === undefined ? name : "*"}` : name;
    const part = PART_LABELS[key];
    if (position !== undefined) {
      // An element of a list, named with its position: "网站1", "域名2", "前置审批1".
      const list = key.slice(0, -2);
      const item = FIELD_LABELS[key as FieldLabelKey] ?? LIST_LABELS[list] ?? FIELD_LABELS[list as FieldLabelKey];
      if (!item) return path;
      out.push(`${item}${position}`);
    } else if (part !== undefined && i < parts.length - 1) {
      // The subject's principal is a part of its own, not "主体信息 · 主体负责人".
      if (key === "subject.principal") out.pop();
      out.push(part);
    } else if (i === parts.length - 1) {
      const label = fieldLabel(path, options) ?? part;
      if (!label) return path;
      out.push(label);
    }
  }
  return out.join(" · ");
}
