import { describe, expect, it } from "vitest";
import { TEMPLATE_TARGETS, templateFieldLabel } from "./template-fields";
import { missingVariables, previewParts, SAMPLE_VALUES } from "./template-preview";

describe("notification template preview", () => {
  it("fills declared placeholders with samples and marks undeclared ones", () => {
    expect(previewParts("备案号为 {{ icpNumber }}，{{oops}}。", ["icpNumber"])).toEqual([
      { text: "备案号为 " },
      { variable: "icpNumber", value: SAMPLE_VALUES.icpNumber, declared: true },
      { text: "，" },
      { variable: "oops", value: "{{oops}}", declared: false },
      { text: "。" },
    ]);
    expect(previewParts("没有变量", [])).toEqual([{ text: "没有变量" }]);
  });

  it("names the required variables a text left out", () => {
    expect(missingVariables("请在 {{expiresAt}} 前完成", ["verificationUrl", "expiresAt"])).toEqual(["verificationUrl"]);
  });
});

describe("return-reason template fields", () => {
  it("offers the filing's fields with their Chinese labels and reads a stored path back", () => {
    const values = TEMPLATE_TARGETS.flatMap((g) => g.options.map((o) => o.value));
    for (const path of ["", "materials", "subject.certificate.validUntil", "websites.0.name", "websites.0.domains.0", "subject.principal.mobile"]) {
      expect(values).toContain(path);
    }
    expect(templateFieldLabel("websites.0.name")).toBe("网站1 · 网站名称");
    expect(templateFieldLabel("websites.0.domains.0")).toBe("网站1 · 域名1");
    expect(templateFieldLabel("subject.address.detail")).toBe("主体信息 · 通信地址（详细地址）");
    expect(templateFieldLabel(null)).toBe("整个备案");
  });
});
