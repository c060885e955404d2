/**
 * Working days in mainland China (WF-3, DOM-5): weekends, statutory holidays and the
 * adjusted working weekends (调休), from the maintained chinese-days dataset. Only its JSON
 * table is imported (not its date library), so results do not depend on the machine's time
 * zone. Past the dataset's last year the calendar falls back to "Monday–Friday" and says so
 * with a CALENDAR_DATA_MISSING warning instead of failing.
 */
import table from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { report } from "../catalog.js";
import type { Finding } from "../finding.js";
import { addDays, shanghaiDate, shanghaiInstant, weekday, type IsoDate } from "./local-date.js";

interface Table {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = table as unknown as Table;

let coverage: { from: number; to: number } | undefined;

/** First and last year the holiday data covers. */
export function calendarCoverage(): { from: number; to: number } {
  if (!coverage) {
    const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
    coverage = { from: Math.min(...years), to: Math.max(...years) };
  }
  return coverage;
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** Chinese name of the holiday, or of the holiday an adjusted working weekend belongs to. */
  name?: string;
  /** A Saturday or Sunday that is a working day (调休). */
  adjustedWorkday: boolean;
  /** false when the year is outside the holiday data (weekends-only fallback). */
  known: boolean;
}

const chineseName = (entry: string | undefined): string | undefined => entry?.split(",")[1];

function isKnownYear(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  const { from, to } = calendarCoverage();
  return year >= from && year <= to;
}

export function dayInfo(date: IsoDate): DayInfo {
  const known = isKnownYear(date);
  const day = weekday(date);
  const weekend = day === 0 || day === 6;
  const holiday = chineseName(data.holidays[date]);
  const adjusted = chineseName(data.workdays[date]);
  if (holiday) return { date, working: false, name: holiday, adjustedWorkday: false, known };
  if (adjusted) return { date, working: true, name: adjusted, adjustedWorkday: true, known };
  return { date, working: !weekend, adjustedWorkday: false, known };
}

export function isWorkingDay(date: IsoDate): boolean {
  return dayInfo(date).working;
}

/** Dates are walked in order, so the first and last tell which years were needed. */
function missingData(first: IsoDate | undefined, last: IsoDate | undefined): Finding[] {
  if (!first || !last) return [];
  const unknown = [...new Set([first, last].filter((d) => !isKnownYear(d)).map((d) => d.slice(0, 4)))];
  if (unknown.length === 0) return [];
  return [
    report(
      "CALENDAR_DATA_MISSING",
      "",
      `节假日数据尚未包含 ${unknown.join("、")} 年，暂按周一至周五为工作日计算；请升级节假日数据（chinese-days）后再核对期限。`,
    ),
  ];
}

/**
 * WF-3: the deadline "within N working days": the end (24:00 Shanghai) of the N-th working
 * day after the day `start` falls on.
 */
export function addWorkingDays(start: Date, days: number): { at: Date; findings: Finding[] } {
  const first = addDays(shanghaiDate(start), 1);
  let date = shanghaiDate(start);
  for (let counted = 0; counted < days; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return { at: shanghaiInstant(addDays(date, 1)), findings: days > 0 ? missingData(first, date) : [] };
}

/**
 * DOM-5: working days after `from` up to and including `to` (0 when `to` ≤ `from`), counting
 * no further than `enough`: callers only ask "fewer than N?", so old dates cost nothing.
 */
export function workingDaysSince(from: IsoDate, to: IsoDate, enough = 60): { days: number; findings: Finding[] } {
  let days = 0;
  let last: IsoDate | undefined;
  for (let d = addDays(from, 1); d <= to && days < enough; d = addDays(d, 1)) {
    last = d;
    if (isWorkingDay(d)) days++;
  }
  return { days, findings: missingData(last && addDays(from, 1), last) };
}
