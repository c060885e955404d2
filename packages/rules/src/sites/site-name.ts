/**
 * Site names (NAME-1…NAME-5). Province-specific parts (江苏 personal pattern, 上海 words) come
 * from the province policy, so the form's live check and the server apply the same data.
 */
import { report } from "../catalog.js";
import { checked, type CheckResult, type Finding } from "../finding.js";
import { DEFAULT_POLICIES } from "../provinces/policies.js";
import { resolveProvince } from "../provinces/identity.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { charLength, cleanText } from "../text.js";
import { PRE_APPROVAL_CATEGORIES } from "./pre-approval-categories.js";

const MAX_LENGTH = 50;
// NAME-2: reserved for national bodies.
const NATIONAL_PREFIXES = ["中国", "中华", "中央", "全国", "国家", "人民", "人大"];
// NAME-3: refused outright / allowed only with the competent authority's approval.
const REFUSED_WORDS = ["赌博", "色情"];
const SENSITIVE_WORDS = ["反腐", "纪检", "监察", "信访", "维权", "投诉", "廉政"];
// NAME-4: words a personal site name may not contain (organisation-like, directory-like, national).
const PERSONAL_FORBIDDEN = [
  "个人空间", "爱好者", "博客", "导航", "工作室", "论坛", "平台", "热线", "社区", "社团", "网络", "网站",
  "网址", "主页", "资讯", "作品展示", "在线", "交流", "官网", "公司", "中心", "集团", "企业", "有限",
  "商城", "协会", "中国", "中华", "国家", "全国",
];

export interface SiteNameOptions {
  path?: string;
  /** Province policy to apply; defaults to the built-in policy of `province`. */
  policy?: ProvincePolicy;
  /** The organisation's name: a national body whose own name starts with 中国… may use it (NAME-2). */
  subjectName?: string;
  /** The site's domains: the name may not just be the domain (NAME-1). */
  domains?: readonly string[];
  /** Declared pre-approval categories (NAME-5 words that need one). */
  preApprovals?: readonly string[];
}

const found = (text: string, words: readonly string[]): string[] => words.filter((w) => text.includes(w));
const quoted = (words: readonly string[]): string => words.map((w) => `“${w}”`).join("、");

/**
 * NAME-1…NAME-5. `subjectType` "personal" or anything else for organisations; `province`
 * as key ("sh"), name, ICP abbreviation or GB/T 2260 code.
 */
export function checkSiteName(
  name: string,
  subjectType: "personal" | "enterprise" | (string & {}),
  province?: string,
  options: SiteNameOptions = {},
): CheckResult {
  const path = options.path ?? "";
  const text = cleanText(name);
  const personal = subjectType === "personal";
  const key = resolveProvince(province);
  const policy = options.policy ?? (key ? DEFAULT_POLICIES[key] : undefined);

  if (text === "") return checked([report("SITE_NAME_REQUIRED", path, "请填写网站名称，例如“张三的读书笔记”。")], {});
  if (charLength(text) > MAX_LENGTH) {
    return checked([report("SITE_NAME_TOO_LONG", path, `网站名称最多 ${MAX_LENGTH} 个字，请精简。`)], {});
  }
  const findings: Finding[] = [];
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const symbols = text.match(/[^\p{Script=Han}A-Za-z0-9 ·]/gu);

  // NAME-1
  if (/^[A-Za-z0-9 ]+$/.test(text)) {
    findings.push(report("SITE_NAME_LATIN_ONLY", path, "网站名称不能只有英文字母或数字，请使用能概括网站内容的中文名称（至少 3 个汉字）。"));
  } else if (han < 3) {
    findings.push(report("SITE_NAME_TOO_FEW_HAN", path, `网站名称至少需要 3 个汉字，当前只有 ${han} 个。`));
  }
  if (symbols) {
    findings.push(
      report("SITE_NAME_SYMBOLS", path, `网站名称不能包含特殊符号或表情，请删除 ${quoted([...new Set(symbols)].slice(0, 5))}。`),
    );
  }
  const compact = text.toLowerCase().replace(/\s/g, "");
  const domainLike = (options.domains ?? []).some((d) => {
    const host = d.toLowerCase();
    return compact === host || compact === host.slice(0, host.indexOf(".")) || compact.includes(host);
  });
  if (domainLike || /(^|[^a-z])www([^a-z]|$)|\.(com|cn|net|org)\b/.test(compact)) {
    findings.push(report("SITE_NAME_IS_DOMAIN", path, "网站名称不能直接使用域名，请填写概括网站内容的中文名称。"));
  }

  // NAME-2: only national bodies; an organisation whose own name starts with the word may keep it.
  const prefix = NATIONAL_PREFIXES.find((p) => text.startsWith(p));
  if (prefix && !(!personal && options.subjectName !== undefined && cleanText(options.subjectName).startsWith(prefix))) {
    findings.push(
      report(
        "SITE_NAME_NATIONAL_PREFIX",
        path,
        `网站名称不能以“${prefix}”开头（仅限国家级单位）；请去掉该词或换一个名称。`,
        !personal && options.subjectName === undefined ? { severity: "warning" } : {},
      ),
    );
  }

  // NAME-3
  const refused = found(text, REFUSED_WORDS);
  if (refused.length > 0) {
    findings.push(report("SITE_NAME_REFUSED_WORD", path, `网站名称不能包含 ${quoted(refused)}，请修改名称。`));
  }
  const sensitive = found(text, SENSITIVE_WORDS);
  if (sensitive.length > 0) {
    findings.push(
      report(
        "SITE_NAME_SENSITIVE_WORD",
        path,
        `网站名称含有 ${quoted(sensitive)}，需取得相关主管部门的批准文件才能使用；没有批准文件请修改名称。`,
      ),
    );
  }

  // NAME-4, with the province pattern (江苏) replacing the word list where one is set.
  if (personal) {
    const pattern = policy?.rules.personalSiteNamePattern.value;
    if (pattern) {
      if (!new RegExp(pattern.pattern, "u").test(text)) {
        findings.push(
          report("SITE_NAME_PERSONAL_PATTERN", path, `${policy?.name ?? "本省"}个人网站名称须为规定格式，例如“${pattern.example}”。`),
        );
      }
    } else {
      const words = found(text, PERSONAL_FORBIDDEN).filter((w) => !(prefix && w === prefix));
      if (words.length > 0) {
        findings.push(
          report(
            "SITE_NAME_PERSONAL_FORBIDDEN_WORD",
            path,
            `个人网站名称不能包含 ${quoted(words)} 等带有单位、平台或行业性质的词，请用描述个人内容的名称，例如“张三的读书笔记”。`,
          ),
        );
      }
    }
  }

  // NAME-5 (上海): province word lists.
  const banned = found(text, policy?.rules.siteNameForbiddenWords.value ?? []);
  if (banned.length > 0) {
    findings.push(report("SITE_NAME_PROVINCE_FORBIDDEN_WORD", path, `${policy?.name ?? "本省"}不允许网站名称包含 ${quoted(banned)}。`));
  }
  for (const { word, category } of policy?.rules.siteNameApprovalWords.value ?? []) {
    if (text.includes(word) && !(options.preApprovals ?? []).includes(category)) {
      findings.push(
        report(
          "SITE_NAME_WORD_NEEDS_PRE_APPROVAL",
          path,
          `网站名称含“${word}”，需先取得${PRE_APPROVAL_CATEGORIES[category].permit}并在前置审批中填写；否则请修改名称。`,
        ),
      );
    }
  }
  return checked(findings, {});
}

/** NAME-6: a personal site's remark describes the content (20–200 characters); 天津/广西 add a disclaimer. */
export function checkSiteRemark(
  remark: string | undefined,
  subjectType: string,
  options: { path?: string; policy?: ProvincePolicy } = {},
): CheckResult {
  if (subjectType !== "personal") return checked([], {});
  const path = options.path ?? "";
  const text = cleanText(remark);
  const findings: Finding[] = [];
  const n = charLength(text);
  if (n < 20 || n > 200) {
    findings.push(
      report(
        "SITE_REMARK_LENGTH",
        path,
        `个人网站的备注需用 20–200 字说明网站内容（例如“记录个人读书心得，不涉及经营性内容”），当前 ${n} 字。`,
      ),
    );
  }
  const disclaimer = options.policy?.rules.personalRemarkDisclaimer.value;
  if (disclaimer && !text.includes(cleanText(disclaimer))) {
    findings.push(
      report("SITE_REMARK_DISCLAIMER", path, `${options.policy?.name ?? "本省"}要求个人网站备注包含声明：“${disclaimer}……”。`),
    );
  }
  return checked(findings, {});
}
