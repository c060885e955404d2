import { describe, expect, it } from "vitest";
import { mutate, NOW, organisationFiling } from "../../test/fixtures.js";
import type { Effect } from "./effects.js";
import { allowedEvents, EVENT_RULES, FILING_STATUSES, stageName, type FilingEvent, type FilingStatus, type Role } from "./states.js";
import { onFilingCreated, transition, type LifecycleFiling, type TransitionContext } from "./transition.js";

const input = organisationFiling(2);
const ctx = (role: Role, now = NOW): TransitionContext => ({ now, role });
const at = (s: FilingStatus, extra: Partial<LifecycleFiling> = {}): LifecycleFiling => ({ status: s, input, ...extra });
const jobs = (effects: Effect[], type: "schedule" | "cancel") => effects.filter((e) => e.type === type).map((e) => (e as { job: string }).job);

function step(filing: LifecycleFiling, event: FilingEvent, role: Role, now = NOW) {
  const r = transition(filing, event, ctx(role, now));
  if (!r.ok) throw new Error(r.findings.map((f) => f.message).join("; "));
  return r;
}

describe("filing lifecycle (R-ST-1)", () => {
  it("uses the applicant-visible stage names of the providers' pages", () => {
    expect(stageName("draft")).toBe("未提交");
    expect(stageName("returned_by_provider")).toBe("未提交");
    expect(stageName("submitted")).toBe("待接入商审核");
    expect(stageName("bureau_review")).toBe("待管局审核");
    expect(stageName("returned_by_bureau")).toBe("退回主办者修改");
    expect(stageName("approved")).toBe("备案成功");
  });

  it("walks the happy path from draft to approved with its effects", () => {
    let f = at("draft");
    const submit = step(f, { type: "submit" }, "applicant");
    expect(submit.next).toBe("submitted");
    expect(jobs(submit.effects, "schedule")).toEqual(["initial_review_due"]);
    // WF-3: Monday 2026-03-02 10:00 + 2 working days → end of Wednesday 03-04 (Shanghai)
    expect(submit.effects.find((e) => e.type === "schedule")).toMatchObject({ at: "2026-03-04T16:00:00.000Z" });
    f = { ...f, status: submit.next, ...submit.updates };

    const approve = step(f, { type: "provider_approve" }, "reviewer");
    expect(approve.next).toBe("verifying");
    f = { ...f, status: approve.next, ...approve.updates };

    const photo = step(f, { type: "photo_uploaded" }, "applicant");
    expect(jobs(photo.effects, "schedule")).toEqual(["photo_review_due"]);
    const passed = step(f, { type: "verification_passed", method: "photo" }, "reviewer");
    expect(passed.updates.verificationPassed).toBe(true);
    expect(passed.effects[0]).toMatchObject({ type: "notify", template: "verification_passed", channels: ["email", "sms"] });
    f = { ...f, ...passed.updates };

    const toBureau = step(f, { type: "submit_to_bureau" }, "reviewer");
    expect(toBureau.next).toBe("sms_pending");
    expect(toBureau.effects[0]).toEqual({ type: "bureau_upload", message: "XZBA" });
    // R-SMS-4/5: resend at 12:00 next day, expiry after 48 h
    expect(toBureau.effects.filter((e) => e.type === "schedule")).toEqual([
      { type: "schedule", job: "sms_resend_reminder", at: "2026-03-03T04:00:00.000Z" },
      { type: "schedule", job: "sms_expiry", at: "2026-03-04T02:00:00.000Z" },
    ]);
    f = { ...f, status: toBureau.next, ...toBureau.updates };

    const verified = step(f, { type: "sms_verified" }, "bureau");
    expect(verified.next).toBe("bureau_review");
    expect(jobs(verified.effects, "cancel")).toEqual(["sms_resend_reminder", "sms_expiry"]);
    f = { ...f, status: verified.next };

    const done = step(f, { type: "bureau_approve", icpNumber: "浙ICP备2026000001号" }, "bureau");
    expect(done).toMatchObject({ next: "approved", updates: { icpNumber: "浙ICP备2026000001号" } });
  });

  it("blocks submission with the pre-review's errors (R-REV-1)", () => {
    const bad = at("draft", { input: mutate(input, (f) => { f.subject.principal.mobile = "123"; }) });
    const r = transition(bad, { type: "submit" }, ctx("applicant"));
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain("MOBILE_INVALID");
  });

  it("returns to the provider after 5 failed SMS attempts (R-SMS-5)", () => {
    let f = at("sms_pending", { verificationPassed: true, smsFailedAttempts: 0 });
    for (let i = 1; i < 5; i++) {
      const r = step(f, { type: "sms_failed" }, "bureau");
      expect(r).toMatchObject({ next: "sms_pending", updates: { smsFailedAttempts: i } });
      f = { ...f, ...r.updates };
    }
    const fifth = step(f, { type: "sms_failed" }, "bureau");
    expect(fifth.next).toBe("submitted");
    // still verified: the reviewer can submit to the bureau again, starting a new SMS round
    const again = step({ ...f, status: "submitted", ...fifth.updates }, { type: "submit_to_bureau" }, "reviewer");
    expect(again).toMatchObject({ next: "sms_pending", updates: { smsFailedAttempts: 0 } });
  });

  it("returns to the provider when the SMS code expires (R-SMS-5)", () => {
    const r = step(at("sms_pending", { verificationPassed: true }), { type: "sms_expired" }, "system");
    expect(r.next).toBe("submitted");
    expect(r.effects.filter((e) => e.type === "notify").map((e) => (e as { to: string }).to)).toEqual(["applicant", "reviewers"]);
  });

  it("needs reasons to return a filing, and passes them on (R-REV-1)", () => {
    expect(transition(at("submitted"), { type: "provider_return", reasons: [] }, ctx("reviewer")).findings.map((f) => f.code)).toEqual([
      "RETURN_REASON_REQUIRED",
    ]);
    const r = step(at("submitted"), { type: "provider_return", reasons: [{ code: "PHOTO", message: "请补充授权书" }] }, "reviewer");
    expect(r.next).toBe("returned_by_provider");
    expect(r.effects[0]).toMatchObject({ template: "returned_by_provider", data: { reasons: [{ message: "请补充授权书" }] } });
    expect(jobs(r.effects, "schedule")).toEqual(["filing_expiry"]);
  });

  it("handles the bureau's return with its reason", () => {
    const r = step(at("bureau_review"), { type: "bureau_return", reason: "网站名称与内容不符" }, "bureau");
    expect(r.next).toBe("returned_by_bureau");
    expect(transition(at("bureau_review"), { type: "bureau_return", reason: " " }, ctx("bureau")).ok).toBe(false);
    expect(step(at("returned_by_bureau"), { type: "submit" }, "applicant").next).toBe("submitted");
  });

  it("refuses an invalid ICP number on approval (NUM-1)", () => {
    const r = transition(at("bureau_review"), { type: "bureau_approve", icpNumber: "浙ICP备1号" }, ctx("bureau"));
    expect(r.findings.map((f) => f.code)).toEqual(["ICP_NUMBER_FORMAT"]);
  });

  it("does not submit to the bureau before verification (R-REV-3), except cancellations", () => {
    expect(transition(at("verifying"), { type: "submit_to_bureau" }, ctx("reviewer")).findings.map((f) => f.code)).toEqual(["VERIFICATION_NOT_PASSED"]);
    const cancel = step(at("submitted", { input: mutate(input, (f) => { f.type = "cancel_site"; }) }), { type: "submit_to_bureau" }, "reviewer");
    expect(cancel).toMatchObject({ next: "bureau_review", effects: [{ type: "bureau_upload", message: "ZXBA" }, expect.anything(), expect.anything()] });
  });

  it("withdraws and expires (WF-4)", () => {
    expect(step(at("verifying"), { type: "withdraw" }, "applicant").next).toBe("withdrawn");
    expect(transition(at("bureau_review"), { type: "withdraw" }, ctx("applicant")).ok).toBe(false);
    // The applicant is told; reviewers only about a filing that had reached them.
    const notices = (status: "draft" | "verifying") =>
      step(at(status), { type: "withdraw" }, "applicant").effects.flatMap((e) => (e.type === "notify" ? [`${e.template}:${e.to}`] : []));
    expect(notices("verifying")).toEqual(["filing_withdrawn:applicant", "filing_withdrawn:reviewers"]);
    expect(notices("draft")).toEqual(["filing_withdrawn:applicant"]);
    const recent = at("draft", { lastActivityAt: "2026-02-01T00:00:00Z" });
    expect(transition(recent, { type: "expire" }, ctx("system")).findings.map((f) => f.code)).toEqual(["FILING_NOT_STALE"]);
    expect(step(recent, { type: "expire" }, "system", new Date("2026-04-02T00:00:00Z")).next).toBe("expired");
    expect(onFilingCreated(NOW)).toEqual([{ type: "schedule", job: "filing_expiry", at: "2026-05-01T02:00:00.000Z" }]);
  });

  it("refuses events from the wrong state or role", () => {
    expect(transition(at("approved"), { type: "submit" }, ctx("applicant")).findings[0]?.code).toBe("TRANSITION_NOT_ALLOWED");
    expect(transition(at("submitted"), { type: "provider_approve" }, ctx("applicant")).findings[0]?.code).toBe("TRANSITION_ROLE_NOT_ALLOWED");
    expect(transition({ status: "nonsense" } as never, { type: "submit" }, ctx("applicant")).ok).toBe(false);
    expect(transition(at("draft"), { type: "nonsense" } as never, ctx("applicant")).ok).toBe(false);
  });

  it.each([
    ["draft", "applicant", ["submit", "withdraw"]],
    ["submitted", "reviewer", ["provider_approve", "provider_return", "submit_to_bureau"]],
    ["verifying", "reviewer", ["provider_return", "photo_rejected", "verification_passed", "submit_to_bureau"]],
    ["verifying", "applicant", ["photo_uploaded", "withdraw"]],
    ["sms_pending", "bureau", ["sms_verified", "sms_failed", "sms_expired", "bureau_return"]],
    ["approved", "applicant", []],
  ] as const)("allowedEvents(%s, %s)", (status, role, events) => {
    expect(allowedEvents(status, role)).toEqual(events);
  });

  it("has no event leaving a final state", () => {
    for (const [status, info] of Object.entries(FILING_STATUSES)) {
      if (!info.final) continue;
      for (const rule of Object.values(EVENT_RULES)) expect(rule.from).not.toContain(status);
    }
  });
});
