import { describe, expect, it } from "vitest";
import { checkDomain } from "./domain.js";
import { checkHomeUrl } from "./home-url.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe("checkDomain (DOM-1, DOM-2)", () => {
  it.each([
    ["example.com", "example.com"],
    ["Example.COM", "example.com"],
    ["ＥＸＡＭＰＬＥ．ＣＯＭ", "example.com"], // full-width
    ["example.com.", "example.com"],
    ["example.com.cn", "example.com.cn"],
    ["beian.gov.cn", "beian.gov.cn"],
    ["example.top", "example.top"],
    ["例子.中国", "xn--fsqu00a.xn--fiqs8s"], // IDN in Unicode
    ["xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s"], // same IDN in punycode
    ["例子。公司", "xn--fsqu00a.xn--55qx5d"], // ideographic full stop
  ])("accepts %s as %s", (value, ascii) => {
    const r = checkDomain(value);
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ ok: true, ascii, registrable: ascii });
  });

  it("returns the Unicode form of a punycode IDN", () => {
    expect(checkDomain("xn--fsqu00a.xn--fiqs8s").unicode).toBe("例子.中国");
  });

  it.each([
    ["", "DOMAIN_REQUIRED"],
    [" \u3000 ", "DOMAIN_REQUIRED"],
    ["www.example.com", "DOMAIN_IS_SUBDOMAIN"],
    ["a.b.example.com.cn", "DOMAIN_IS_SUBDOMAIN"],
    ["https://example.com/", "DOMAIN_NOT_A_DOMAIN"],
    ["example.com:8080", "DOMAIN_NOT_A_DOMAIN"],
    ["exa mple.com", "DOMAIN_NOT_A_DOMAIN"],
    ["192.168.1.1", "DOMAIN_NOT_A_DOMAIN"],
    ["localhost", "DOMAIN_NOT_A_DOMAIN"],
    ["com.cn", "DOMAIN_NOT_A_DOMAIN"],
    ["exa_mple.com", "DOMAIN_LABEL_INVALID"],
    ["-example.com", "DOMAIN_LABEL_INVALID"],
    ["example..com", "DOMAIN_LABEL_INVALID"],
    ["😀.com", "DOMAIN_LABEL_INVALID"],
    ["example.unknowntld", "DOMAIN_SUFFIX_UNKNOWN"],
    ["example.io", "DOMAIN_SUFFIX_NOT_FILEABLE"], // DOM-2: .io not approved
    ["example.de", "DOMAIN_SUFFIX_NOT_FILEABLE"], // foreign ccTLD
    ["me.github.io", "DOMAIN_SUFFIX_NOT_FILEABLE"],
    ["a".repeat(10_000), "DOMAIN_NOT_A_DOMAIN"],
  ])("rejects %j with %s", (value, code) => {
    const r = checkDomain(value);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([code]);
  });

  it("suggests the registrable domain for a subdomain (DOM-1)", () => {
    const r = checkDomain("www.example.com");
    expect(r.registrable).toBe("example.com");
    expect(r.findings[0]?.message).toContain("example.com");
  });

  it("takes the fileable list as data (DOM-2)", () => {
    expect(checkDomain("example.io", { fileableSuffixes: ["io"] }).ok).toBe(true);
    expect(codes(checkDomain("example.com", { fileableSuffixes: ["cn"] }))).toEqual(["DOMAIN_SUFFIX_NOT_FILEABLE"]);
  });
});

describe("checkHomeUrl (DOM-9)", () => {
  it.each([
    ["www.example.com", ["example.com"]],
    ["https://www.example.com/index.html", ["example.com"]],
    ["example.com", ["example.com"]],
    ["http://www.例子.中国/", ["例子.中国"]],
    ["shop.example.cn", ["example.com", "example.cn"]],
  ])("accepts %s for %j", (url, domains) => {
    expect(checkHomeUrl(url, domains).findings).toEqual([]);
  });

  it.each([
    ["", ["example.com"], "HOME_URL_REQUIRED"],
    ["ftp://example.com", ["example.com"], "HOME_URL_INVALID"],
    ["http://", ["example.com"], "HOME_URL_INVALID"],
    ["www.other.com", ["example.com"], "HOME_URL_NOT_ON_DOMAIN"],
    ["www.notexample.com", ["example.com"], "HOME_URL_NOT_ON_DOMAIN"],
  ])("rejects %j with %s", (url, domains, code) => {
    expect(codes(checkHomeUrl(url, domains))).toEqual([code]);
  });
});
