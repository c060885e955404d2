import { describe, expect, it } from "vitest";
import { renderAuthorizationLetter, renderSecurityAgreement } from "../src/modules/forms/agreements.js";
import { renderVerificationSheets } from "../src/modules/forms/verification-sheet.js";
import { inspectPdf as inspect } from "./support/pdf.js";
import { organisationSheet, personalSheet } from "./support/sheets.js";

describe("核验单 (R-DOC-1…4, FORM-1)", () => {
  it("a personal filing: one page with subject, domain, principal and a fingerprint field", async () => {
    const { pages, compact } = inspect(await renderVerificationSheets([personalSheet()]), "personal");
    expect(pages).toBe(1);
    for (const s of ["网站备案信息真实性核验单", "张三", "zhangsan.cn", "网站负责人签字", "手印"]) expect(compact).toContain(s);
    expect(compact).not.toContain("单位盖章");
  });

  it("an organisation: signed and sealed", async () => {
    const { pages, compact } = inspect(await renderVerificationSheets([organisationSheet()]), "organisation");
    expect(pages).toBe(1);
    for (const s of ["深圳市示例网络科技有限公司", "example-tech.cn", "王五", "李四", "单位盖章"]) expect(compact).toContain(s);
  });

  it("the Guangdong version (R-DOC-3)", async () => {
    const { pages, compact } = inspect(await renderVerificationSheets([organisationSheet(1, "guangdong")]), "guangdong");
    expect(pages).toBe(1);
    expect(compact).toContain("广东省网站备案信息真实性核验单");
  });

  it("10 websites with long names and 4 domains each still fit one page (type shrinks, never splits)", async () => {
    const model = organisationSheet(10);
    const { pages, compact } = inspect(await renderVerificationSheets([model]), "ten-websites");
    expect(pages).toBe(1);
    for (const w of model.websites) for (const d of w.domains.filter((x) => /^[a-z0-9.-]+$/.test(x))) expect(compact).toContain(d);
  });

  it("Jiangxi personal: the fingerprint goes on the signature", async () => {
    const { compact } = inspect(
      await renderVerificationSheets([{ ...personalSheet(), fingerprintAtSignature: true }]),
      "jiangxi-personal",
    );
    expect(compact).toContain("请在签名处按手印");
  });

  it("Zhejiang: one sheet per domain, each on its own single page (FORM-2)", async () => {
    const base = organisationSheet(1);
    const domains = ["a-example.cn", "b-example.cn", "c-example.cn"];
    const sheets = domains.map((d) => ({ ...base, websites: [{ ...base.websites[0]!, domains: [d] }] }));
    const { pages, text } = inspect(await renderVerificationSheets(sheets), "zhejiang");
    expect(pages).toBe(3);
    const perPage = text.split("\f").filter((p) => p.trim());
    expect(perPage.map((p) => domains.filter((d) => p.includes(d)))).toEqual(domains.map((d) => [d]));
  });
});

const party = (sheet = organisationSheet()) => ({
  subjectType: sheet.subjectType,
  subjectName: sheet.subject.name,
  certificateType: sheet.subject.certificateType,
  certificateNumber: sheet.subject.certificateNumber,
  address: sheet.subject.address,
  principalName: sheet.subject.principalName,
  principalMobile: sheet.subject.principalMobile,
  websites: sheet.websites.map((w) => ({ name: w.name, domains: w.domains })),
  provider: sheet.provider,
  seal: sheet.seal,
  fingerprint: sheet.fingerprint,
  printedAt: sheet.printedAt,
});

describe("信息安全管理协议 and 网站备案授权书 (R-DOC-1)", () => {
  it("the agreement names both parties and the sites, one page", async () => {
    const { pages, compact } = inspect(await renderSecurityAgreement(party()), "security-agreement");
    expect(pages).toBe(1);
    for (const s of ["信息安全管理协议", "示例云计算有限公司", "深圳市示例网络科技有限公司", "example-tech.cn", "乙方盖章"]) expect(compact).toContain(s);
  });

  it("a personal agreement asks for a fingerprint, not a seal", async () => {
    const { compact } = inspect(await renderSecurityAgreement(party(personalSheet())), "security-agreement-personal");
    expect(compact).toContain("手印");
    expect(compact).not.toContain("乙方盖章");
  });

  it("the authorization letter names the legal representative and the authorised website principal (SUB-3)", async () => {
    const pdf = await renderAuthorizationLetter({
      ...party(),
      legalRepresentative: "李四",
      websitePrincipal: { name: "王五", certificateType: "居民身份证", certificateNumber: "110101198506150012", mobile: "13700137000" },
    });
    const { pages, compact } = inspect(pdf, "authorization");
    expect(pages).toBe(1);
    for (const s of ["网站备案授权书", "王五", "李四", "example-tech.cn", "法定代表人（李四）签字", "单位盖章"]) expect(compact).toContain(s);
  });
});
