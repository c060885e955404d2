import { describe, expect, it } from "vitest";
import { LEGAL_REP, NOW } from "../../test/fixtures.js";
import { DEFAULT_POLICIES } from "../provinces/policies.js";
import { checkAddress, checkMailingAddress } from "./address.js";
import { checkPerson } from "./person.js";

const check = (change: Partial<typeof LEGAL_REP>) =>
  checkPerson({ ...LEGAL_REP, ...change }, "p", { now: NOW, policy: DEFAULT_POLICIES.bj, role: "网站负责人" }).findings.map((f) => f.code);

describe("checkPerson (R-FORM-6, SUB-7, SUB-8)", () => {
  it.each([
    [{}, []],
    [{ name: "Jean-Luc O'Neil" }, []],
    [{ name: "阿卜杜·热合曼" }, []],
    [{ name: "" }, ["PERSON_NAME_REQUIRED"]],
    [{ name: "王五2" }, ["PERSON_NAME_INVALID"]],
    [{ email: "" }, ["EMAIL_REQUIRED"]],
    [{ email: "wangwu@localhost" }, ["EMAIL_INVALID"]],
    [{ officePhone: "010-12345678" }, []],
    [{ officePhone: "(0571)8888888" }, []],
    [{ officePhone: "+86 571 88888888" }, []],
    [{ officePhone: "0571-88888888-123" }, []],
    [{ officePhone: "12345" }, ["OFFICE_PHONE_INVALID"]],
    [{ mobile: "+86 138 0000 0001" }, []],
    [{ mobile2: "1" }, ["MOBILE_INVALID"]],
  ])("%j → %j", (change, codes) => {
    expect(check(change)).toEqual(codes);
  });
});

describe("checkAddress (SUB-8)", () => {
  const base = { provinceCode: "440000", cityCode: "440300", districtCode: "440305", detail: "科技园路1号A座501室" };
  it.each([
    [base, []],
    [{ ...base, cityCode: "441900", districtCode: "" }, []], // 东莞 has no districts
    [{ ...base, provinceCode: "" }, ["ADDRESS_DIVISION_REQUIRED"]],
    [{ ...base, districtCode: "440106" }, ["ADDRESS_DIVISION_MISMATCH"]],
    [{ ...base, detail: "深圳市南山区科技园路1号501室" }, ["ADDRESS_DETAIL_REPEATS_DIVISION"]],
    [{ ...base, detail: "科技园路1号@501" }, ["ADDRESS_DETAIL_SYMBOLS"]],
    [{ ...base, detail: "科技园路" }, ["ADDRESS_DETAIL_NO_ROOM"]],
    [{ ...base, detail: "" }, ["ADDRESS_DETAIL_REQUIRED"]],
  ])("%j → %j", (address, codes) => {
    expect(checkAddress(address, "a").map((f) => f.code)).toEqual(codes);
  });
});

describe("checkMailingAddress (R-REV-2)", () => {
  const mainland = { provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路100号501室" };
  it.each([
    [mainland, []],
    [{ ...mainland, detail: "文三路" }, []], // a warning on the form, not a reason to refuse the post
    [{ provinceCode: "810000", cityCode: "", districtCode: "", detail: "皇后大道中1号" }, ["MAILING_NOT_MAINLAND"]],
    [{ provinceCode: "820000", cityCode: "", districtCode: "", detail: "新马路1号" }, ["MAILING_NOT_MAINLAND"]],
    [{ provinceCode: "710000", cityCode: "", districtCode: "", detail: "信义路1号" }, ["MAILING_NOT_MAINLAND"]],
    [{ provinceCode: "US", cityCode: "", districtCode: "", detail: "1 Main St" }, ["MAILING_NOT_MAINLAND"]],
    [{ ...mainland, districtCode: "440106" }, ["ADDRESS_DIVISION_MISMATCH"]],
  ])("%j → %j", (address, codes) => {
    expect(checkMailingAddress(address, "mailing").map((f) => f.code)).toEqual(codes);
  });
});
