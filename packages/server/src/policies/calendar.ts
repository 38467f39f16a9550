/**
 * Care relationships and follow-ups are calendar dates in the Netherlands and Flanders (both CET/CEST), so
 * "today" is the local date there, not the UTC date: a relationship ending today still holds at 00:30.
 */
const LOCAL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MINUTE_MS = 60_000;
/** The last answer, per minute: formatting through ICU cost a few µs on every request. */
let lastMinute = Number.NaN;
let lastDate = '';

export function localDate(now: Date): string {
  // Time zone offsets are whole minutes, so the local date can only change at the start of a minute.
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (minute !== lastMinute) {
    lastDate = LOCAL_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}

// One calendar for the server and the engine: integer arithmetic on the date's parts, no Date object per call
// (a worklist page computes its windows with hundreds of these).
export { addDays, isCalendarDate, localDay } from '@nestwerk/engine';
