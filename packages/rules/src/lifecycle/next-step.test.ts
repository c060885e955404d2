import { describe, expect, it } from "vitest";
import { FILING_STATUSES, type FilingStatus } from "./states.js";
import { nextStep } from "./next-step.js";

describe("nextStep (R-ST-1)", () => {
  it("tells something for every status", () => {
    for (const status of Object.keys(FILING_STATUSES) as FilingStatus[]) {
      expect(nextStep({ status }).text.length, status).toBeGreaterThan(10);
    }
  });

  it("puts the applicant on turn where they must act, and the provider where it waits for review", () => {
    expect(nextStep({ status: "returned_by_provider" }).actor).toBe("applicant");
    expect(nextStep({ status: "submitted" }).actor).toBe("provider");
    expect(nextStep({ status: "verifying" })).toMatchObject({ actor: "applicant", text: expect.stringContaining("幕布") });
    expect(nextStep({ status: "verifying", photoWaiting: true })).toMatchObject({ actor: "provider", text: expect.stringContaining("2 个工作日") });
    expect(nextStep({ status: "sms_pending" }).text).toContain("48 小时");
    expect(nextStep({ status: "approved" }).text).toContain("公安备案");
  });
});
