/** Calendar dates as `YYYY-MM-DD` strings (docs/api.md), computed in local time without time-zone drift. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parts(value: string): [number, number, number] {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Not a date: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function toIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function today(): string {
  return toIsoDate(new Date());
}

export function addDays(value: string, days: number): string {
  const [y, m, d] = parts(value);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

function dayNumber(value: string): number {
  const [y, m, d] = parts(value);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Completed months from birth to a date (a child born on the 31st turns one month on the last day of the next). */
export function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let months = (y - by) * 12 + (m - bm);
  const lastDayOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < bd && d < lastDayOfMonth) months -= 1;
  return Math.max(0, months);
}

/** Completed weeks of gestation on a date, counting back from a due date at 40 weeks. */
export function gestationWeeks(dueDate: string, on: string): number {
  const daysToGo = daysBetween(on, dueDate);
  return Math.floor((280 - daysToGo) / 7);
}

export function formatDate(value: string, locale: string): string {
  if (!isIsoDate(value)) return value;
  const [y, m, d] = parts(value);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(value: string | number | Date, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
