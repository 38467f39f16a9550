import type { TFunction } from 'i18next';
import { ageInMonths, gestationWeeks, today } from '../../lib/dates.ts';

export interface ChildDates {
  birthDate?: string | null;
  dueDate?: string | null;
}

/** The child's age as the engine needs it on a given day: months since birth, or weeks of pregnancy. */
export type AgeOn = { born: true; months: number } | { born: false; weeks: number } | null;

export function ageOn(child: ChildDates, on: string = today()): AgeOn {
  if (child.birthDate) return { born: true, months: ageInMonths(child.birthDate, on) };
  if (child.dueDate) return { born: false, weeks: gestationWeeks(child.dueDate, on) };
  return null;
}

export function ageText(t: TFunction, age: AgeOn): string {
  if (!age) return t('common.unknownDate');
  if (!age.born) return t('common.unborn', { weeks: age.weeks });
  if (age.months < 24) return t('common.ageMonths', { count: age.months });
  const years = Math.floor(age.months / 12);
  const months = age.months % 12;
  return months === 0 ? t('common.ageYears', { years }) : t('common.ageYearsMonths', { years, months });
}

/** The Box 2.1 age band for parent tips; parents-to-be get the tips for babies. */
export function tipBandFor(age: AgeOn): '0_2' | '2_4' | '4_12' | '12_plus' {
  if (!age?.born || age.months < 24) return '0_2';
  if (age.months < 48) return '2_4';
  if (age.months < 144) return '4_12';
  return '12_plus';
}
