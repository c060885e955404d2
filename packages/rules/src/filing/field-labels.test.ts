import { describe, expect, it } from "vitest";
import { fieldKey, fieldLabel, fieldPathName } from "./field-labels.js";

describe("field labels (R-REV-2: a reason names its field in the form's own words)", () => {
  it.each([
    ["websites.0.name", "网站1 · 网站名称"],
    ["websites.1.remark", "网站2 · 备注（网站内容说明）"],
    ["websites.0.domains.1", "网站1 · 域名2"],
    ["websites.0.domains", "网站1 · 网站域名"],
    ["websites.2.principal.mobile", "网站3 · 网站负责人 · 手机号码"],
    ["websites.0.principal.certificate.number", "网站1 · 网站负责人 · 证件号码"],
    ["websites.0.domainCertificates.1.registrantName", "网站1 · 域名证书2 · 域名持有者"],
    ["websites.0.preApprovals.0.permitNumber", "网站1 · 前置审批1 · 审批文号"],
    ["websites.1", "网站2"],
    ["subject.address.detail", "主体信息 · 通信地址（详细地址）"],
    ["subject.address.cityCode", "主体信息 · 通信地址（省市区）"],
    ["subject.principal.mobile", "主体负责人 · 手机号码"],
    ["subject.name", "主体信息 · 主办单位名称"],
    ["access.filingPassword", "新增接入 · 备案密码"],
    ["province", "备案省份"],
    ["materials", "备案资料"],
    ["", "整个备案"],
  ])("%s → %s", (path, name) => {
    expect(fieldPathName(path)).toBe(name);
  });

  it("names a person's subject as 主办者姓名", () => {
    expect(fieldLabel("subject.name", { personal: true })).toBe("主办者姓名");
    expect(fieldPathName("subject.name", { personal: true })).toBe("主体信息 · 主办者姓名");
    expect(fieldLabel("subject.name")).toBe("主办单位名称");
  });

  it("returns an unknown path as it is rather than dropping it", () => {
    expect(fieldPathName("websites.0.colour")).toBe("websites.0.colour");
    expect(fieldLabel("websites.0.colour")).toBeUndefined();
  });

  it("keys list positions with *", () => {
    expect(fieldKey("websites.10.domainCertificates.3.domain")).toBe("websites.*.domainCertificates.*.domain");
  });
});
