/**
 * Calendar dates as `YYYY-MM-DD` strings. Pure arithmetic on the date parts, never on local time, so the
 * browser, the server and the CLI agree whatever time zone each runs in.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** A pregnancy lasts 280 days to the due date: 40 weeks counted from the last menstrual period. */
export const TERM_DAYS = 280;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parts(value: string): [number, number, number] {
  // `YYYY-MM-DD` read digit by digit: the same strings the pattern accepts, without its match array.
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const y = digits(value, 0, 4);
    const m = digits(value, 5, 7);
    const d = digits(value, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return [y, m, d];
  }
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Not a calendar date: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The number the decimal digits from `start` to `end` spell, or -1 if any of them is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function dayNumber(value: string): number {
  const [y, m, d] = parts(value);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from `from` to `to`; negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` later (or earlier, when negative). */
export function addDays(value: string, days: number): string {
  const [y, m, d] = parts(value);
  // Integer arithmetic for the ordinary case: a worklist page computes its screening windows with about
  // 1 500 calls, and a Date plus toISOString costs ≈ 1 µs each. Anything unusual (a month outside 1–12, a year
  // Date.UTC reads as 19xx, a fractional day, a result outside 1000–9999) takes the Date path, which defines
  // the answer; calendar.test.ts checks both agree.
  if (m >= 1 && m <= 12 && y >= 1000 && Number.isInteger(days)) {
    const [ry, rm, rd] = civilFromDays(daysFromCivil(y, m, d) + days);
    if (ry >= 1000 && ry <= 9999) return `${ry}-${rm < 10 ? '0' : ''}${rm}-${rd < 10 ? '0' : ''}${rd}`;
  }
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, month 1–12; the day may run past the month's end (or be
 * 0) and counts on, as Date.UTC does. Howard Hinnant's `days_from_civil`.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse: year, month (1–12) and day of a day number. Hinnant's `civil_from_days`. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Completed months of life from a birth date to a date, as a child's age is counted at the consultation bureau
 * (consultatiebureau) and in Dutch law: a month is completed on the day with the birth day's number. When a
 * month has no such day (a child born on the 29th–31st, or on 29 February), that month is completed on the
 * first day of the next month, never on the last day of the short month. So a child born 2024-01-31 is 0
 * months on 2024-02-29 and 1 month on 2024-03-01, and a child born 2024-02-29 is 11 months on 2025-02-28 and
 * 12 months on 2025-03-01 — in Dutch law someone born on a leap day turns a year older on 1 March. The count
 * never runs ahead of the days actually lived, so an age-bound offer (LSVG from 12 months, a Van Wiechen
 * item) is never advised a day early. Negative when the date lies before the birth date.
 */
export function completedMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** Completed years, by the same rule as {@link completedMonths} (born 29 February: a year older on 1 March). */
export function completedYears(birthDate: string, on: string): number {
  return Math.floor(completedMonths(birthDate, on) / 12);
}

/**
 * Completed weeks of gestation on a date, counted back from the due date at 40 weeks + 0 days (280 days): on
 * the due date 40, the day before 39, 14 weeks before it 26. Past the due date the count goes on (41, 42…).
 */
export function gestationWeeks(dueDate: string, on: string): number {
  return Math.floor((TERM_DAYS - daysBetween(on, dueDate)) / 7);
}

const HOUR_MS = 3_600_000;
/** Per year: the instants summer time starts and ends (EU: the last Sunday of March and of October, 01:00 UTC). */
const summerTime = new Map<number, readonly [number, number]>();

function lastSundayAtOne(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/**
 * The local date (Europe/Amsterdam) of a stored timestamp: what day it was for the people in the file. The UTC
 * date (`slice(0, 10)`) is the day before for anything between midnight and one or two o'clock. Worked out from
 * the EU's summer-time rule rather than through ICU, as reports convert many timestamps.
 */
export function localDay(timestamp: string): string {
  const ms = Date.parse(timestamp);
  const year = new Date(ms).getUTCFullYear();
  let summer = summerTime.get(year);
  if (summer === undefined) {
    summer = [lastSundayAtOne(year, 2), lastSundayAtOne(year, 9)];
    summerTime.set(year, summer);
  }
  const offset = ms >= summer[0] && ms < summer[1] ? 2 * HOUR_MS : HOUR_MS;
  return new Date(ms + offset).toISOString().slice(0, 10);
}
