import { z } from 'zod';
import { isCalendarDate } from '../../policies/calendar.ts';

/** PostgreSQL text cannot hold NUL, and no person types one: reject it rather than fail at the database. */
const NO_NUL = (s: string): boolean => !s.includes('\u0000');

/** Free text a professional types: trimmed, not empty, bounded. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine(NO_NUL, 'must not contain NUL characters');
}

/** Optional free text where `null` clears the value. */
export function optionalText(max: number) {
  return text(max).nullable().optional();
}

export const id = z.uuid({ message: 'must be a UUID' });
export const idParams = z.strictObject({ id });

export const date = z
  .string()
  .refine(isCalendarDate, 'must be a date YYYY-MM-DD')
  .meta({ format: 'date', example: '2026-01-31' });

export const version = z.number().int().min(1).max(2_147_483_647);

/** Query-string numbers arrive as text. */
const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

export const paging = {
  offset: queryInt(0, 1_000_000, 0),
  limit: queryInt(1, 200, 50),
};

export const searchText = z.string().max(100).refine(NO_NUL, 'must not contain NUL characters').optional();
