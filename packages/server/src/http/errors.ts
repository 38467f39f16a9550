/**
 * The one error type routes throw. The central error handler turns it into `{error, field?, issues?, message}` with its
 * status; anything else becomes a 500 without internals (and is a bug: bad input must never reach it).
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'mfa_required'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'locked';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  locked: 429,
};

export class HttpError extends Error {
  readonly status: number;
  private issue: { code: string; params?: Readonly<Record<string, string | number>> } | undefined;
  /**
   * `extra` adds fields to the body, e.g. `{current}` with a 409 conflict or `{lockedUntil}` with a lockout;
   * it can never overwrite error, field or message.
   */
  constructor(
    readonly error: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.status = STATUS[error];
  }

  /**
   * Names what is wrong with `field` in a stable code a client translates (date_order, in_future, …); without
   * it the field's issue says only `invalid`. Returns the error, for `throw new HttpError(…).because(…)`.
   */
  because(code: string, params?: Readonly<Record<string, string | number>>): this {
    this.issue = params ? { code, params } : { code };
    return this;
  }

  /**
   * Bad input names its field as an issue (`invalid` without a code of its own); a conflict or refusal names
   * one only when it was given a code, as a state (`status`, `version`) is no field a person fills in.
   */
  toBody(): Record<string, unknown> {
    const input = this.error === 'invalid_input' || this.error === 'unprocessable';
    const issue = this.issue ?? (input ? { code: 'invalid' } : undefined);
    return {
      ...this.extra,
      error: this.error,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.field === undefined || issue === undefined
        ? {}
        : { issues: [{ path: this.field, ...issue }] }),
      message: this.message,
    };
  }
}
