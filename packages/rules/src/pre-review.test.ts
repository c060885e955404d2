import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DELEGATE, LEGAL_REP, mutate, NOW, organisationFiling, personalFiling, residentId } from "../test/fixtures.js";
import type { FilingInput } from "./filing/types.js";
import { preReview } from "./pre-review.js";
import { DEFAULT_POLICIES, resolvePolicies } from "./provinces/policies.js";

const run = (f: FilingInput, ctx: Partial<Parameters<typeof preReview>[2]> = {}) => preReview(f, DEFAULT_POLICIES, { now: NOW, ...ctx });
const codes = (f: FilingInput, ctx: Partial<Parameters<typeof preReview>[2]> = {}) => run(f, ctx).map((x) => x.code);
const org = organisationFiling(2);
const personal = personalFiling();

describe("preReview on valid filings", () => {
  it("finds no errors or warnings in a correct organisation filing, only reviewer points", () => {
    const findings = run(organisationFiling());
    expect(findings.filter((f) => f.severity !== "review")).toEqual([]);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(["AUTHORIZATION_LETTER_NEEDED"]));
  });

  it("finds nothing in a correct personal filing", () => {
    expect(run(personal)).toEqual([]);
  });
});

describe("preReview rules over whole filings", () => {
  it.each<[string, FilingInput, string]>([
    ["SUB-4", mutate(org, (f) => { f.province = "xx" as never; }), "FILING_PROVINCE_UNKNOWN"],
    ["ID-4", mutate(org, (f) => { f.subject.type = "company" as never; }), "SUBJECT_TYPE_INVALID"],
    ["ID-4", mutate(org, (f) => { f.subject.certificate.type = "resident_id"; }), "CERT_TYPE_NOT_ALLOWED"],
    ["ID-2", mutate(org, (f) => { f.subject.certificate.number = "91330106MA27XY8K1"; }), "USCC_FORMAT"],
    ["ID-5", mutate(org, (f) => { f.subject.principal.certificate.validUntil = "2026-01-01"; }), "CERT_EXPIRED"],
    ["ID-5", mutate(org, (f) => { f.subject.principal.certificate.validUntil = "2026-04-01"; }), "CERT_EXPIRING_SOON"],
    ["SUB-1", mutate(org, (f) => { f.subject.legalRepresentativeName = "孙八"; }), "SUBJECT_PRINCIPAL_NOT_LEGAL_REP"],
    ["SUB-1", mutate(org, (f) => { delete f.subject.legalRepresentativeName; }), "SUBJECT_LEGAL_REP_UNKNOWN"],
    ["SUB-2", mutate(personal, (f) => { f.websites[0]!.principal = { ...DELEGATE }; }), "PERSONAL_PRINCIPAL_MISMATCH"],
    ["SUB-2", mutate(personal, (f) => { f.subject.name = "张三丰"; }), "PERSONAL_SUBJECT_NOT_PRINCIPAL"],
    ["SUB-3", mutate(org, (f) => { f.websites[0]!.principal = DELEGATE; }), "AUTHORIZATION_LETTER_NEEDED"],
    ["SUB-4", mutate(org, (f) => { f.subject.certificate.domicile = "江苏省南京市鼓楼区中山路1号"; }), "SUBJECT_DOMICILE_OTHER_PROVINCE"],
    ["SUB-4", mutate(org, (f) => { f.subject.certificate.domicile = "某某路1号"; }), "SUBJECT_DOMICILE_UNCLEAR"],
    ["SUB-4", mutate(org, (f) => { f.subject.certificate.domicile = ""; }), "SUBJECT_DOMICILE_REQUIRED"],
    ["SUB-4", mutate(org, (f) => { f.province = "js"; f.subject.certificate.domicile = "江苏省南京市鼓楼区中山路1号"; f.subject.address = { provinceCode: "320000", cityCode: "320100", districtCode: "320106", detail: "中山路1号101室" }; }), "SUBJECT_CODE_OTHER_PROVINCE"],
    ["SUB-5", mutate(personal, (f) => { f.province = "sx"; }), "NON_LOCAL_REFUSED"],
    ["SUB-5", mutate(personal, (f) => { f.province = "sh"; }), "NON_LOCAL_RESIDENCE_PERMIT"],
    ["SUB-6", mutate(org, (f) => { f.websites[1]!.principal = { ...DELEGATE, mobile: LEGAL_REP.mobile }; }), "MOBILE_SHARED_BETWEEN_PRINCIPALS"],
    ["SUB-6", mutate(org, (f) => { f.websites[1]!.principal = { ...DELEGATE, email: LEGAL_REP.email }; }), "EMAIL_SHARED_BETWEEN_PRINCIPALS"],
    ["SUB-6", mutate(org, (f) => { f.subject.emergencyContact = { mobile: DELEGATE.mobile }; }), "EMERGENCY_MOBILE_SAME_AS_PRINCIPAL"],
    ["SUB-7", mutate(org, (f) => { f.subject.principal.mobile = "12345"; }), "MOBILE_INVALID"],
    ["SUB-7", mutate(personal, (f) => { f.province = "bj"; f.subject.principal.certificate.number = residentId("11010519900315456"); f.subject.certificate.number = f.subject.principal.certificate.number; f.websites[0]!.principal = f.subject.principal; f.subject.address = { provinceCode: "110000", cityCode: "110100", districtCode: "110105", detail: "朝阳路1号101室" }; }), "MOBILE_LOCAL_REQUIRED"],
    ["SUB-8", mutate(org, (f) => { f.subject.address.districtCode = "320106"; }), "ADDRESS_DIVISION_MISMATCH"],
    ["SUB-8", mutate(org, (f) => { f.subject.address.detail = "文三路100号#501"; }), "ADDRESS_DETAIL_SYMBOLS"],
    ["SUB-8", mutate(org, (f) => { f.subject.address.detail = "浙江省杭州市文三路100号501室"; }), "ADDRESS_DETAIL_REPEATS_DIVISION"],
    ["SUB-8", mutate(org, (f) => { f.subject.address.detail = "文三路"; }), "ADDRESS_DETAIL_NO_ROOM"],
    ["SUB-8", mutate(org, (f) => { f.subject.principal.officePhone = "88888888"; }), "OFFICE_PHONE_INVALID"],
    ["SUB-9", mutate(org, (f) => { f.subject.name = "某".repeat(51); }), "SUBJECT_NAME_TOO_LONG"],
    ["SUB-9", mutate(org, (f) => { f.subject.investor = "某".repeat(31); }), "INVESTOR_TOO_LONG"],
    ["ID-6", mutate(personal, (f) => { f.province = "hi"; f.subject.principal.certificate.type = "temporary_resident_id"; }), "TEMPORARY_ID_REFUSED"],
    ["ID-7", mutate(personal, (f) => { const id = residentId("33010620100315456"); f.subject.principal.certificate.number = id; f.subject.certificate.number = id; f.websites[0]!.principal = f.subject.principal; }), "AGE_UNDER_MINIMUM"],
    ["DOM-1", mutate(org, (f) => { f.websites[0]!.domains = ["www.mouxtech0.com"]; }), "DOMAIN_IS_SUBDOMAIN"],
    ["DOM-1", mutate(org, (f) => { f.websites[1]!.domains = ["mouxtech0.com"]; }), "DOMAIN_DUPLICATE"],
    ["DOM-2", mutate(org, (f) => { f.websites[0]!.domains = ["mouxtech0.io"]; }), "DOMAIN_SUFFIX_NOT_FILEABLE"],
    ["DOM-3", mutate(org, (f) => { f.websites[0]!.domainCertificates![0]!.registrantName = "王五"; }), "DOMAIN_REGISTRANT_MISMATCH"],
    ["DOM-3", mutate(org, (f) => { f.websites[0]!.domainCertificates![0]!.registrantCertNumber = LEGAL_REP.certificate.number; }), "DOMAIN_REGISTRANT_CERT_MISMATCH"],
    ["DOM-3", mutate(org, (f) => { f.websites[0]!.domainCertificates = []; }), "DOMAIN_REGISTRANT_UNVERIFIED"],
    ["DOM-4", mutate(org, (f) => { f.websites[0]!.domainCertificates![0]!.expiresAt = "2026-05-01"; }), "DOMAIN_EXPIRES_SOON"],
    ["DOM-4", mutate(org, (f) => { f.websites[0]!.domainCertificates![0]!.expiresAt = "2026-13-01"; }), "DOMAIN_EXPIRY_INVALID"],
    ["DOM-5", mutate(org, (f) => { f.websites[0]!.domainCertificates![0]!.verifiedAt = "2026-02-27"; }), "DOMAIN_RECENTLY_VERIFIED"],
    ["DOM-7", mutate(org, (f) => { f.province = "cq"; f.websites[0]!.domains.push("mouxtech0.cn"); }), "DOMAINS_PER_SITE_EXCEEDED"],
    ["WF-2", mutate(org, (f) => { f.websites[0]!.domains.push("mouxtech0.cn"); f.websites[0]!.domainCertificates!.push({ domain: "mouxtech0.cn", registrantName: f.subject.name }); }), "DOMAIN_MULTIPLE_PER_SITE"],
    ["DOM-8", mutate(org, (f) => { f.subject.type = "institution"; f.subject.certificate.type = "institution_legal_person"; }), "INSTITUTION_DOMAIN_SUFFIX"],
    ["DOM-9", mutate(org, (f) => { f.websites[0]!.homeUrl = "www.example.com"; }), "HOME_URL_NOT_ON_DOMAIN"],
    ["NAME-1", mutate(org, (f) => { f.websites[0]!.name = "MouxTech"; }), "SITE_NAME_LATIN_ONLY"],
    ["NAME-4", mutate(personal, (f) => { f.websites[0]!.name = "张三的技术博客"; }), "SITE_NAME_PERSONAL_FORBIDDEN_WORD"],
    ["NAME-6", mutate(personal, (f) => { f.websites[0]!.remark = "读书"; }), "SITE_REMARK_LENGTH"],
    ["PRE-1", mutate(org, (f) => { f.websites[0]!.preApprovals = [{ category: "news", permitNumber: "" }]; }), "PRE_APPROVAL_PERMIT_REQUIRED"],
    ["PRE-1", mutate(org, (f) => { f.websites[0]!.name = "某某科技新闻中心"; }), "PRE_APPROVAL_SUGGESTED"],
    ["PRE-1", mutate(org, (f) => { f.websites[0]!.preApprovals = [{ category: "education", permitNumber: "教审[2016]1号" }]; }), "PRE_APPROVAL_LEGACY_CATEGORY"],
    ["PRE-2", mutate(personal, (f) => { f.websites[0]!.preApprovals = [{ category: "news", permitNumber: "1" }]; }), "PRE_APPROVAL_PERSONAL"],
    ["PRE-3", mutate(org, (f) => { f.websites[0]!.name = "某某科技理财服务"; }), "FINANCE_CONTENT"],
    ["PRE-3", mutate(org, (f) => { f.province = "ln"; f.websites[1]!.name = "某某科技理财服务"; }), "FINANCE_PRINCIPAL_NOT_LEGAL_REP"],
    ["PRE-4", mutate(org, (f) => { f.websites[0]!.commercial = true; }), "COMMERCIAL_LICENCE_REQUIRED"],
    ["PRE-4", mutate(org, (f) => { f.websites[0]!.commercial = true; f.websites[0]!.commercialLicenceNumber = "浙B2-123"; }), "COMMERCIAL_LICENCE_INVALID"],
    ["PRE-4", mutate(personal, (f) => { f.websites[0]!.commercial = true; }), "COMMERCIAL_PERSONAL"],
    ["WF-2", organisationFiling(11), "WEBSITES_PER_APPLICATION_EXCEEDED"],
    ["WF-2", mutate(personal, (f) => { f.websites.push(structuredClone(f.websites[0]!)); f.websites[1]!.domains = ["zhangsan-photos.cn"]; }), "WEBSITES_PER_APPLICATION_EXCEEDED"],
    ["DOM-7", mutate(org, (f) => { f.province = "hb"; }), "WEBSITES_PER_APPLICATION_EXCEEDED"],
    ["R-FORM-1", mutate(org, (f) => { f.websites = []; }), "WEBSITE_REQUIRED"],
    ["R-FORM-5", mutate(org, (f) => { f.type = "new_access"; }), "ACCESS_PASSWORD_REQUIRED"],
    ["R-FORM-5", mutate(org, (f) => { f.websites[0]!.ips = ["300.1.1.1"]; }), "IP_INVALID"],
    ["FORM-1", mutate(org, (f) => { f.province = "sh"; f.verificationFormSignedAt = "2025-10-01"; }), "VERIFICATION_FORM_TOO_OLD"],
  ])("%s: %#", (_ruleId, filing, code) => {
    expect(codes(filing)).toContain(code);
  });

  it("uses facts from the server for SUB-6, WF-1 and WF-2", () => {
    expect(codes(org, { mobilesOfOtherSubjects: [DELEGATE.mobile] })).toContain("MOBILE_USED_BY_OTHER_SUBJECT");
    expect(codes(org, { otherOpenApplications: 1 })).toContain("APPLICATION_IN_FLIGHT");
    expect(codes(personal, { existingWebsiteCount: 5 })).toContain("PERSONAL_WEBSITE_TOTAL_EXCEEDED");
  });

  it("applies admin overrides: switching off a 2017 rule", () => {
    const sx = mutate(personal, (f) => { f.province = "sx"; });
    const { policies } = resolvePolicies({ sx: { nonLocalIndividuals: { value: { mode: "allowed", acceptedProofs: [] }, source: "admin", year: 2026 } } });
    expect(preReview(sx, policies, { now: NOW }).map((f) => f.code)).not.toContain("NON_LOCAL_REFUSED");
  });

  it("reviews cancellations by their ICP numbers", () => {
    const cancel = mutate(org, (f) => { f.type = "cancel_subject"; f.subject.icpNumber = "浙ICP备12345678号"; });
    expect(run(cancel)).toEqual([]);
    expect(codes(mutate(cancel, (f) => { f.subject.icpNumber = "浙ICP备123号"; }))).toEqual(["ICP_NUMBER_FORMAT"]);
  });

  it("points every finding at a field path and gives a Chinese message", () => {
    for (const f of run(mutate(org, (x) => { x.subject.principal.mobile = ""; x.websites[0]!.name = ""; }))) {
      expect(f.message).toMatch(/\p{Script=Han}/u);
      expect(typeof f.path).toBe("string");
    }
  });
});

describe("preReview on bad input", () => {
  it.each([undefined, null, {}, [], "filing", 42, { province: "zj" }, { province: "zj", type: "first", subject: {}, websites: [{}] }])(
    "returns findings and does not throw for %j",
    (value) => {
      const findings = preReview(value as never, DEFAULT_POLICIES, { now: NOW });
      expect(findings.length).toBeGreaterThan(0);
    },
  );

  it("never throws on arbitrary JSON-like data (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (subject, websites) => {
        preReview({ province: "zj", type: "first", subject, websites } as never, DEFAULT_POLICIES, { now: NOW });
        preReview({ province: "zj", type: "first", subject: organisationFiling(1).subject, websites: [websites] } as never, undefined, { now: NOW });
      }),
      { numRuns: 300 },
    );
  });

  it("copes with 10 000-character strings, emoji and full-width text everywhere", () => {
    const long = "某".repeat(10_000);
    const f = mutate(org, (x) => {
      x.subject.name = long;
      x.subject.address.detail = "😀".repeat(5000);
      x.websites[0]!.name = "ＡＢＣ😀";
      x.websites[0]!.domains = [long];
      x.websites[0]!.homeUrl = long;
      x.subject.principal.mobile = "１３８０００００００１";
    });
    const found = codes(f);
    expect(found).toEqual(expect.arrayContaining(["SUBJECT_NAME_TOO_LONG", "ADDRESS_TOO_LONG", "SITE_NAME_SYMBOLS", "DOMAIN_NOT_A_DOMAIN"]));
    expect(found).not.toContain("MOBILE_INVALID"); // full-width digits are normalised
  });
});
