import { HttpError } from '../../http/errors.ts';

/** Optimistic locking (docs/api.md): the stale writer gets the current state to merge with, never a silent overwrite. */
export function conflict(what: string, current: unknown): HttpError {
  return new HttpError(
    'conflict',
    `This ${what} was changed by someone else after you opened it. Review the current version and save again.`,
    undefined,
    { current },
  );
}
