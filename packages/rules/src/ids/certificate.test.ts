import { describe, expect, it } from "vitest";
import { checkCertificateNumber, checkCertificateValidity } from "./certificate.js";
import { checkForeignPermanentResidence, checkHkMoPass, checkPassport, checkTwPass } from "./permits.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const now = new Date("2026-03-01T04:00:00Z");

describe("permits and passports (ID-4)", () => {
  it.each([
    [checkHkMoPass, "H12345678", true],
    [checkHkMoPass, "m1234567801", true],
    [checkHkMoPass, "X12345678", false],
    [checkTwPass, "12345678", true],
    [checkTwPass, "1234567890(B)", true],
    [checkTwPass, "1234567", false],
    [checkPassport, "E12345678", true],
    [checkPassport, "EA1234567", true],
    [checkPassport, "123", false],
    [checkPassport, "E1234567😀", false],
    [checkForeignPermanentResidence, "USA110079061915", true],
    [checkForeignPermanentResidence, "US110079061915", false],
  ] as const)("%o(%s) ok=%s", (fn, value, ok) => {
    expect(fn(value).ok).toBe(ok);
  });
});

describe("checkCertificateNumber (ID-1…ID-4)", () => {
  it.each([
    ["resident_id", "11010519491231002X", true, []],
    ["temporary_resident_id", "11010519491231002X", true, []],
    ["business_licence", "914403001922038216", true, []],
    ["organisation_code", "19220382-1", true, []],
    ["institution_legal_person", "事证第110000001234号", true, ["CERT_NUMBER_MANUAL_CHECK"]],
    ["military_code", "12345部队", true, ["CERT_NUMBER_MANUAL_CHECK"]],
    ["business_licence", "9144030019220382I6", false, ["USCC_FORMAT"]],
    ["business_licence", "91440300192203821X", true, ["USCC_CHECKSUM"]],
    ["no_such_type", "1", false, ["CERT_TYPE_NOT_ALLOWED"]],
  ])("%s %s → ok=%s %j", (type, number, ok, expected) => {
    const r = checkCertificateNumber(type, number);
    expect(r.ok).toBe(ok);
    if (expected.length) expect(codes(r)).toEqual(expected);
  });

  it("warns when the USCC category does not fit the nature (ID-4)", () => {
    const r = checkCertificateNumber("uscc_certificate", "914403001922038216", { nature: "institution" });
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(["USCC_NATURE_MISMATCH"]);
    expect(checkCertificateNumber("business_licence", "914403001922038216", { nature: "enterprise" }).findings).toEqual([]);
  });
});

describe("checkCertificateValidity (ID-5)", () => {
  it.each([
    ["长期", [], "长期"],
    ["长期有效", [], "长期"],
    ["2030-06-30", [], "2030-06-30"],
    ["2030/6/30", [], "2030-06-30"],
    ["2030年6月30日", [], "2030-06-30"],
    ["", ["CERT_VALIDITY_REQUIRED"], undefined],
    ["明年", ["CERT_VALIDITY_FORMAT"], undefined],
    ["2026-02-28", ["CERT_EXPIRED"], "2026-02-28"],
    ["2026-05-01", ["CERT_EXPIRING_SOON"], "2026-05-01"], // < 3 months
    ["2026-06-02", [], "2026-06-02"],
  ])("%j → %j", (value, expected, normalized) => {
    const r = checkCertificateValidity(value, { now, minMonths: 3 });
    expect(codes(r)).toEqual(expected);
    expect(r.normalized).toBe(normalized);
  });

  it("lets the province choose the severity of a short validity (ID-5)", () => {
    const soft = checkCertificateValidity("2026-04-01", { now, minMonths: 3 });
    expect(soft.ok).toBe(true);
    const strict = checkCertificateValidity("2026-04-01", { now, minMonths: 6, severity: "error" });
    expect(strict.ok).toBe(false);
  });
});
