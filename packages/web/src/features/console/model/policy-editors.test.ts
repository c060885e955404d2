import { DEFAULT_POLICIES, POLICY_FIELDS, PROVINCE_KEYS, type PolicyKey } from "@beian/rules";
import { describe, expect, it } from "vitest";
import { normalizeValue, POLICY_EDITORS } from "./policy-editors";

describe("province policy editors", () => {
  // Every built-in value goes through its editor unchanged and still passes the rules' check:
  // an admin who opens a policy and saves without changing anything stores a valid value.
  it.each(Object.keys(POLICY_FIELDS) as PolicyKey[])("%s: a built-in value survives its editor", (key) => {
    for (const province of PROVINCE_KEYS) {
      const value = DEFAULT_POLICIES[province].rules[key].value;
      const normalized = normalizeValue(POLICY_EDITORS[key], structuredClone(value));
      expect(normalized).toEqual(value);
      expect(POLICY_FIELDS[key].check(normalized)).toBe(true);
    }
  });

  it.each([
    ["an emptied optional text is null", "photoSlogan", "  ", null],
    ["text is trimmed", "photoSlogan", " 网站备案专用 ", "网站备案专用"],
    ["an emptied optional number is null", "verificationFormMaxAgeMonths", undefined, null],
    ["words are trimmed, empty and repeated ones dropped", "siteNameForbiddenWords", [" 论坛", "", "论坛", "博客"], ["论坛", "博客"]],
    ["approval words without a word are dropped", "siteNameApprovalWords", [{ word: " 新闻 ", category: "news" }, { word: "", category: "news" }], [{ word: "新闻", category: "news" }]],
    ["a requirement switched off is null", "commitmentLetter", null, null],
    ["its optional date is null when emptied", "commitmentLetter", { title: " 承诺书 ", since: "" }, { title: "承诺书", since: null }],
    ["a nested optional number is null when emptied", "minimumAge", { refusedBelow: 16, proofOfIncomeBelow: null }, { refusedBelow: 16, proofOfIncomeBelow: null }],
  ] as const)("%s", (_name, key, input, expected) => {
    expect(normalizeValue(POLICY_EDITORS[key], structuredClone(input))).toEqual(expected);
  });
});
