/** A bench command line that cannot run as given: the bench says why and exits with code 2, as the CLI does. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A parse of the command line (node:util parseArgs) whose failure is the caller's, not the bench's. */
export function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
