import type { CaregiverIn, ChildIn } from '@nestwerk/contract';
import type { Insertable } from 'kysely';
import type { PersonTable } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { addDays } from '../policies/calendar.ts';
import { bit } from '../repositories/db.ts';

/** The guideline's span: from pregnancy to 18 years; a due date more than ~43 weeks ahead is a typo. */
const OLDEST_CHILD_DAYS = 19 * 366;
const DUE_AHEAD_DAYS = 43 * 7;
const DUE_PASSED_DAYS = 6 * 7;

/** Date checks that need today; `field` is the path prefix, e.g. `children.0`. */
export function checkChildDates(
  c: { birthDate?: string | null | undefined; dueDate?: string | null | undefined },
  today: string,
  field: string,
): void {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (c.birthDate) {
    if (c.birthDate > today)
      throw new HttpError('invalid_input', 'A birth date cannot be in the future.', at('birthDate')).because(
        'in_future',
      );
    if (c.birthDate < addDays(today, -OLDEST_CHILD_DAYS))
      throw new HttpError(
        'invalid_input',
        'Nestwerk covers children up to 18 years.',
        at('birthDate'),
      ).because('too_old', { years: 18 });
  }
  if (c.dueDate) {
    if (c.dueDate > addDays(today, DUE_AHEAD_DAYS) || c.dueDate < addDays(today, -DUE_PASSED_DAYS))
      throw new HttpError(
        'invalid_input',
        'A due date lies within the coming 43 weeks; once the child is born, record the birth date.',
        at('dueDate'),
      ).because('due_date_range', { weeks: 43 });
  }
}

export function childRow(
  id: string,
  familyId: string,
  c: ChildIn,
  at: string,
): Omit<Insertable<PersonTable>, 'search_key'> {
  return {
    id,
    family_id: familyId,
    kind: 'child',
    given_name: c.givenName,
    family_name: c.familyName,
    birth_date: c.birthDate ?? null,
    due_date: c.dueDate ?? null,
    first_child: c.firstChild === undefined ? null : bit(c.firstChild),
    caregiver_role: null,
    birth_year: null,
    low_education: null,
    phone: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export function caregiverRow(
  id: string,
  familyId: string,
  c: CaregiverIn,
  at: string,
): Omit<Insertable<PersonTable>, 'search_key'> {
  return {
    id,
    family_id: familyId,
    kind: 'caregiver',
    given_name: c.givenName,
    family_name: c.familyName,
    birth_date: null,
    due_date: null,
    first_child: null,
    caregiver_role: c.role,
    birth_year: c.birthYear ?? null,
    low_education: c.lowEducation === undefined ? null : bit(c.lowEducation),
    phone: c.phone ?? null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export function checkBirthYear(birthYear: number | null | undefined, today: string, field: string): void {
  if (birthYear !== null && birthYear !== undefined && birthYear > Number(today.slice(0, 4)))
    throw new HttpError('invalid_input', 'A birth year cannot be in the future.', field).because('in_future');
}
