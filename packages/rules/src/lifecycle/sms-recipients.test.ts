import { describe, expect, it } from "vitest";
import { DELEGATE, LEGAL_REP, organisationFiling, personalFiling } from "../../test/fixtures.js";
import { smsRecipientsOf } from "./sms-recipients.js";

describe("smsRecipientsOf (R-SMS-1…3)", () => {
  it("sends one code when subject and website principal share a mobile", () => {
    const r = smsRecipientsOf(personalFiling());
    expect(r).toHaveLength(1);
    expect(r[0]!.roles).toEqual(["主体负责人", "网站负责人（张三的读书笔记）"]);
  });

  it("reaches the subject principal and each distinct website principal of a first filing", () => {
    expect(smsRecipientsOf(organisationFiling(4)).map((r) => r.mobile)).toEqual([LEGAL_REP.mobile, DELEGATE.mobile]);
  });

  it("reaches only website principals for 新增网站 and 新增接入, and nobody for a cancellation", () => {
    const site = { ...organisationFiling(4), type: "new_site" as const };
    site.websites = site.websites.slice(2); // run by the delegate
    expect(smsRecipientsOf(site).map((r) => r.mobile)).toEqual([DELEGATE.mobile]);
    expect(smsRecipientsOf({ ...organisationFiling(1), type: "cancel_subject" as const })).toEqual([]);
  });
});
