import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderVerificationSheets } from "../src/modules/forms/verification-sheet.js";
import { organisationSheet, personalSheet } from "./support/sheets.js";

// Rendered pages go where screenshots go (git-ignored), to be looked at.
const OUT = resolve(import.meta.dirname, "../../../e2e/screenshots/forms");
mkdirSync(OUT, { recursive: true });

function inspect(pdf: Buffer, name: string) {
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "60", file, join(OUT, name)]);
  return { pages, text, compact: text.replace(/\s+/g, "") };
}

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
