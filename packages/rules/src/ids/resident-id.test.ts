import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkForeignPermanentResidenceId18, checkResidencePermit, checkResidentId, residentIdCheckChar } from "./resident-id.js";

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe("checkResidentId (ID-1, GB 11643)", () => {
  it.each([
    // GB 11643-1999 published examples
    ["11010519491231002X", "1949-12-31", "female"],
    ["440524188001010014", "1880-01-01", "male"],
    // lower-case x, spaces and full-width digits are normalised
    ["11010519491231002x", "1949-12-31", "female"],
    ["1101 0519 4912 3100 2X", "1949-12-31", "female"],
    ["１１０１０５１９４９１２３１００２Ｘ", "1949-12-31", "female"],
  ])("accepts %s", (value, birthDate, sex) => {
    const r = checkResidentId(value);
    expect(r.ok).toBe(true);
    expect(r.normalized).toMatch(/^\d{17}[\dX]$/);
    expect(r.birthDate).toBe(birthDate);
    expect(r.sex).toBe(sex);
  });

  it("normalises lower-case x to X (ID-1)", () => {
    expect(checkResidentId("11010519491231002x").normalized).toBe("11010519491231002X");
  });

  it("warns, not fails, on a region code that is no longer current (440524 潮阳县, ID-1)", () => {
    const r = checkResidentId("440524188001010014");
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(["RESIDENT_ID_REGION_OUTDATED"]);
  });

  it.each([
    ["", "CERT_NUMBER_REQUIRED"],
    ["   ", "CERT_NUMBER_REQUIRED"],
    ["110105491231002", "RESIDENT_ID_FIRST_GENERATION"],
    ["11010519491231002", "RESIDENT_ID_FORMAT"],
    ["11010519491231002XX", "RESIDENT_ID_FORMAT"],
    ["1101051949123100AX", "RESIDENT_ID_FORMAT"],
    ["110105194912310021", "RESIDENT_ID_CHECKSUM"], // hand-computed: check char is X
    [withCheck("99010519491231002"), "RESIDENT_ID_REGION_UNKNOWN"],
    [withCheck("11010519491301002"), "RESIDENT_ID_BIRTH_DATE_INVALID"], // month 13
    [withCheck("11010520230229002"), "RESIDENT_ID_BIRTH_DATE_INVALID"], // not a leap year
    [withCheck("81000019900101002"), "RESIDENT_ID_IS_RESIDENCE_PERMIT"],
    ["😀".repeat(9), "RESIDENT_ID_FORMAT"],
    ["1".repeat(10_000), "RESIDENT_ID_FORMAT"],
  ])("rejects %s with %s (ID-1)", (value, code) => {
    const r = checkResidentId(value);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain(code);
  });

  it("rejects a birth date after `now` only when a clock is given (ID-1)", () => {
    const future = withCheck("11010520300101002");
    expect(checkResidentId(future).ok).toBe(true);
    const r = checkResidentId(future, { now: new Date("2026-03-01T00:00:00Z") });
    expect(codes(r)).toContain("RESIDENT_ID_BIRTH_DATE_FUTURE");
  });

  it("never throws on non-string input", () => {
    expect(checkResidentId(undefined as unknown as string).ok).toBe(false);
    expect(checkResidentId(42 as unknown as string).ok).toBe(false);
  });

  it("rejects any single-character change of a valid number (property, ID-1)", () => {
    const valid = fc
      .tuple(fc.constantFrom("110105", "310104", "440305", "510107"), fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
      .map(([region, d, seq]) => withCheck(`${region}${d.toISOString().slice(0, 10).replace(/-/g, "")}${String(seq).padStart(3, "0")}`));
    fc.assert(
      fc.property(valid, fc.nat(17), fc.constantFrom(..."0123456789X"), (id, pos, ch) => {
        fc.pre(id[pos] !== ch);
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(checkResidentId(id).ok).toBe(true);
        expect(checkResidentId(changed).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("residence permits and 18-digit foreign permanent residence IDs (ID-4)", () => {
  it.each(["810000", "820000", "830000"])("accepts a residence permit starting %s", (prefix) => {
    expect(checkResidencePermit(withCheck(`${prefix}19900101002`)).ok).toBe(true);
  });

  it("rejects a residence permit with a mainland prefix", () => {
    expect(codes(checkResidencePermit(withCheck("11010519900101002")))).toContain("RESIDENCE_PERMIT_PREFIX");
  });

  it("requires the leading 9 of the 2023 foreign permanent residence ID", () => {
    expect(checkForeignPermanentResidenceId18(withCheck("93184019900101002")).ok).toBe(true);
    expect(codes(checkForeignPermanentResidenceId18(withCheck("13184019900101002")))).toContain("FOREIGN_PR_FORMAT");
  });
});
