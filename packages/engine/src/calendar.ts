/**
 * Calendar dates as `YYYY-MM-DD` strings. Pure arithmetic on the date parts, never on local time, so the
 * browser, the server and the CLI agree whatever time zone each runs in.
 */

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
