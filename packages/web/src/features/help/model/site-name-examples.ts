/**
 * Site-name and pre-approval examples (NAME-1…NAME-5, PRE-1…PRE-4). The page shows the verdict
 * and the messages the real rule functions give; `expected` is what this text claims, and a test
 * asserts the two agree, so the examples cannot drift from the rules.
 */
import { checkPreApprovals, checkSiteName, DEFAULT_POLICIES, type Finding, type FindingCode, type PreApprovalCategory, type ProvinceKey } from "@beian/rules";
import { organisationSample, personalSample } from "./sample-filings";

export type Verdict = "pass" | "warning" | "fail";

export const VERDICT_LABELS: Record<Verdict, string> = { pass: "可以使用", warning: "可以提交，但有提醒", fail: "不能使用" };

export interface NameExample {
  name: string;
  subject: "personal" | "enterprise";
  province: ProvinceKey;
  /** The organisation's own name (NAME-2: a national body may keep its prefix). */
  subjectName?: string;
  domains?: string[];
  /** Declared pre-approvals (PRE-1). */
  preApprovals?: PreApprovalCategory[];
  /** What the page claims: the verdict and the codes the rules report. */
  expected: { verdict: Verdict; codes: FindingCode[] };
  why: string;
}

export interface CheckedExample extends NameExample {
  verdict: Verdict;
  findings: Finding[];
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === "error")) return "fail";
  return findings.length > 0 ? "warning" : "pass";
}

const P = (name: string, expected: NameExample["expected"], why: string, more: Partial<NameExample> = {}): NameExample => ({ name, subject: "personal", province: "bj", expected, why, ...more });
const E = (name: string, expected: NameExample["expected"], why: string, more: Partial<NameExample> = {}): NameExample => ({
  name,
  subject: "enterprise",
  province: "bj",
  subjectName: "某某网络科技有限公司",
  expected,
  why,
  ...more,
});

export const SITE_NAME_EXAMPLES: readonly NameExample[] = [
  P("张三的读书笔记", { verdict: "pass", codes: [] }, "描述个人内容，至少 3 个汉字。"),
  E("某某科技产品介绍", { verdict: "pass", codes: [] }, "单位网站，名称概括了网站内容。"),
  P("Zhang San Blog", { verdict: "fail", codes: ["SITE_NAME_LATIN_ONLY"] }, "不能只有英文字母或数字。"),
  P("读书", { verdict: "fail", codes: ["SITE_NAME_TOO_FEW_HAN"] }, "至少需要 3 个汉字。"),
  P("张三的读书笔记★", { verdict: "fail", codes: ["SITE_NAME_SYMBOLS"] }, "不能含特殊符号或表情。"),
  E("zhangsan-notes.cn", { verdict: "fail", codes: ["SITE_NAME_TOO_FEW_HAN", "SITE_NAME_SYMBOLS", "SITE_NAME_IS_DOMAIN"] }, "不能直接用域名作网站名称。", { domains: ["zhangsan-notes.cn"] }),
  E("中国科技产品网", { verdict: "fail", codes: ["SITE_NAME_NATIONAL_PREFIX"] }, "“中国”“中华”“国家”等开头仅限国家级单位。"),
  E("中国某某协会官网", { verdict: "pass", codes: [] }, "单位自己的名称就以“中国”开头时可以保留。", { subjectName: "中国某某协会" }),
  E("某某维权服务中心", { verdict: "warning", codes: ["SITE_NAME_SENSITIVE_WORD"] }, "“维权”“信访”等敏感词需主管部门批准。"),
  P("张三的个人博客", { verdict: "fail", codes: ["SITE_NAME_PERSONAL_FORBIDDEN_WORD"] }, "个人网站名称不能含“博客”“论坛”“工作室”等词（北京等多数省份）。"),
  P("张三的个人博客", { verdict: "pass", codes: [] }, "江苏个人网站名称只能是“xx的个人博客”或“xx的个人主页”。", { province: "js" }),
  P("张三的读书笔记", { verdict: "fail", codes: ["SITE_NAME_PERSONAL_PATTERN"] }, "江苏不符合规定格式的个人网站名称不能使用。", { province: "js" }),
  E("某某科技交流论坛", { verdict: "fail", codes: ["SITE_NAME_PROVINCE_FORBIDDEN_WORD"] }, "上海网站名称不能含“论坛”。", { province: "sh" }),
  E("某某城市新闻网", { verdict: "fail", codes: ["SITE_NAME_WORD_NEEDS_PRE_APPROVAL", "PRE_APPROVAL_SUGGESTED"] }, "上海名称含“新闻网”需先取得新闻前置审批。", { province: "sh" }),
];

export const PRE_APPROVAL_EXAMPLES: readonly NameExample[] = [
  E("某某城市新闻", { verdict: "warning", codes: ["PRE_APPROVAL_SUGGESTED"] }, "名称提示新闻内容：提供新闻服务需先取得许可证并填写前置审批。"),
  E("某某城市新闻", { verdict: "pass", codes: [] }, "已填写新闻类前置审批及许可证编号。", { preApprovals: ["news"] }),
  P("张三的电影推荐", { verdict: "warning", codes: ["PRE_APPROVAL_SUGGESTED"] }, "个人网站不能提供影视类内容，名称应只体现个人内容。"),
  P("张三的读书笔记", { verdict: "fail", codes: ["PRE_APPROVAL_PERSONAL"] }, "个人无法取得前置审批，个人网站不能申报前置审批内容。", { preApprovals: ["news"] }),
  E("某某理财顾问", { verdict: "warning", codes: ["FINANCE_CONTENT"] }, "名称涉及金融内容，需金融主管部门批准，由审核员核对。"),
  P("张三的理财笔记", { verdict: "fail", codes: ["FINANCE_CONTENT"] }, "个人不能开办金融类网站。"),
  E("某某科技产品介绍", { verdict: "warning", codes: ["PRE_APPROVAL_LEGACY_CATEGORY"] }, "教育、医疗保健、电子公告前置审批已在全国取消，多数省份无需填写。", { preApprovals: ["education"] }),
];

/** Runs the real checks: checkSiteName for names, checkPreApprovals over a sample site for content. */
export function checkExample(example: NameExample, kind: "name" | "pre"): CheckedExample {
  const policy = DEFAULT_POLICIES[example.province];
  let findings: Finding[];
  if (kind === "name") {
    findings = checkSiteName(example.name, example.subject, example.province, {
      policy,
      ...(example.subjectName ? { subjectName: example.subjectName } : {}),
      ...(example.domains ? { domains: example.domains } : {}),
      preApprovals: example.preApprovals ?? [],
    }).findings;
    // NAME-5 words that need a permit are also PRE-1 words; show both as the form would.
    findings = [...findings, ...preFindings(example)];
  } else {
    findings = preFindings(example);
  }
  return { ...example, verdict: verdictOf(findings), findings };
}

function preFindings(example: NameExample): Finding[] {
  const personal = example.subject === "personal";
  const sample = personal ? personalSample(example.province) : organisationSample(example.province);
  const site = { ...sample.websites[0]!, name: example.name, preApprovals: (example.preApprovals ?? []).map((category) => ({ category, permitNumber: "10120170001" })) };
  return checkPreApprovals(site, {
    personal,
    subjectName: example.subjectName ?? sample.subject.name,
    principalIsLegalRep: true,
    policy: DEFAULT_POLICIES[example.province],
    path: "websites.0",
  });
}
