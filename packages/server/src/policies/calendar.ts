import { localDay } from '@nestwerk/engine';

/**
 * Care relationships and follow-ups are calendar dates in the Netherlands and Flanders (both CET/CEST), so
 * "today" is the local date there, not the UTC date: a relationship ending today still holds at 00:30. The
 * same rule as the day of a stored timestamp (engine `localDay`), so "today" and "sent today" cannot disagree.
 */
export function localDate(now: Date): string {
  return localDay(now.toISOString());
}

// One calendar for the server and the engine: integer arithmetic on the date's parts, no Date object per call
// (a worklist page computes its windows with hundreds of these).
export { addDays, isCalendarDate, localDay } from '@nestwerk/engine';
