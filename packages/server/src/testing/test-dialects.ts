import type { Dialect } from '../db/connect.ts';

const ALL: Dialect[] = ['sqlite', 'postgres'];

/**
 * Which databases the suites run on: both, unless NESTWERK_TEST_DATABASES names a subset on purpose (the
 * global setup then says so loudly).
 */
export function testDialects(env: NodeJS.ProcessEnv = process.env): Dialect[] {
  const raw = env.NESTWERK_TEST_DATABASES?.trim();
  if (!raw) return ALL;
  const wanted = raw.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !(ALL as string[]).includes(w));
  if (unknown.length > 0)
    throw new Error(
      `NESTWERK_TEST_DATABASES: unknown database "${unknown[0]}" (use sqlite, postgres or both)`,
    );
  return ALL.filter((d) => wanted.includes(d));
}
