import type { TFilingForm } from "@beian/contracts";
import { EVENT_RULES, type EventType } from "@beian/rules";
import { isPersonal } from "./form-values";

export const ROLE_LABELS: Record<string, string> = {
  applicant: "主办者",
  reviewer: "接入商审核员",
  admin: "接入商管理员",
  system: "系统",
  bureau: "管局",
};

/** Audit actions as the timeline shows them (R-ST-2). */
export function actionLabel(action: string): string {
  if (action === "filing.created") return "创建备案申请";
  if (action === "material.uploaded") return "上传备案资料";
  const event = action.replace(/^filing\./, "") as EventType;
  return EVENT_RULES[event]?.label ?? action;
}

const PERSON_FIELDS: Record<string, string> = {
  name: "姓名",
  "certificate.type": "证件类型",
  "certificate.number": "证件号码",
  "certificate.validUntil": "证件有效期",
  mobile: "手机号码",
  mobile2: "备用手机号码",
  email: "电子邮箱",
  officePhone: "办公电话",
  qq: "QQ",
};

const SUBJECT_FIELDS: Record<string, string> = {
  type: "主办单位性质",
  "certificate.type": "证件类型",
  "certificate.number": "证件号码",
  "certificate.validUntil": "证件有效期",
  "certificate.domicile": "证件住所",
  investor: "投资人或主管单位",
  address: "通信地址",
  "address.provinceCode": "通信地址（省市区）",
  "address.cityCode": "通信地址（省市区）",
  "address.districtCode": "通信地址（省市区）",
  "address.detail": "详细地址",
  legalRepresentativeName: "法定代表人姓名",
  "emergencyContact.name": "应急联系人姓名",
  "emergencyContact.mobile": "应急联系电话",
  icpNumber: "主体备案号",
};

const WEBSITE_FIELDS: Record<string, string> = {
  name: "网站名称",
  domains: "网站域名",
  homeUrl: "网站首页网址",
  serviceContent: "网站服务内容",
  languages: "网站语言",
  preApprovals: "前置审批",
  commercialLicenceNumber: "增值电信业务经营许可证编号",
  ips: "网站 IP 地址",
  remark: "备注",
  icpNumber: "网站备案号",
};

/** "websites.0.domains.1" → "网站 1（张三的读书笔记） · 域名 2（b.cn）": where a finding applies, in words. */
export function describePath(path: string, form: TFilingForm | undefined): string {
  if (path === "" || path === "province") return path === "province" ? "备案省份" : "整个备案";
  if (path === "materials") return "备案资料";
  const parts = path.split(".");
  if (parts[0] === "access") return parts[1] === "filingPassword" ? "新增接入 · 备案密码" : "新增接入 · 网站备案号";
  if (parts[0] === "subject") {
    const rest = parts.slice(1).join(".");
    if (parts[1] === "principal") {
      const field = parts.slice(2).join(".");
      return field ? `主体负责人 · ${PERSON_FIELDS[field] ?? field}` : "主体负责人";
    }
    if (parts[1] === "name") return isPersonal(form) ? "主办者姓名" : "主办单位名称";
    return rest ? `主体信息 · ${SUBJECT_FIELDS[rest] ?? rest}` : "主体信息";
  }
  if (parts[0] === "websites" && parts[1] !== undefined) {
    const i = Number(parts[1]);
    const site = form?.websites?.[i];
    const head = `网站 ${i + 1}${site?.name ? `（${site.name}）` : ""}`;
    const field = parts[2];
    if (!field) return head;
    if (field === "principal") {
      const sub = parts.slice(3).join(".");
      return `${head} · 网站负责人${sub ? ` · ${PERSON_FIELDS[sub] ?? sub}` : ""}`;
    }
    if ((field === "domains" || field === "ips" || field === "preApprovals") && parts[3] !== undefined) {
      const j = Number(parts[3]);
      const value = field === "domains" ? site?.domains?.[j] : field === "ips" ? site?.ips?.[j] : undefined;
      const noun = field === "domains" ? "域名" : field === "ips" ? "IP 地址" : "前置审批";
      return `${head} · ${noun} ${j + 1}${value ? `（${value}）` : ""}`;
    }
    return `${head} · ${WEBSITE_FIELDS[field] ?? field}`;
  }
  return path;
}

export const STEPS = [
  { key: "subject", title: "主体信息" },
  { key: "websites", title: "网站信息" },
  { key: "materials", title: "上传资料" },
  { key: "confirm", title: "确认提交" },
] as const;
export type StepKey = (typeof STEPS)[number]["key"];

/** The step where a finding's field is edited. */
export function stepOf(path: string, code?: string): StepKey {
  if (code === "MATERIAL_MISSING" || path === "materials") return "materials";
  if (path === "province" || path.startsWith("subject")) return "subject";
  if (path.startsWith("websites") || path.startsWith("access")) return "websites";
  return "confirm";
}
