import { describe, expect, it } from "vitest";
import { PROVINCE_KEYS, PROVINCES, resolveProvince } from "./identity.js";
import { DEFAULT_POLICIES, resolvePolicies } from "./policies.js";
import { POLICY_FIELDS } from "./policy-fields.js";

describe("province policies", () => {
  it("covers all 31 provinces with distinct abbreviations and division codes", () => {
    expect(PROVINCE_KEYS).toHaveLength(31);
    expect(new Set(PROVINCE_KEYS.map((k) => PROVINCES[k].abbr)).size).toBe(31);
    expect(new Set(PROVINCE_KEYS.map((k) => PROVINCES[k].divisionCode)).size).toBe(31);
  });

  it("gives every entry a value, a source and a year field, and a valid value", () => {
    for (const key of PROVINCE_KEYS) {
      for (const [name, entry] of Object.entries(DEFAULT_POLICIES[key].rules)) {
        expect(entry.source, `${key}.${name}`).toMatch(/\S/);
        expect(entry.year === null || Number.isInteger(entry.year), `${key}.${name}`).toBe(true);
        expect(POLICY_FIELDS[name as keyof typeof POLICY_FIELDS].check(entry.value), `${key}.${name}`).toBe(true);
      }
    }
  });

  it("keeps the R-SMS-7 table as printed, duplicate hn. included and noted", () => {
    expect(DEFAULT_POLICIES.hi.rules.smsVerification.value.url).toBe("https://hn.beian.miit.gov.cn/state/outPortal/messageAuthentication.action");
    expect(DEFAULT_POLICIES.hn.rules.smsVerification.value.url).toBe("https://hn.beian.miit.gov.cn/state/outPortal/loginPortal.action");
    expect(DEFAULT_POLICIES.hi.rules.smsVerification.note).toContain("hn");
    expect(PROVINCE_KEYS.filter((k) => DEFAULT_POLICIES[k].rules.smsVerification.value.pilot)).toHaveLength(22);
    expect(DEFAULT_POLICIES.bj.rules.smsVerification.value.pilot).toBe(false);
  });

  it.each([
    ["sx", "nonLocalIndividuals", { mode: "refused", acceptedProofs: [] }], // SUB-5
    ["sc", "nonLocalIndividuals", { mode: "residence_permit", acceptedProofs: ["居住证", "暂住证", "社保证明", "劳动合同"] }],
    ["js", "minimumAge", { refusedBelow: 16, proofOfIncomeBelow: 18 }], // ID-7
    ["hi", "temporaryIdCard", "refused"], // ID-6
    ["sh", "domainMinRemainingDays", 180], // DOM-4
    ["cq", "oneDomainPerWebsite", true], // DOM-7
    ["hb", "oneWebsitePerApplication", true],
    ["gd", "formVariant", "guangdong"], // FORM-1
    ["zj", "verificationFormPerDomain", true], // FORM-2
    ["bj", "formVariant", "national"],
  ] as const)("%s.%s", (province, key, value) => {
    expect(DEFAULT_POLICIES[province].rules[key].value).toEqual(value);
  });

  it("merges valid admin overrides with their source", () => {
    const { policies, findings } = resolvePolicies({
      xj: { nonLocalIndividuals: { value: { mode: "allowed", acceptedProofs: [] }, source: "新疆管局 2025 通知", year: 2025 } },
    });
    expect(findings).toEqual([]);
    expect(policies.xj.rules.nonLocalIndividuals).toEqual({
      value: { mode: "allowed", acceptedProofs: [] },
      source: "新疆管局 2025 通知",
      year: 2025,
    });
    expect(DEFAULT_POLICIES.xj.rules.nonLocalIndividuals.value.mode).toBe("refused");
  });

  it("reports unknown provinces, unknown keys and bad values without throwing", () => {
    const { policies, findings } = resolvePolicies({
      zz: {},
      bj: { noSuchRule: { value: 1 }, minimumAge: { value: { refusedBelow: "18" } }, localMobile: true },
    });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ["POLICY_OVERRIDE_UNKNOWN_PROVINCE", "zz"],
      ["POLICY_OVERRIDE_UNKNOWN_KEY", "bj.noSuchRule"],
      ["POLICY_OVERRIDE_INVALID_VALUE", "bj.minimumAge"],
      ["POLICY_OVERRIDE_INVALID_VALUE", "bj.localMobile"],
    ]);
    expect(policies.bj.rules.minimumAge.value.refusedBelow).toBe(18);
    expect(resolvePolicies("nonsense").findings.map((f) => f.code)).toEqual(["POLICY_OVERRIDE_INVALID"]);
    expect(resolvePolicies([]).findings.map((f) => f.code)).toEqual(["POLICY_OVERRIDE_INVALID"]);
  });

  it.each([
    ["sh", "sh"],
    ["SH", "sh"],
    ["上海", "sh"],
    ["上海市", "sh"],
    ["沪", "sh"],
    ["310104", "sh"],
    ["川", "sc"],
    ["海南", "hi"],
    ["xx", undefined],
    ["", undefined],
  ])("resolveProvince(%j) = %s", (value, key) => {
    expect(resolveProvince(value)).toBe(key);
  });
});
