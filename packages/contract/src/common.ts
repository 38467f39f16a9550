import { isCalendarDate } from '@nestwerk/engine';
import { z } from 'zod';

/** PostgreSQL text cannot hold NUL, and no person types one: reject it rather than fail at the database. */
const NO_NUL = (s: string): boolean => !s.includes('\u0000');

/** A refine's `params.code` becomes the stable code of its issue in an error body (see {@link fieldIssue}). */
const NUL_CHECK = { message: 'must not contain NUL characters', params: { code: 'invalid_text' } };

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed, which the TypeScript lib this project targets does not declare yet. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export const ILL_FORMED_MESSAGE = 'must be valid Unicode text (it contains a lone surrogate)';

/**
 * Any text from outside: well-formed UTF-16 (a lone surrogate is stored as invalid UTF-8 by SQLite and as
 * U+FFFD by PostgreSQL, so it reads back differently from what was checked and hashed) and in NFC, so the
 * same words typed on two keyboards are stored, searched and hashed as the same code points.
 */
export function unicodeText() {
  return z
    .string()
    .refine(isWellFormedText, { message: ILL_FORMED_MESSAGE, abort: true, params: { code: 'invalid_text' } })
    .normalize('NFC');
}

/** Free text a professional types: well-formed, NFC, trimmed, not empty, bounded. */
export function text(max: number) {
  return unicodeText().trim().min(1, 'must not be empty').max(max).refine(NO_NUL, NUL_CHECK);
}

/** Optional free text where `null` clears the value. */
export function optionalText(max: number) {
  return text(max).nullable().optional();
}

export const id = z.uuid({ message: 'must be a UUID' });
export const idParams = z.strictObject({ id });

export const date = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD', params: { code: 'invalid_date' } })
  .meta({ format: 'date', example: '2026-01-31' });

/** A timestamp the server wrote (ISO 8601, UTC). */
export const timestamp = z.string().meta({ format: 'date-time' });

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

export const searchText = unicodeText().max(100).refine(NO_NUL, NUL_CHECK).optional();

/** Bounded free text that may be empty (a recommendation left blank). */
export function plainText(max: number) {
  return unicodeText().max(max).refine(NO_NUL, NUL_CHECK);
}

/** For a POST/PUT/PATCH/DELETE that takes no body: none (Fastify makes that null) or `{}`, nothing else. */
export const emptyBody = z.object({}).strict().nullish();

/**
 * One thing wrong with one field, for a client to say in its user's language: `path` is the field
 * (`children.0.familyName`), `code` a stable word (too_long, too_short, required, invalid_date,
 * invalid_postcode, date_order, …; docs/api.md lists them) and `params` what the message needs (`max`, `min`).
 */
export const fieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.output<typeof fieldIssue>;

/**
 * Every error the API answers: a stable code, the field at fault when there is one, and a message (English,
 * for API clients and logs). `issues` lists every field at fault at once. Some errors carry more (the
 * current record with a 409 conflict, `lockedUntil` with a lockout).
 */
export const errorBody = z
  .object({
    error: z.string(),
    field: z.string().optional(),
    message: z.string(),
    issues: z.array(fieldIssue).optional(),
  })
  .catchall(z.unknown());
export type ErrorBody = z.output<typeof errorBody>;

/** A page of a longer list. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}

/** A 204 or an acknowledgement with no content. */
export const noContent = z.undefined();
