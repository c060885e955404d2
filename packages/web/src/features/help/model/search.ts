/**
 * The help center's search index: every entry (stages, filing types, photo rules, SMS, provinces,
 * site-name rules, finding codes) with its title, text and deep link, searched in the browser.
 */
import { DEFAULT_POLICIES, FILING_TYPES, IMAGE_LIMITS, PROVINCE_KEYS, photoRules, SCAN_RULES, SMS_SENDER_NUMBERS, type ProvincePolicies } from "@beian/rules";
import { FINDING_HELP, findingHref, SEVERITY_LABELS } from "./finding-help";
import { FILING_TYPE_KEYS, FILING_TYPE_NOTES } from "./materials";
import { STAGES } from "./process";
import { provinceLines } from "./provinces";
import { NO_CODE_STEPS } from "./sms";
import { PRE_APPROVAL_EXAMPLES, SITE_NAME_EXAMPLES } from "./site-name-examples";

export interface HelpEntry {
  /** Unique, also the anchor on its page where there is one. */
  id: string;
  section: string;
  title: string;
  text: string;
  /** Matched but not shown (finding codes, rule ids). */
  keywords?: string;
  to: string;
}

export const SECTIONS = {
  process: { title: "办理流程", to: "/help/process" },
  materials: { title: "备案资料与核验单", to: "/help/materials" },
  photo: { title: "幕布照与图片要求", to: "/help/photo" },
  sms: { title: "短信核验", to: "/help/sms" },
  provinces: { title: "各省要求", to: "/help/provinces" },
  siteNames: { title: "网站名称与前置审批", to: "/help/site-names" },
  findings: { title: "检查提示说明", to: "/help/findings" },
} as const;

export function buildIndex(policies: Readonly<ProvincePolicies> = DEFAULT_POLICIES): HelpEntry[] {
  const out: HelpEntry[] = [];
  const add = (section: keyof typeof SECTIONS, id: string, title: string, text: string, hash = id) =>
    out.push({ id, section: SECTIONS[section].title, title, text, to: `${SECTIONS[section].to}${hash ? `#${hash}` : ""}` });

  for (const s of STAGES) add("process", `stage-${s.status}`, `备案阶段：${s.stage}${s.qualifier ? `（${s.qualifier}）` : ""}`, s.actor ? `办理方：${s.actor}；${s.duration}。${s.text}` : s.text);
  for (const t of FILING_TYPE_KEYS) {
    out.push({ id: `type-${t}`, section: SECTIONS.materials.title, title: `${FILING_TYPES[t]}需要的资料`, text: FILING_TYPE_NOTES[t], to: `${SECTIONS.materials.to}?type=${t}#type-${t}` });
  }
  add("materials", "forms", "核验单与纸质资料", "网站备案信息真实性核验单 打印 A4 签字 盖章 按手印 份数 信息安全管理协议 授权书");
  add("photo", "photo", "幕布照（当面核验照片）要求", photoRules().join(""));
  add("photo", "curtain", "申请幕布", "初审通过后可申请邮寄幕布，只寄往中国大陆地址；幕布无需寄回，可以留着以后备案再用。");
  add("photo", "images", "图片大小与格式", `${SCAN_RULES.join("")} 最小 ${IMAGE_LIMITS.minLongSide}×${IMAGE_LIMITS.minShortSide} 像素，最大 100 KB，系统自动压缩。`);
  add("sms", "recipients", "谁会收到短信验证码", "主体负责人 网站负责人 联系方式 1 同一手机号只发一次");
  add("sms", "senders", "验证码的发送号码", SMS_SENDER_NUMBERS.map((s) => `${s.carrier} ${s.number}`).join("，"));
  add("sms", "clock", "验证码 48 小时有效与次日中午重发", "验证码约 5 分钟内到达，次日 12:00 自动重发一次，48 小时内完成验证");
  add("sms", "no-code", "收不到验证码怎么办", NO_CODE_STEPS.join(""));
  add("sms", "portals", "各省短信核验页面", PROVINCE_KEYS.map((k) => policies[k].name).join(" "));
  for (const k of PROVINCE_KEYS) {
    const special = provinceLines(k, policies).filter((l) => l.special || l.overridden);
    out.push({
      id: `province-${k}`,
      section: SECTIONS.provinces.title,
      title: `${policies[k].name}（${policies[k].abbr}）备案要求`,
      text: special.map((l) => `${l.title}：${l.text}`).join("；") || "与全国通用规定相同",
      to: `/help/provinces/${k}`,
    });
  }
  add("siteNames", "rules", "网站名称规则", SITE_NAME_EXAMPLES.map((e) => `${e.name} ${e.why}`).join(" "));
  add("siteNames", "pre-approval", "前置审批与经营性备案", PRE_APPROVAL_EXAMPLES.map((e) => `${e.name} ${e.why}`).join(" "));
  for (const f of FINDING_HELP) out.push({ id: f.code, section: SECTIONS.findings.title, title: f.title, text: `${SEVERITY_LABELS[f.severity]}：${f.todo}`, keywords: `${f.code} ${f.ruleId}`, to: findingHref(f.code) });
  return out;
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Entries containing every word of the query; title matches first. */
export function searchHelp(index: readonly HelpEntry[], query: string, limit = 50): HelpEntry[] {
  const words = normalize(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  return index
    .map((e) => {
      const title = normalize(e.title);
      const all = `${title} ${normalize(e.text)} ${e.id.toLowerCase()} ${normalize(e.keywords ?? "")}`;
      if (!words.every((w) => all.includes(w))) return null;
      return { e, score: words.filter((w) => title.includes(w)).length };
    })
    .filter((r): r is { e: HelpEntry; score: number } => r !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.e);
}
