import { parseArgs } from 'node:util';
import { benchApi } from './api.ts';
import { benchDemoLoad } from './db.ts';
import { benchEngine } from './engine.ts';
import { benchReferralInbox } from './referrals.ts';
import { benchScale } from './scale.ts';
import type { BenchResult } from './stats.ts';
import { asUsage, UsageError } from './usage-error.ts';
import { benchWeb } from './web.ts';

/**
 * `npm run --silent bench [-- --quick] [-- --postgres] [-- --only api,web]`: one JSON object per line on stdout (DESIGN §4.3).
 * Progress goes to stderr. Timings that are compared are compared as ratios from the same run, never against
 * constants. The embedded SQLite database is measured by default; PostgreSQL (a throwaway cluster, or
 * NESTWERK_BENCH_POSTGRES_URL) in a full run or with --postgres, its lines named `api.postgres.*`.
 * `--soak` runs the fault soak (soak.ts), `--compare` a same-run A/B of two servers (compare.ts), instead.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--soak')) return (await import('./soak.ts')).soak(process.argv.slice(2));
  if (process.argv.includes('--compare'))
    return (await import('./compare.ts')).compareMain(process.argv.slice(2));
  const { values } = asUsage(() =>
    parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        postgres: { type: 'boolean', default: false },
        // Comma-separated suite names (engine, db, api, referrals, web): a profiling run needs just one.
        only: { type: 'string' },
      },
      strict: true,
    }),
  );
  const quick = values.quick === true;
  const postgres = values.postgres === true || !quick;
  const onPostgres = async (run: () => Promise<BenchResult[]>): Promise<BenchResult[]> =>
    (await run()).map((r) => ({
      ...r,
      name: r.name.replace(/^(api|db)\./, '$1.postgres.'),
      database: 'postgres',
    }));

  const suites: Array<[string, () => BenchResult[] | Promise<BenchResult[]>]> = [
    ['engine', () => benchEngine({ quick })],
    ['db', () => benchDemoLoad({ quick })],
    ['api', () => benchApi({ quick, dialect: 'sqlite' })],
    ['referrals', () => benchReferralInbox({ quick })],
    ['web', () => benchWeb({ quick }) as Promise<BenchResult[]>],
  ];
  if (postgres) {
    suites.push(['db (postgres)', () => onPostgres(() => benchDemoLoad({ quick, dialect: 'postgres' }))]);
    suites.push(['api (postgres)', () => onPostgres(() => benchApi({ quick, dialect: 'postgres' }))]);
    suites.push([
      'referrals (postgres)',
      () => onPostgres(() => benchReferralInbox({ quick, dialect: 'postgres' })),
    ]);
  }
  const only = values.only?.split(',');
  const known = new Set(suites.map(([name]) => name.split(' ')[0]).concat('scale'));
  const unknown = only?.find((name) => !known.has(name));
  if (unknown !== undefined)
    throw new UsageError(`--only ${unknown}: no such suite (${[...known].join(', ')})`);
  if (!quick) suites.push(['scale (postgres, two processes)', benchScale]);
  for (const [name, run] of suites) {
    if (only && !only.includes(name.split(' ')[0] ?? name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    for (const result of await run()) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  // A command line that cannot run exits with 2, as the CLI's invalid input does; a failed measurement with 1.
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
