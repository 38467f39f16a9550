import { HttpError } from '../../http/errors.ts';

/**
 * The one answer for "does not exist", "belongs to another organisation" and "you may not see it": the same
 * status and the same bytes, so a denied request cannot be told apart from a wrong id.
 */
export function notFound(): HttpError {
  return new HttpError('not_found', 'Not found.');
}
