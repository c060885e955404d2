import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOrganisationCode, checkUscc, orgCodeCheckChar, usccCheckChar } from "./uscc.js";

const codes = (r: { findings: { code: string; severity: string }[] }) => r.findings.map((f) => f.code);
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

describe("checkUscc (ID-2, GB 32100)", () => {
  it.each([
    ["914403001922038216", "91", "440300"], // 华为技术有限公司
    ["9144030071526726XG", "91", "440300"], // 腾讯科技（深圳）有限公司
    ["91110000802100433B", "91", "110000"], // 北京百度网讯科技有限公司
    ["91330100716105852F", "91", "330100"], // 阿里巴巴（中国）有限公司
    [" 9144 0300 1922 0382 16 ", "91", "440300"],
    ["９１４４０３００１９２２０３８２１６", "91", "440300"], // full-width
    ["914403001922038216".toLowerCase(), "91", "440300"],
  ])("accepts %s", (value, category, region) => {
    const r = checkUscc(value);
    expect(r).toMatchObject({ ok: true, category, regionCode: region, findings: [] });
  });

  it("only warns on a checksum mismatch of a well-formed early code (91350100M0001TGQXM)", () => {
    const r = checkUscc("91350100M0001TGQXM");
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ code: "USCC_CHECKSUM", severity: "warning", ruleId: "ID-2" })]);
  });

  it.each([
    ["", "CERT_NUMBER_REQUIRED"],
    ["\t", "CERT_NUMBER_REQUIRED"],
    ["110108000000016", "USCC_LEGACY_REGISTRATION_NUMBER"],
    ["91440300192203821", "USCC_FORMAT"], // 17 characters
    ["91440300192203821I", "USCC_FORMAT"], // I is not in the alphabet
    ["9144O3001922038216", "USCC_FORMAT"], // region must be digits
    ["91440300192203821😀", "USCC_FORMAT"],
    ["9".repeat(10_000), "USCC_FORMAT"],
  ])("rejects %j with %s", (value, code) => {
    const r = checkUscc(value);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([code]);
  });

  it("hand-computed check character: 91440300192203821 → 6", () => {
    expect(usccCheckChar("91440300192203821")).toBe("6");
  });

  it("flags any single-character change of a valid code (property, ID-2)", () => {
    const body = fc
      .tuple(fc.constantFrom("91", "92", "12", "11", "51", "52"), fc.constantFrom("110000", "440300", "510100"), fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 9, maxLength: 9 }))
      .map(([c, r, org]) => c + r + org);
    fc.assert(
      fc.property(body, fc.nat(17), fc.constantFrom(...ALPHABET), (b, pos, ch) => {
        const code = b + usccCheckChar(b);
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(checkUscc(code).findings).toEqual([]);
        // Either malformed (error) or a checksum mismatch (warning): never silently accepted.
        expect(checkUscc(changed).findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkOrganisationCode (ID-3, GB 11714)", () => {
  it.each([
    ["19220382-1", "19220382-1"], // embedded in Huawei's USCC
    ["192203821", "19220382-1"],
    ["12345678-8", "12345678-8"], // hand-computed: 201 mod 11 = 3 → 8
  ])("accepts %s", (value, normalized) => {
    expect(checkOrganisationCode(value)).toMatchObject({ ok: true, normalized });
  });

  it.each([
    ["40000000", "X"], // hand-computed: 4×3 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X
    ["00000000", "0"], // sum 0 → 11 − 0 = 11 → 0
    ["00000001", "9"], // 1×2 = 2 → 11 − 2 = 9
  ])("check character of %s", (body, expected) => {
    expect(orgCodeCheckChar(body)).toBe(expected);
  });

  it.each([
    ["", "CERT_NUMBER_REQUIRED"],
    ["19220382-2", "ORG_CODE_CHECKSUM"],
    ["1922038-1", "ORG_CODE_FORMAT"],
    ["19220382-Y", "ORG_CODE_FORMAT"],
  ])("rejects %j with %s", (value, code) => {
    expect(codes(checkOrganisationCode(value))).toEqual([code]);
  });

  // Mod 11 detects every substitution whose values differ by less than 11, i.e. all digit
  // typos; a letter and a digit 11 apart (G=16 vs 5) can collide, a limit of GB 11714 itself.
  it("rejects any single-digit change (property, ID-3)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 8, maxLength: 8 }), fc.nat(8), fc.constantFrom(..."0123456789X"), (b, pos, ch) => {
        const code = b + orgCodeCheckChar(b);
        fc.pre(code[pos] !== ch && (pos === 8 || ch !== "X"));
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(checkOrganisationCode(changed).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
