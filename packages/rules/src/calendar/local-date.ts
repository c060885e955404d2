/**
 * Calendar dates in Asia/Shanghai. China has used UTC+8 without daylight saving since 1991,
 * so local dates are computed by shifting UTC by 8 hours; no tz database is needed and the
 * result is the same in the browser and in Node whatever the machine's own zone is.
 * Dates are ISO strings "YYYY-MM-DD" so they compare as strings and serialise as-is.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type IsoDate = string;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function fromUtcDate(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date in Shanghai at `instant`. */
export function shanghaiDate(instant: Date): IsoDate {
  return fromUtcDate(new Date(instant.getTime() + OFFSET_MS));
}

// Year, month, day of an ISO date without allocating arrays: these run in the hot path.
const ymd = (date: IsoDate): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

/** The instant of `hour:minute` Shanghai time on `date`. */
export function shanghaiInstant(date: IsoDate, hour = 0, minute = 0): Date {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - OFFSET_MS);
}

/** The wall-clock time in Shanghai at `instant`, to the minute: "2026-03-04 10:05". */
export function shanghaiMinute(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return `${fromUtcDate(local)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Parses "YYYY-MM-DD" (also "YYYYMMDD") and rejects dates that do not exist (2023-02-29). */
export function parseIsoDate(value: string): IsoDate | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return fromUtcDate(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = ymd(date);
  return fromUtcDate(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Adds calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = ymd(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return fromUtcDate(first);
}

/** Day of week, 0 = Sunday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole years between a birth date and `on` (ID-7). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((shanghaiInstant(to).getTime() - shanghaiInstant(from).getTime()) / DAY_MS);
}
