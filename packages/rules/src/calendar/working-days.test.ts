import { describe, expect, it } from "vitest";
import { addWorkingDays, calendarCoverage, dayInfo, isWorkingDay, workingDaysSince } from "./working-days.js";
import { smsCodeValid, smsSchedule } from "./sms-clock.js";

describe("working-day calendar (WF-3)", () => {
  it("covers at least 2026 from chinese-days", () => {
    expect(calendarCoverage().to).toBeGreaterThanOrEqual(2026);
  });

  it.each([
    ["2026-01-01", false, "元旦"], // New Year's Day
    ["2026-02-17", false, "春节"], // Spring Festival
    ["2026-10-01", false, "国庆节"],
    ["2026-03-02", true, undefined], // ordinary Monday
    ["2026-03-07", false, undefined], // ordinary Saturday
  ])("%s working=%s (%s)", (date, working, name) => {
    const d = dayInfo(date);
    expect(d.working).toBe(working);
    expect(d.name).toBe(name);
    expect(d.known).toBe(true);
  });

  it("knows adjusted working weekends (调休) from the dataset", () => {
    const adjusted = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].filter(
      (d) => dayInfo(d).adjustedWorkday,
    );
    expect(adjusted.length).toBeGreaterThan(0);
    for (const d of adjusted) expect(isWorkingDay(d)).toBe(true);
  });

  it("counts 2 working days from a Friday to the end of Tuesday (Shanghai time)", () => {
    // Friday 2026-03-06 15:00 +08:00 → Mon 9, Tue 10 → deadline 2026-03-11 00:00 +08:00
    const r = addWorkingDays(new Date("2026-03-06T07:00:00Z"), 2);
    expect(r.at.toISOString()).toBe("2026-03-10T16:00:00.000Z");
    expect(r.findings).toEqual([]);
  });

  it("skips the Spring Festival holiday", () => {
    // Submitted 2026-02-13 (Friday before the holiday): the next working days come after it.
    const r = addWorkingDays(new Date("2026-02-13T02:00:00Z"), 2);
    const end = r.at.getTime();
    expect(end).toBeGreaterThan(new Date("2026-02-24T00:00:00Z").getTime());
  });

  it("falls back to weekends-only past its data and warns instead of failing", () => {
    const year = calendarCoverage().to + 1;
    const r = addWorkingDays(new Date(`${year}-03-05T02:00:00Z`), 2);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([["CALENDAR_DATA_MISSING", "warning"]]);
    expect(dayInfo(`${year}-03-05`).known).toBe(false);
  });

  it("counts working days since a date (DOM-5)", () => {
    expect(workingDaysSince("2026-03-06", "2026-03-09").days).toBe(1); // Fri → Mon
    expect(workingDaysSince("2026-03-02", "2026-03-06").days).toBe(4);
    expect(workingDaysSince("2026-03-06", "2026-03-06").days).toBe(0);
  });
});

describe("SMS clock (R-SMS-4, R-SMS-5)", () => {
  it("resends at 12:00 Shanghai the next day and expires after 48 h", () => {
    // Sent 2026-03-02 23:30 +08:00
    const s = smsSchedule(new Date("2026-03-02T15:30:00Z"));
    expect(s.resendAt.toISOString()).toBe("2026-03-03T04:00:00.000Z");
    expect(s.expiresAt.toISOString()).toBe("2026-03-04T15:30:00.000Z");
  });

  it("uses the Shanghai date, not UTC, for 'next day'", () => {
    // 2026-03-02 00:30 +08:00 is still 03-01 in UTC; resend is 03-03 12:00 Shanghai
    expect(smsSchedule(new Date("2026-03-01T16:30:00Z")).resendAt.toISOString()).toBe("2026-03-03T04:00:00.000Z");
  });

  it("tells whether a code is still valid", () => {
    const sent = new Date("2026-03-02T00:00:00Z");
    expect(smsCodeValid(sent, new Date("2026-03-03T23:59:59Z"))).toBe(true);
    expect(smsCodeValid(sent, new Date("2026-03-04T00:00:00Z"))).toBe(false);
  });
});
