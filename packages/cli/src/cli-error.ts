/** A problem with what the user gave us: reported as one JSON line on stderr with exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly error = 'invalid_input',
  ) {
    super(message);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`${JSON.stringify({ error: err.error, field: err.field, message: err.message })}\n`);
    return 2;
  }
  // Unexpected: say so briefly; the stack only when asked for, so no internals leak into logs by default.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${JSON.stringify({ error: 'internal_error', message })}\n`);
  if (process.env.NESTWERK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
