import {
  DEFAULT_DEMO_SEED,
  DemoError,
  hasDemoData,
  loadDemo,
  migrateToLatest,
  resetDemoPassword,
} from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, withDatabase } from '../database.ts';
import { progress } from '../progress.ts';

export const summary =
  'demo [--families N] [--seed S] [--reset-password]   load synthetic demo families and the demo log-ins';

const DEFAULT_FAMILIES = 500;
const MAX_FAMILIES = 1_000_000;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...DATABASE_OPTION,
    families: { type: 'string' },
    seed: { type: 'string' },
    'reset-password': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError('arguments', `Unexpected argument "${positionals[0]}"`);
  const families = familiesOption(values.families);
  const seed = values.seed ?? DEFAULT_DEMO_SEED;
  if (seed === '') throw new UsageError('--seed', '--seed must not be empty');

  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    if (await hasDemoData(handle.db)) {
      if (values['reset-password']) {
        const password = await resetDemoPassword(handle.db, process.env.NESTWERK_DEMO_PASSWORD || undefined);
        process.stdout.write(`The demo accounts now have the password: ${password}\n`);
        return 0;
      }
      process.stdout.write(
        'The demo data is already loaded. Its password was shown when it was loaded; run "nestwerk demo --reset-password" for a new one.\n',
      );
      return 0;
    }
    const bar = progress('demo families', families);
    const started = Date.now();
    let result: Awaited<ReturnType<typeof loadDemo>>;
    try {
      result = await loadDemo(handle.db, { families, seed, onProgress: (p) => bar.update(p.done) });
    } catch (err) {
      if (err instanceof DemoError) throw new UsageError('demo', err.message);
      throw err;
    } finally {
      bar.finish();
    }
    const seconds = (Date.now() - started) / 1000;
    const width = Math.max(...[...result.accounts, ...result.parents].map((a) => a.email.length));
    const lines = [
      `Loaded ${families} demo families (seed "${seed}") in ${seconds.toFixed(1)} s into the ${handle.dialect} database.`,
      '',
      'Demo log-ins (no second factor; for demonstration only):',
      ...result.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(20)} ${a.organisation}`),
      ...result.parents.map(
        (p) => `  ${p.email.padEnd(width)}  ${'parent (portal)'.padEnd(20)} ${p.familyName}`,
      ),
      `  password: ${result.password}${result.passwordGenerated ? '   (generated; set NESTWERK_DEMO_PASSWORD to choose one)' : ''}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    return 0;
  });
}

function familiesOption(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_FAMILIES;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > MAX_FAMILIES)
    throw new UsageError(
      '--families',
      `--families must be a whole number from 0 to ${MAX_FAMILIES}; got "${raw}"`,
    );
  return n;
}
