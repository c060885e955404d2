import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, daysBetween, parseIsoDate, shanghaiDate, shanghaiInstant, shanghaiMinute, weekday } from "./local-date.js";

describe("Asia/Shanghai local dates", () => {
  it.each([
    ["2026-03-01T15:59:59Z", "2026-03-01"],
    ["2026-03-01T16:00:00Z", "2026-03-02"], // midnight in Shanghai
    ["2025-12-31T23:00:00Z", "2026-01-01"],
  ])("shanghaiDate(%s) = %s", (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it("builds instants at Shanghai wall-clock times", () => {
    expect(shanghaiInstant("2026-03-02", 12).toISOString()).toBe("2026-03-02T04:00:00.000Z");
  });

  it("reads the Shanghai wall clock to the minute, across the UTC date line", () => {
    expect(shanghaiMinute(new Date("2026-03-01T16:05:59Z"))).toBe("2026-03-02 00:05");
    expect(shanghaiMinute(new Date("2026-12-31T15:59:00Z"))).toBe("2026-12-31 23:59");
  });

  it.each([
    ["2024-02-29", "2024-02-29"],
    ["20240229", "2024-02-29"],
    ["2023-02-29", undefined],
    ["2023-13-01", undefined],
    ["2023-1-1", undefined],
  ])("parseIsoDate(%s) = %s", (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it("does calendar arithmetic", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(weekday("2026-03-07")).toBe(6);
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
  });

  it.each([
    ["2008-03-02", "2026-03-01", 17],
    ["2008-03-02", "2026-03-02", 18],
    ["2008-02-29", "2026-02-28", 17],
  ])("age of someone born %s on %s is %i (ID-7)", (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});
