import { DEFAULT_POLICIES, FINDING_CATALOG, FILING_TYPES, PROVINCE_KEYS, resolvePolicies } from "@beian/rules";
import { describe, expect, it } from "vitest";
import { FINDING_HELP } from "./finding-help";
import { FILING_TYPE_KEYS, materialsView } from "./materials";
import { provinceLines } from "./provinces";
import { buildIndex, searchHelp } from "./search";
import { checkExample, PRE_APPROVAL_EXAMPLES, SITE_NAME_EXAMPLES, type CheckedExample } from "./site-name-examples";
import { recipientsTable } from "./sms";

const NOW = new Date("2026-03-02T02:00:00Z");
const codes = (e: CheckedExample) => [...new Set(e.findings.map((f) => f.code))].sort();

describe("help center generated from the rules (R-HELP-1)", () => {
  it("has a help entry with what to do for every finding code, reachable by its anchor", () => {
    const catalog = Object.keys(FINDING_CATALOG).sort();
    expect(FINDING_HELP.map((f) => f.code).sort()).toEqual(catalog);
    for (const f of FINDING_HELP) {
      expect(f.todo.length, f.code).toBeGreaterThan(5);
      expect(f.title).toBe(FINDING_CATALOG[f.code].title);
    }
    const index = buildIndex();
    for (const code of catalog) expect(index.find((e) => e.to === `/help/findings#${code}`), code).toBeDefined();
  });

  it.each(SITE_NAME_EXAMPLES.map((e) => [e.name, e.province, e] as const))("site-name example %s (%s) shows the verdict checkSiteName gives", (_n, _p, example) => {
    const checked = checkExample(example, "name");
    expect(checked.verdict).toBe(example.expected.verdict);
    expect(codes(checked)).toEqual([...example.expected.codes].sort());
  });

  it.each(PRE_APPROVAL_EXAMPLES.map((e) => [e.name, e.preApprovals?.join(",") ?? "", e] as const))("pre-approval example %s [%s] shows the verdict checkPreApprovals gives", (_n, _c, example) => {
    const checked = checkExample(example, "pre");
    expect(checked.verdict).toBe(example.expected.verdict);
    expect(codes(checked)).toEqual([...example.expected.codes].sort());
  });

  it("has a page for every province, listing each policy entry with its source", () => {
    const index = buildIndex();
    for (const key of PROVINCE_KEYS) {
      expect(index.find((e) => e.to === `/help/provinces/${key}`), key).toBeDefined();
      const lines = provinceLines(key, DEFAULT_POLICIES);
      expect(lines.every((l) => l.source !== "" && l.text !== "")).toBe(true);
      expect(lines.some((l) => l.overridden)).toBe(false);
    }
    // Provinces with their own rules show them as special; 河北 has none.
    expect(provinceLines("he", DEFAULT_POLICIES).filter((l) => l.special)).toEqual([]);
    expect(provinceLines("sh", DEFAULT_POLICIES).filter((l) => l.special).map((l) => l.key)).toContain("siteNameForbiddenWords");
    expect(provinceLines("gs", DEFAULT_POLICIES).filter((l) => l.special).map((l) => l.key)).toEqual(expect.arrayContaining(["nonLocalIndividuals", "photoSlogan"]));
  });

  it("shows the provider's overrides with their source", () => {
    const { policies } = resolvePolicies({ hi: { smsVerification: { value: { pilot: true, url: "https://hi.beian.miit.gov.cn/x" }, source: "管理员核实", year: 2026 } } });
    const line = provinceLines("hi", policies).find((l) => l.key === "smsVerification")!;
    expect(line).toMatchObject({ overridden: true, source: "管理员核实", year: 2026 });
    expect(line.text).toContain("https://hi.beian.miit.gov.cn/x");
  });

  it("lists materials with reasons for every filing type and subject, none for cancellations", () => {
    for (const type of FILING_TYPE_KEYS) {
      for (const subject of ["personal", "organisation"] as const) {
        const view = materialsView(subject, type, "bj", DEFAULT_POLICIES, NOW);
        if (type.startsWith("cancel")) expect(view.materials, `${type} ${subject}`).toEqual([]);
        else {
          expect(view.materials.map((m) => m.kind), `${FILING_TYPES[type]} ${subject}`).toEqual(expect.arrayContaining(["verification_photo", "verification_form", "domain_certificate"]));
          expect(view.materials.every((m) => m.reason.length > 0)).toBe(true);
        }
      }
    }
    const delegate = materialsView("organisation", "first", "bj", DEFAULT_POLICIES, NOW).variants[0]!;
    expect(delegate.extra.map((m) => m.kind)).toEqual(["principal_id", "authorization_letter"]);
    expect(materialsView("personal", "first", "gd", DEFAULT_POLICIES, NOW).form.variant).toBe("guangdong");
  });

  it("explains who receives an SMS code per filing type", () => {
    const rows = recipientsTable();
    expect(rows.find((r) => r.type === "first")!.organisation).toEqual([["主体负责人"], ["网站负责人"]]);
    expect(rows.find((r) => r.type === "first")!.personal).toEqual([["主体负责人", "网站负责人"]]);
    expect(rows.find((r) => r.type === "new_site")!.organisation).toEqual([["网站负责人"]]);
    expect(rows.find((r) => r.type === "cancel_site")!).toMatchObject({ required: false, organisation: [] });
  });

  it("searches titles and text", () => {
    const index = buildIndex();
    expect(searchHelp(index, "幕布")[0]?.title).toContain("幕布");
    expect(searchHelp(index, "上海").some((e) => e.to === "/help/provinces/sh")).toBe(true);
    expect(searchHelp(index, "DOMAIN_IS_SUBDOMAIN")[0]?.to).toBe("/help/findings#DOMAIN_IS_SUBDOMAIN");
    expect(searchHelp(index, "新增接入 资料")[0]?.to).toBe("/help/materials?type=new_access#type-new_access");
    expect(searchHelp(index, "  ")).toEqual([]);
  });
});
