// The calendar module alone: the engine's entry would pull its schemas (and zod) into the first screen.
import { isCalendarDate } from '@nestwerk/engine/calendar';

/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in local time without time-zone drift. Ages and date
 * arithmetic come from the engine (`completedMonths`, `gestationWeeks`, `addDays`), so the browser counts as
 * the server does; this file only knows today's date and how to show a date.
 */

export function toIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The day of a stored timestamp in the browser's time zone; its UTC date is the day before just after midnight. */
export function dayOf(timestamp: string): string {
  return toIsoDate(new Date(timestamp));
}

export function today(): string {
  return toIsoDate(new Date());
}

export function formatDate(value: string, locale: string): string {
  if (!isCalendarDate(value)) return value;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${value}T00:00:00Z`));
}

export function formatDateTime(value: string | number | Date, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
