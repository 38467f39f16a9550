import { copyFileSync } from 'node:fs';
import { join, relative as relativePath } from 'node:path';
import { loadDemo } from '@nestwerk/server';
import { type BenchDatabase, openBenchDatabase } from '@nestwerk/server/bench';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, compareOptions, summarise } from './compare.ts';
import { UsageError } from './usage-error.ts';

const PASSWORD = 'bench-compare-password';
const env = { NESTWERK_DEMO_PASSWORD: PASSWORD };

describe('bench --compare: its command line', () => {
  const here = `file:${join(import.meta.dirname, 'compare.ts')}`;

  it('takes two databases and defaults to the worklist, ten rounds of 1.5 s', () => {
    const options = compareOptions(['--compare', '--a', here, '--b', 'postgres://u@h/db'], env);
    expect(options).toMatchObject({
      a: here,
      b: 'postgres://u@h/db',
      bCheckout: null,
      route: 'worklist',
      rounds: 10,
      roundMs: 1500,
      password: PASSWORD,
    });
  });

  it.each([
    [['--b', here], '--a is missing'],
    [['--a', 'mysql://x', '--b', here], 'must start with file: or postgres://'],
    [['--a', 'file:/nowhere/at/all.db', '--b', here], 'there is no database at /nowhere/at/all.db'],
    [['--a', here, '--b', here, '--route', 'dashboard'], '--route must be worklist or family_read'],
    [['--a', here, '--b', here, '--rounds', '1'], '--rounds must be a whole number ≥ 2'],
    [['--a', here, '--b', here, '--round-ms', 'soon'], '--round-ms must be a whole number ≥ 200'],
    [['--a', here, '--b', here, '--b-checkout', import.meta.dirname], 'is not a Nestwerk checkout'],
    [['--a', here, '--b', here, '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j, naming the problem', (args, message) => {
    const attempt = () => compareOptions(['--compare', ...args], env);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });

  it('hands the servers an absolute path, so a server run in another checkout opens the same file', () => {
    const relative = `file:${relativePath(process.cwd(), join(import.meta.dirname, 'compare.ts'))}`;
    const options = compareOptions(['--compare', '--a', relative, '--b', relative], env);
    expect(options.a).toBe(here);
    expect(options.b).toBe(here);
  });

  it('needs the demo password to log in to both servers', () => {
    expect(() => compareOptions(['--compare', '--a', here, '--b', here], {})).toThrow(
      /NESTWERK_DEMO_PASSWORD/,
    );
  });
});

describe('bench --compare: the summary', () => {
  it('is the median of the round-by-round ratios, and counts the rounds B was lower', () => {
    const summary = summarise([100, 200, 400], [90, 220, 300], [10, 20, 30], [11, 19, 40]);
    expect(summary).toMatchObject({ cpuUsPerReqA: 200, cpuUsPerReqB: 220, bLowerRounds: 2, rounds: 3 });
    // Ratios 0.9, 1.1, 0.75: median 0.9, not 220 / 200.
    expect(summary.ratio).toBe(0.9);
    expect(summary.p95MsA).toBe(20);
    expect(summary.p95MsB).toBe(19);
  });

  it('swapping the sides inverts the ratio and the count (an odd number of rounds)', () => {
    const cpu = fc.float({ min: 100, max: 10_000, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 9 })
          .chain((n) =>
            fc.tuple(
              fc.array(cpu, { minLength: 2 * n - 1, maxLength: 2 * n - 1 }),
              fc.array(cpu, { minLength: 2 * n - 1, maxLength: 2 * n - 1 }),
            ),
          ),
        ([a, b]) => {
          const p95 = a.map(() => 1);
          const forward = summarise(a, b, p95, p95);
          const backward = summarise(b, a, p95, p95);
          const ties = a.filter((v, i) => v === b[i]).length;
          expect(forward.bLowerRounds + backward.bLowerRounds + ties).toBe(a.length);
          // Each ratio is rounded to 0.001, which bounds how far their product may be from 1.
          const slack = 0.0005 * (forward.ratio + backward.ratio) + 1e-6;
          expect(Math.abs(forward.ratio * backward.ratio - 1)).toBeLessThanOrEqual(slack);
        },
      ),
    );
  });

  it('refuses sides of different lengths', () => {
    expect(() => summarise([1, 2], [1], [1, 1], [1])).toThrow('same rounds');
  });
});

describe('bench --compare: two servers in alternating rounds', () => {
  let database: BenchDatabase;
  let copy: string;

  beforeAll(async () => {
    database = await openBenchDatabase('sqlite');
    await loadDemo(database.handle.db, { families: 12, seed: 'compare', password: PASSWORD });
    const path = database.handle.url.slice('file:'.length);
    // A copy of the database taken while no server holds it: side B reads the same families from its own file.
    copy = `${path}.copy`;
    copyFileSync(path, copy);
  }, 60_000);
  afterAll(() => database?.dispose());

  it('measures each side in every round and reports their CPU per request and the ratio', async () => {
    const args = ['--compare', '--a', database.handle.url, '--b', `file:${copy}`, '--route', 'family_read'];
    const [line] = await compare({ ...compareOptions(args, env), rounds: 2, roundMs: 200, warmupMs: 0 });
    expect(line?.name).toBe('compare.family_read.cpu_us_per_req_ratio');
    expect(line?.rounds).toBe(2);
    for (const side of [line?.roundsCpuUsA, line?.roundsCpuUsB]) {
      expect(side).toHaveLength(2);
      for (const cpu of side as number[]) expect(cpu).toBeGreaterThan(0);
    }
    expect(line?.value).toBeGreaterThan(0);
  }, 60_000);
});
