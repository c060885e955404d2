/**
 * Readable Chinese names of the form paths return reasons point at ("websites.0.name" →
 * "网站1 · 网站名称"), so a returned applicant reads which field each reason concerns without
 * opening the app. Unknown paths are shown as they are rather than dropped.
 */
const LEAVES: Record<string, string> = {
  type: "类型",
  name: "名称",
  certificate: "证件",
  number: "证件号码",
  validUntil: "证件有效期",
  domicile: "证件住所",
  investor: "投资人或主管单位",
  address: "通信地址",
  provinceCode: "省份",
  cityCode: "城市",
  districtCode: "区县",
  detail: "详细地址",
  legalRepresentativeName: "法定代表人姓名",
  emergencyContact: "应急联系人",
  mobile: "手机号码",
  mobile2: "备用手机号码",
  email: "电子邮箱",
  officePhone: "办公电话",
  qq: "QQ",
  remark: "备注",
  domains: "网站域名",
  homeUrl: "网站首页网址",
  serviceContent: "网站服务内容",
  languages: "网站语言",
  preApprovals: "前置审批",
  commercial: "经营性网站",
  commercialLicenceNumber: "增值电信业务经营许可证编号",
  ips: "网站 IP 地址",
  accessMethod: "接入方式",
  serverLocation: "服务器放置地",
  domainCertificates: "域名证书",
  registrantName: "域名持有者",
  registrantCertNumber: "持有者证件号码",
  expiresAt: "到期日期",
  verifiedAt: "实名认证日期",
  icpNumber: "备案号",
};

export function fieldName(path: string | undefined | null): string | null {
  if (!path) return null;
  const parts = path.split(".");
  const out: string[] = [];
  let section: "subject" | "website" | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    if (/^\d+$/.test(part)) continue;
    if (i === 0 && part === "subject") {
      section = "subject";
      if (next !== "principal") out.push("主办者");
    } else if (i === 0 && part === "websites") {
      section = "website";
      out.push(`网站${index ?? ""}`);
    } else if (i === 0 && part === "materials") out.push("上传资料");
    else if (part === "principal") out.push(section === "subject" ? "主体负责人" : "网站负责人");
    // "certificate.number" reads as 证件号码 alone.
    else if (part === "certificate" && next !== undefined) continue;
    else if (part === "name" && out.length === 1) out.push(section === "website" ? "网站名称" : "名称");
    else {
      const label = LEAVES[part];
      if (!label) return path;
      out.push(index !== null ? `${label}${index}` : label);
    }
  }
  return out.join(" · ");
}

/** "1. 【网站1 · 网站名称】网站名称请与网站实际内容一致。" — one reason per line. */
export function formatReasons(reasons: readonly { path?: string | null; message: string }[]): string {
  return reasons
    .map((r, i) => {
      const field = fieldName(r.path);
      return `${i + 1}. ${field ? `【${field}】` : ""}${r.message}`;
    })
    .join("\n");
}
