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
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Not a calendar date: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
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
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
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
