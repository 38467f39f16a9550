import { completedMonths } from '@nestwerk/engine';
import type { ContactType } from '../db/schema.ts';
import { DAY, isoDate, MONTH_DAYS } from './days.ts';
import type { Quality } from './frequencies.ts';
import type { DrawnHousehold } from './household.ts';
import type { Random } from './random.ts';

/** Regular contacts shown per child: enough for a timeline, bounded so 10^5 families stay a few GB. */
const REGULAR_CONTACTS_KEPT = 3;

/**
 * The JGZ schedule of contacts (months of age), who usually does them: the physician (jeugdarts) at some,
 * the nurse at the others; the first is a home visit.
 */
export const SCHEDULE: ReadonlyArray<{ months: number; physician?: boolean }> = [
  { months: 0.5 },
  { months: 1, physician: true },
  { months: 2 },
  { months: 3, physician: true },
  { months: 4 },
  { months: 6, physician: true },
  { months: 7.5 },
  { months: 9 },
  { months: 11, physician: true },
  { months: 14 },
  { months: 18 },
  { months: 24 },
  { months: 36 },
  { months: 45, physician: true },
  { months: 69 },
];

export interface PlannedContact {
  ms: number;
  type: ContactType;
  professionalId: string;
  /** Born: age in months; unborn: null. */
  ageMonths: number | null;
  gestationWeeks: number | null;
}

/** The contacts the family has had, oldest first. */
export function planContacts(
  rng: Random,
  drawn: DrawnHousehold,
  quality: Quality,
  today: number,
  staff: { nurseId: string; physicianId: string },
): PlannedContact[] {
  const { gestationNow, birthMs, ageDays, ageMonthsNow } = drawn;
  const { nurseId, physicianId } = staff;
  const planned: PlannedContact[] = [];
  if (gestationNow !== null && gestationNow >= 16) {
    const at = rng.int(16, gestationNow);
    planned.push(prenatal(today - (gestationNow - at) * 7 * DAY, at, nurseId));
  } else if (birthMs !== null && ageDays !== null && ageDays < 183 && rng.chance(0.5)) {
    const at = rng.int(28, 36);
    planned.push(prenatal(birthMs - (40 - at) * 7 * DAY, at, nurseId));
  }
  if (birthMs !== null && ageMonthsNow !== null) {
    const regular: Array<Omit<PlannedContact, 'ageMonths'>> = [];
    for (const step of SCHEDULE) {
      if (step.months > ageMonthsNow) break;
      const ms = Math.min(today - DAY, birthMs + Math.round(step.months * MONTH_DAYS + rng.int(-2, 5)) * DAY);
      if (ms < birthMs) continue;
      const type: ContactType = step.months === 0.5 ? 'home_visit' : rng.chance(0.08) ? 'phone' : 'consult';
      regular.push({
        ms,
        type,
        professionalId: step.physician ? physicianId : nurseId,
        gestationWeeks: null,
      });
    }
    // The age only of the contacts kept (it draws nothing from the generator, so the data stays the same).
    for (const r of regular.slice(-REGULAR_CONTACTS_KEPT))
      planned.push({ ...r, ageMonths: completedMonths(isoDate(birthMs), isoDate(r.ms)) });
    const last = planned[planned.length - 1];
    if (quality !== 'safe' && last && last.ms < today - 21 * DAY) {
      // Never before the birth: a baby born in the last weeks may have had only prenatal contacts so far.
      const ms = Math.max(birthMs, today - rng.int(1, 20) * DAY);
      planned.push({
        ms,
        type: 'home_visit',
        professionalId: nurseId,
        ageMonths: completedMonths(isoDate(birthMs), isoDate(ms)),
        gestationWeeks: null,
      });
    }
  }
  planned.sort((a, b) => a.ms - b.ms);
  return planned;
}

function prenatal(ms: number, gestationWeeks: number, nurseId: string): PlannedContact {
  return { ms, type: 'prenatal_visit', professionalId: nurseId, ageMonths: null, gestationWeeks };
}
