import type { ChildAge } from '@nestwerk/engine';
// The calendar module alone: the engine's entry would pull its schemas (and zod) into the first screen.
import { completedMonths, gestationWeeks } from '@nestwerk/engine/calendar';
import type { TFunction } from 'i18next';
import { today } from '../../lib/dates.ts';

export interface ChildDates {
  birthDate?: string | null;
  dueDate?: string | null;
}

/** The child's age on a given day, counted as the engine counts it: completed months, or weeks of pregnancy. */
export type AgeOn = ChildAge | null;

export function ageOn(child: ChildDates, on: string = today()): AgeOn {
  if (child.birthDate) return { born: true, months: Math.max(0, completedMonths(child.birthDate, on)) };
  if (child.dueDate) return { born: false, gestationWeeks: gestationWeeks(child.dueDate, on) };
  return null;
}

export function ageText(t: TFunction, age: AgeOn): string {
  if (!age) return t('common.unknownDate');
  if (!age.born) return t('common.unborn', { weeks: age.gestationWeeks });
  if (age.months < 24) return t('common.ageMonths', { count: age.months });
  const years = Math.floor(age.months / 12);
  const months = age.months % 12;
  return months === 0 ? t('common.ageYears', { years }) : t('common.ageYearsMonths', { years, months });
}
