import { describe, expect, it } from "vitest";
import { resolvePolicies } from "../provinces/policies.js";
import { checkSiteName, checkSiteRemark } from "./site-name.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("checkSiteName (NAME-1…NAME-5)", () => {
  it.each([
    ["张三的读书笔记", "personal", undefined],
    ["李四的摄影作品集", "personal", "bj"],
    ["华为技术官网", "enterprise", "gd"],
    ["杭州某某科技有限公司网站", "enterprise", undefined],
    ["ABC 科技官方网站", "enterprise", undefined],
    ["张三的个人博客", "personal", "js"], // NAME-4 江苏 pattern replaces the word list
  ])("accepts %s (%s, %s)", (name, type, province) => {
    const r = checkSiteName(name, type, province);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each([
    ["", "personal", "SITE_NAME_REQUIRED"],
    ["   ", "enterprise", "SITE_NAME_REQUIRED"],
    ["MyBlog", "personal", "SITE_NAME_LATIN_ONLY"], // NAME-1
    ["12345", "enterprise", "SITE_NAME_LATIN_ONLY"],
    ["张三de", "personal", "SITE_NAME_TOO_FEW_HAN"],
    ["张三的笔记！", "personal", "SITE_NAME_SYMBOLS"],
    ["张三的笔记😀", "personal", "SITE_NAME_SYMBOLS"],
    ["某某科技www站点", "enterprise", "SITE_NAME_IS_DOMAIN"],
    ["中国好声音粉丝站", "personal", "SITE_NAME_NATIONAL_PREFIX"], // NAME-2
    ["某某赌博攻略大全", "enterprise", "SITE_NAME_REFUSED_WORD"], // NAME-3
    ["张三的技术博客", "personal", "SITE_NAME_PERSONAL_FORBIDDEN_WORD"], // NAME-4
    ["张三的个人空间", "personal", "SITE_NAME_PERSONAL_FORBIDDEN_WORD"],
    ["张三工作室作品", "personal", "SITE_NAME_PERSONAL_FORBIDDEN_WORD"],
    ["汉".repeat(10_000), "personal", "SITE_NAME_TOO_LONG"],
  ])("rejects %j (%s) with %s", (name, type, code) => {
    const r = checkSiteName(name, type);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain(code);
  });

  it("only warns on sensitive words that need approval (NAME-3)", () => {
    const r = checkSiteName("某某市消费者投诉中心", "enterprise");
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ code: "SITE_NAME_SENSITIVE_WORD", severity: "warning", ruleId: "NAME-3" })]);
  });

  it("lets a national organisation keep its own prefix (NAME-2)", () => {
    expect(checkSiteName("中国移动网上营业厅", "enterprise", undefined, { subjectName: "中国移动通信集团有限公司" }).ok).toBe(true);
    expect(codes(checkSiteName("中国移动网上营业厅", "enterprise", undefined, { subjectName: "某某科技有限公司" }))).toEqual([
      "SITE_NAME_NATIONAL_PREFIX",
    ]);
    // without the subject name the form can only warn
    const r = checkSiteName("中国移动网上营业厅", "enterprise");
    expect(r.ok).toBe(true);
    expect(r.findings[0]?.severity).toBe("warning");
  });

  it("rejects a name that is the site's domain (NAME-1)", () => {
    expect(codes(checkSiteName("abcdef", "enterprise", undefined, { domains: ["abcdef.com"] }))).toContain("SITE_NAME_IS_DOMAIN");
    expect(codes(checkSiteName("abcdef.com", "enterprise", undefined, { domains: ["abcdef.com"] }))).toContain("SITE_NAME_IS_DOMAIN");
  });

  it("applies 江苏's personal pattern (NAME-4 province override)", () => {
    expect(codes(checkSiteName("张三的读书笔记", "personal", "江苏"))).toEqual(["SITE_NAME_PERSONAL_PATTERN"]);
    expect(checkSiteName("张三的个人主页", "personal", "苏").ok).toBe(true);
  });

  it("applies 上海's word rules (NAME-5)", () => {
    expect(codes(checkSiteName("某某科技交流论坛", "enterprise", "sh"))).toEqual(["SITE_NAME_PROVINCE_FORBIDDEN_WORD"]);
    expect(codes(checkSiteName("某某区新闻网", "enterprise", "310000"))).toEqual(["SITE_NAME_WORD_NEEDS_PRE_APPROVAL"]);
    expect(checkSiteName("某某区新闻网", "enterprise", "sh", { preApprovals: ["news"] }).ok).toBe(true);
    expect(checkSiteName("某某科技交流论坛", "enterprise", "bj").ok).toBe(true);
  });

  it("uses an admin-overridden policy", () => {
    const { policies } = resolvePolicies({ bj: { siteNameForbiddenWords: { value: ["测试"], source: "admin", year: 2026 } } });
    expect(codes(checkSiteName("某某测试网站", "enterprise", "bj", { policy: policies.bj }))).toEqual(["SITE_NAME_PROVINCE_FORBIDDEN_WORD"]);
  });
});

describe("checkSiteRemark (NAME-6)", () => {
  const content = "记录个人读书心得与书评，不涉及任何经营性内容和论坛服务。";
  it("requires 20–200 characters for personal sites only", () => {
    expect(checkSiteRemark(content, "personal").ok).toBe(true);
    expect(codes(checkSiteRemark("读书笔记", "personal"))).toEqual(["SITE_REMARK_LENGTH"]);
    expect(codes(checkSiteRemark("字".repeat(201), "personal"))).toEqual(["SITE_REMARK_LENGTH"]);
    expect(checkSiteRemark("", "enterprise").ok).toBe(true);
  });

  it("requires the 天津 disclaimer (2017)", () => {
    const { policies } = resolvePolicies();
    expect(codes(checkSiteRemark(content, "personal", { policy: policies.tj }))).toEqual(["SITE_REMARK_DISCLAIMER"]);
    expect(checkSiteRemark(`本网站是个人网站，不含有企业、单位等信息。${content}`, "personal", { policy: policies.tj }).ok).toBe(true);
  });
});
