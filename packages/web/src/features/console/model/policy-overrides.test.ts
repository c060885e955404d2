import { DEFAULT_POLICIES, resolvePolicies } from "@beian/rules";
import { describe, expect, it } from "vitest";
import { overrideFindings, overridesOf, policyRows, withOverride } from "./policy-overrides";

const hiUrl = { value: { pilot: true, url: "https://hi.beian.miit.gov.cn/state/outPortal/messageAuthentication.action" }, source: "省管局核实", year: 2026 };

describe("province policy overrides in the console", () => {
  it("reads one province's stored overrides, nothing for others or for junk", () => {
    const all = { hi: { smsVerification: hiUrl }, zj: "junk" };
    expect(overridesOf(all, "hi")).toEqual({ smsVerification: hiUrl });
    expect(overridesOf(all, "zj")).toEqual({});
    expect(overridesOf(all, "bj")).toEqual({});
  });

  it.each([
    ["sets a new value", {}, "localMobile", { value: true }, { localMobile: { value: true } }],
    ["replaces the stored one", { localMobile: { value: true } }, "localMobile", { value: false, note: "改回" }, { localMobile: { value: false, note: "改回" } }],
    ["drops a value equal to the built-in one (switched back)", { localMobile: { value: true } }, "localMobile", { value: false }, {}],
    ["resets without an entry, keeping the others", { localMobile: { value: true }, photoSlogan: { value: "x" } }, "localMobile", undefined, { photoSlogan: { value: "x" } }],
  ] as const)("%s", (_name, current, key, entry, expected) => {
    expect(withOverride(current, "zj", key, entry)).toEqual(expected);
  });

  it("finds what the rules would refuse, as the server does before saving", () => {
    expect(overrideFindings("hi", { smsVerification: hiUrl })).toEqual([]);
    const bad = overrideFindings("hi", { smsVerification: { value: { pilot: true, url: "hi.beian.miit.gov.cn" } } });
    expect(bad.map((f) => [f.code, f.path])).toEqual([["POLICY_OVERRIDE_INVALID_VALUE", "hi.smsVerification"]]);
  });

  it("lists every policy with its built-in entry, the override and what applies", () => {
    const overrides = { smsVerification: hiUrl };
    const rows = policyRows("hi", resolvePolicies({ hi: overrides }).policies, overrides);
    expect(rows).toHaveLength(Object.keys(DEFAULT_POLICIES.hi.rules).length);
    const sms = rows.find((r) => r.key === "smsVerification")!;
    // R-SMS-7: the seed page gives 海南 the host "hn." — the built-in entry keeps it, the override corrects it.
    expect((sms.builtIn.value as { url: string }).url).toContain("https://hn.");
    expect(sms.inForce).toMatchObject({ value: hiUrl.value, source: "省管局核实", year: 2026 });
    expect(sms.override).toBe(hiUrl);
    expect(rows.find((r) => r.key === "localMobile")!.override).toBeUndefined();
  });
});
