import { MAX_AGE_MONTHS } from '@nestwerk/engine';
import { HttpError } from '../../http/errors.ts';
import type { PersonRow } from '../../repositories/persons.ts';

const MIN_GESTATION_WEEKS = 4;
const MAX_GESTATION_WEEKS = 43;
/** A pregnancy lasts 280 days to the due date (40 weeks from the last menstrual period). */
const TERM_DAYS = 280;
const DAY_MS = 86_400_000;

export type AgeAtContact = { ageMonths: number } | { gestationWeeks: number };

function parts(date: string): [number, number, number] {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  return [y, m, d];
}

/** Completed months of life, as a child's age is counted at the consultation bureau. */
export function completedMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

export function gestationWeeksOn(dueDate: string, on: string): number {
  const daysToDue = (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / DAY_MS;
  return Math.floor((TERM_DAYS - daysToDue) / 7);
}

/** The child's age on the contact date, in the form the engine takes; the contact date is the field at fault. */
export function ageAtContact(child: PersonRow, date: string): AgeAtContact {
  if (child.birth_date !== null) {
    if (date < child.birth_date)
      throw new HttpError('invalid_input', 'The contact date lies before the child’s birth date.', 'date');
    const ageMonths = completedMonths(child.birth_date, date);
    if (ageMonths > MAX_AGE_MONTHS)
      throw new HttpError('invalid_input', 'The child is older than 18 years on this date.', 'date');
    return { ageMonths };
  }
  const weeks = gestationWeeksOn(child.due_date ?? date, date);
  if (weeks < MIN_GESTATION_WEEKS || weeks > MAX_GESTATION_WEEKS)
    throw new HttpError(
      'invalid_input',
      `On this date the pregnancy is at ${weeks} weeks; a prenatal contact lies between ${MIN_GESTATION_WEEKS} and ${MAX_GESTATION_WEEKS} weeks.`,
      'date',
    );
  return { gestationWeeks: weeks };
}
