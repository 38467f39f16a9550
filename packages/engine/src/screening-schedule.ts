import { SCREENING_SCHEDULE, type ScreeningMoment } from '@nestwerk/knowledge';
import { addDays, TERM_DAYS } from './calendar.ts';

export type ScreeningMomentId = ScreeningMoment['id'];

/** The child the schedule runs on: unborn (due date only) or born. */
export interface ScheduleChild {
  birthDate?: string | null;
  dueDate?: string | null;
}

export interface ScheduledMoment {
  moment: ScreeningMomentId;
  status: 'due' | 'overdue';
  /** First and last day of the moment's window. */
  from: string;
  to: string;
}

export interface ScheduleWindow {
  moment: ScreeningMomentId;
  from: string;
  to: string;
  /** The day the moment stops being asked for: the next moment's window opens (or the phase ends). */
  until: string;
}

const POSTPARTUM = SCREENING_SCHEDULE.filter((m) => m.window.phase === 'postpartum');
const PREGNANCY = SCREENING_SCHEDULE.filter((m) => m.window.phase === 'pregnancy');

/** Where a child's schedule is counted from, and the day its last moment stops being asked for. */
function schedulePhase(child: ScheduleChild): { born: boolean; anchor: string; phaseEnd: string } | null {
  const born = child.birthDate ?? null;
  const anchor = born ?? (child.dueDate ? addDays(child.dueDate, -TERM_DAYS) : null);
  if (!anchor) return null;
  // Pregnancy moments are asked for until birth; the postpartum ones until the first birthday.
  const phaseEnd = born ? addDays(born, 365) : addDays(anchor, TERM_DAYS + 7 * 3);
  return { born: born !== null, anchor, phaseEnd };
}

/**
 * The schedule's windows for a child, in order; `until` is when a moment stops being asked for.
 * Pregnancy week w starts `TERM_DAYS − 7·(40 − w)` days before the due date; postpartum week w at birth + 7w.
 */
export function scheduleWindows(child: ScheduleChild): ScheduleWindow[] {
  const phase = schedulePhase(child);
  if (!phase) return [];
  const { anchor, phaseEnd } = phase;
  const moments = phase.born ? POSTPARTUM : PREGNANCY;
  return moments.map((m, i) => {
    const next = moments[i + 1];
    return {
      moment: m.id,
      from: addDays(anchor, 7 * m.window.fromWeek),
      to: addDays(anchor, 7 * (m.window.toWeek + 1) - 1),
      until: next ? addDays(anchor, 7 * next.window.fromWeek) : phaseEnd,
    };
  });
}

/**
 * The Flemish schedule (SCREENING_SCHEDULE) for one parent of one child, on `today`: the moment that is `due`
 * (today in its window) or `overdue` (window passed, next moment's window not yet open, or for the last moment
 * of the phase: not yet born / not yet one year old), unless a screening of the parent is dated from the window's
 * start up to the day the moment stops being asked for. Pregnancy moments apply while the child is unborn, the
 * postpartum moment after birth. At most one moment is returned: the windows do not overlap.
 */
export function dueScreeningMoment(
  child: ScheduleChild,
  screeningDates: readonly string[],
  today: string,
): ScheduledMoment | null {
  // No window stays open past the phase's end, and most children on a list are past it: answer those without
  // building their windows.
  const phase = schedulePhase(child);
  if (!phase || today >= phase.phaseEnd) return null;
  for (const span of scheduleWindows(child)) {
    if (today < span.from || today >= span.until) continue;
    const done = screeningDates.some((d) => d >= span.from && d < span.until);
    if (done) return null;
    return {
      moment: span.moment,
      status: today <= span.to ? 'due' : 'overdue',
      from: span.from,
      to: span.to,
    };
  }
  return null;
}
