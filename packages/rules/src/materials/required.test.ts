import { describe, expect, it } from "vitest";
import { DELEGATE, mutate, NOW, organisationFiling, personalFiling, residentId } from "../../test/fixtures.js";
import { DEFAULT_POLICIES } from "../provinces/policies.js";
import { checkImageMeta, checkMaterials, photoRules } from "./checklist.js";
import { requiredMaterials } from "./required.js";
import { paperSet, verificationFormSpec } from "../forms/verification-form.js";

const kinds = (list: { kind: string }[]) => list.map((m) => m.kind);
const count = (list: { kind: string }[], kind: string) => list.filter((m) => m.kind === kind).length;

describe("requiredMaterials (MAT-2)", () => {
  it("lists the personal set with reasons (R-MAT-2)", () => {
    const list = requiredMaterials(mutate(personalFiling(), (f) => { f.province = "bj"; }));
    expect(kinds(list)).toEqual(["principal_id", "verification_photo", "verification_form", "domain_certificate"]);
    for (const m of list) {
      expect(m.reason).toMatch(/\p{Script=Han}/u);
      expect(m.ruleId).toMatch(/^[A-Z]+-\d+$/);
    }
  });

  it("lists the organisation set: licence, legal rep, delegate ID + authorization, photos (R-MAT-3, SUB-3)", () => {
    const list = requiredMaterials(mutate(organisationFiling(4), (f) => { f.province = "bj"; }));
    expect(count(list, "subject_certificate")).toBe(1);
    expect(count(list, "legal_rep_id")).toBe(1);
    expect(count(list, "principal_id")).toBe(1); // the delegate only
    expect(count(list, "authorization_letter")).toBe(1);
    expect(count(list, "verification_photo")).toBe(2); // one per distinct website principal
    expect(count(list, "domain_certificate")).toBe(4);
    expect(list.find((m) => m.kind === "authorization_letter")?.ruleId).toBe("SUB-3");
  });

  it.each([
    ["MAT-3 renamed organisation", mutate(organisationFiling(1), (f) => { f.subject.renamed = true; }), "rename_proof"],
    ["PRE-4 commercial", mutate(organisationFiling(1), (f) => { f.websites[0]!.commercial = true; }), "commercial_licence"],
    ["PRE-1 pre-approval", mutate(organisationFiling(1), (f) => { f.websites[0]!.preApprovals = [{ category: "news", permitNumber: "1" }]; }), "pre_approval_document"],
    ["MAT-2 广东 commitment", mutate(organisationFiling(1), (f) => { f.province = "gd"; }), "commitment_letter"],
    ["MAT-2 上海 commitment", mutate(organisationFiling(1), (f) => { f.province = "sh"; }), "commitment_letter"],
    ["SUB-5 non-local in 上海", mutate(personalFiling(), (f) => { f.province = "sh"; }), "residence_permit"],
  ])("%s → %s", (_label, filing, kind) => {
    expect(kinds(requiredMaterials(filing))).toContain(kind);
  });

  it("needs domain certificates only from 4 domains in 河南 (DOM-6)", () => {
    const ha = (n: number) => mutate(organisationFiling(n), (f) => { f.province = "ha"; });
    expect(count(requiredMaterials(ha(3)), "domain_certificate")).toBe(0);
    expect(count(requiredMaterials(ha(4)), "domain_certificate")).toBe(4);
  });

  it("asks 江西 individuals with more than 5 domains for a construction plan (DOM-6)", () => {
    const jx = mutate(personalFiling(), (f) => {
      f.province = "jx";
      f.websites[0]!.domains = ["a1.cn", "a2.cn", "a3.cn", "a4.cn", "a5.cn", "a6.cn"];
    });
    expect(kinds(requiredMaterials(jx))).toEqual(expect.arrayContaining(["construction_plan", "domain_certificate"]));
  });

  it("asks 浙江 for one 核验单 per domain (FORM-2)", () => {
    expect(count(requiredMaterials(organisationFiling(3)), "verification_form")).toBe(3);
    expect(count(requiredMaterials(mutate(organisationFiling(3), (f) => { f.province = "bj"; })), "verification_form")).toBe(1);
  });

  it("asks 江苏 16–17-year-olds for a proof of income (ID-7)", () => {
    const js = mutate(personalFiling(), (f) => {
      f.province = "js";
      const id = residentId("32010220090101123");
      f.subject.principal.certificate.number = id;
    });
    expect(kinds(requiredMaterials(js, DEFAULT_POLICIES, { now: NOW }))).toContain("income_proof");
  });

  it("needs nothing for cancellations and survives bad input", () => {
    expect(requiredMaterials(mutate(organisationFiling(1), (f) => { f.type = "cancel_site"; }))).toEqual([]);
    expect(() => requiredMaterials({} as never)).not.toThrow();
  });
});

describe("checkMaterials and images (MAT-1, MAT-2)", () => {
  it("reports each missing material", () => {
    const required = requiredMaterials(mutate(personalFiling(), (f) => { f.province = "bj"; }));
    const missing = checkMaterials(required, [{ kind: "principal_id" }, { kind: "verification_form" }]);
    expect(missing.map((f) => [f.code, f.path])).toEqual([
      ["MATERIAL_MISSING", "websites.0.principal"],
      ["MATERIAL_MISSING", "websites.0.domains.0"],
    ]);
  });

  it.each([
    [{ width: 800, height: 600, bytes: 100 * 1024, mime: "image/jpeg" }, []],
    [{ width: 600, height: 800, bytes: 50_000, mime: "image/png" }, []],
    [{ width: 799, height: 600, bytes: 50_000, mime: "image/jpeg" }, ["IMAGE_TOO_SMALL"]],
    [{ width: 800, height: 600, bytes: 100 * 1024 + 1, mime: "image/jpeg" }, ["IMAGE_TOO_LARGE"]],
    [{ width: 800, height: 600, bytes: 1000, mime: "image/gif" }, ["IMAGE_FORMAT"]],
  ])("checkImageMeta(%j) → %j (MAT-1)", (image, expected) => {
    expect(checkImageMeta(image).findings.map((f) => f.code)).toEqual(expected);
  });

  it("adds 甘肃's slogan to the photo rules (MAT-4)", () => {
    expect(photoRules(DEFAULT_POLICIES.gs).join("")).toContain("共同营造健康诚信网络环境");
    expect(photoRules(DEFAULT_POLICIES.bj)).toHaveLength(4);
  });
});

describe("verification form and paper set (FORM-1, FORM-2, R-MAT-4, R-MAT-5)", () => {
  it.each([
    ["gd", organisationFiling(2), { variant: "guangdong", signing: "sign_and_seal", sheets: 1 }],
    ["zj", organisationFiling(3), { variant: "national", sheets: 3 }],
    ["jx", personalFiling(), { signing: "sign_and_fingerprint", fingerprintAtSignature: true }],
    ["sh", organisationFiling(1), { maxAgeMonths: 3 }],
  ] as const)("%s", (province, filing, expected) => {
    expect(verificationFormSpec(filing, DEFAULT_POLICIES[province])).toMatchObject(expected);
  });

  it("lists the paper set with copies", () => {
    const org = paperSet(mutate(organisationFiling(2), (f) => { f.websites[1]!.principal = DELEGATE; f.websites[0]!.commercial = true; }));
    expect(org.map((d) => d.document)).toEqual(expect.arrayContaining(["网站备案授权书", "增值电信业务经营许可证复印件"]));
    expect(org[0]).toEqual({ document: "网站备案信息真实性核验单", copies: 2, note: "网站负责人签字并加盖公章" });
    expect(paperSet(personalFiling())).toHaveLength(4);
  });
});
