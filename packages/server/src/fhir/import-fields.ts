import { array, type EntryIssues, isObject, type Json, str } from './import-references.ts';

/**
 * The small readers every import of a resource uses: timestamps, Nestwerk extensions and identifiers, required
 * codes and bounded texts. Each reports what is wrong on the entry it reads, at the path it was given.
 */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const isTimestamp = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v);

/** The same limits the contract puts on what a professional types, so an import stores nothing longer. */
export const TEXT_MAX = {
  notes: 10_000,
  agreement: 2000,
  topic: 500,
  purpose: 500,
  recipient: 300,
  note: 2000,
  reason: 2000,
  partner: 200,
} as const;

export function extension(r: Json, url: string): Json | undefined {
  return array(r.extension).find((e): e is Json => isObject(e) && e.url === url);
}

/** The value of the identifier in `system` (an Observation has a list, a QuestionnaireResponse just one). */
export function identifier(r: Json, system: string): string | null {
  const ids = Array.isArray(r.identifier) ? r.identifier : [r.identifier];
  const id = ids.find((i): i is Json => isObject(i) && i.system === system);
  return id ? str(id.value) : null;
}

/** A code the reader requires: missing and unknown are both an issue at `path`. */
export function required<T extends string>(
  issues: EntryIssues,
  path: string,
  code: string | null | undefined,
): T | null {
  if (code === undefined) return issues.fail(path, 'required');
  if (code === null) return issues.fail(path, 'unknown_code');
  return code as T;
}

export function text(issues: EntryIssues, path: string, v: unknown, max: number): string | null {
  if (v === undefined) return null;
  const s = str(v);
  if (s === null) return issues.fail(path, 'invalid');
  if (s.length > max) return issues.fail(path, 'too_long');
  return s;
}
