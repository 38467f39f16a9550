import { parseArgs } from 'node:util';
import { benchEngine } from './engine.ts';
import { benchReferralInbox } from './referrals.ts';
import type { BenchResult } from './stats.ts';
import { benchWeb } from './web.ts';

/**
 * `npm run --silent bench [-- --quick]`: one JSON object per line on stdout (DESIGN §4.3). Progress goes to
 * stderr. Timings that are compared are compared as ratios from the same run, never against constants.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } }, strict: true });
  const quick = values.quick === true;
  const suites: Array<[string, () => BenchResult[] | Promise<BenchResult[]>]> = [
    ['engine', () => benchEngine({ quick })],
    ['web', () => benchWeb({ quick }) as Promise<BenchResult[]>],
    ['referrals', () => benchReferralInbox({ quick })],
  ];
  for (const [name, run] of suites) {
    process.stderr.write(`bench: ${name}…\n`);
    for (const result of await run()) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
