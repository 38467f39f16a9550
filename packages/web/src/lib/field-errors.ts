import type { FieldIssue } from '@nestwerk/contract';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/**
 * Errors at their fields, in the user's language — the one way every form shows what is wrong.
 *
 *   const server = serverFieldErrors(mutation.error, t, (path) => ID_OF[path] ?? null);
 *   const shown = { ...clientMessages, ...server.fields };        // input id → message
 *   <TextField id="family-name" … errors={shown} />               // or <FieldError id=… message=… />
 *   <ErrorNotice error={mutation.error} shownAtFields={server.shown} />  // the rest, translated
 *
 * The server answers every issue at once as `{path, code, params}` (contract `fieldIssue`); the code picks the
 * message `app.fieldErrors.<code>` with `params` ({{max}}, {{min}}, …), and an unknown code says "check
 * this field" rather than showing the server's English. New codes get a message in nl.ts and en.ts.
 */
export type FieldMessages = Record<string, string>;

/** An API path (`children.0.familyName`) → the form's input id, or null when the form has no such field. */
export type FieldIdOf = (path: string) => string | null;

export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const issues = error.body.issues;
  if (Array.isArray(issues) && issues.length > 0) return issues;
  return [];
}

export function issueMessage(issue: FieldIssue, t: TFunction): string {
  const fallback = t('app.fieldErrors.invalid');
  const key = `app.fieldErrors.${issue.code}` as 'app.fieldErrors.invalid';
  const params = issue.params ?? {};
  // `count` drives the plural forms of limits (1 teken, 100 tekens).
  const count =
    typeof params.max === 'number' ? params.max : typeof params.min === 'number' ? params.min : undefined;
  return t(key, { ...params, ...(count === undefined ? {} : { count }), defaultValue: fallback });
}

/**
 * The server's issues of a failed request placed at the form's fields. `shown` lists the paths placed, so
 * ErrorNotice does not repeat them; issues the form has no field for stay with ErrorNotice.
 */
export function serverFieldErrors(
  error: unknown,
  t: TFunction,
  idOf: FieldIdOf,
): { fields: FieldMessages; shown: string[] } {
  const fields: FieldMessages = {};
  const shown: string[] = [];
  for (const issue of issuesOf(error)) {
    const id = idOf(issue.path);
    if (id === null || fields[id] !== undefined) continue;
    fields[id] = issueMessage(issue, t);
    shown.push(issue.path);
  }
  return { fields, shown };
}

/** Client-side message keys (as a form's validate() returns them) in the user's language. */
export function translateAll(keys: Readonly<Record<string, string>>, t: TFunction): FieldMessages {
  const out: FieldMessages = {};
  for (const [id, key] of Object.entries(keys)) out[id] = t(key as 'app.fieldErrors.invalid');
  return out;
}
