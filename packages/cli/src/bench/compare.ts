import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '@nestwerk/server';
import { CONCURRENCY, caseload, logIn, NURSE, worklistPageUrls } from './demo-client.ts';
import { jitWarmupMs, type LoadResult, runLoad } from './http-load.ts';
import { type ServerChild, startServerChild } from './server-child.ts';
import { type BenchResult, percentile, round } from './stats.ts';
import { asUsage, UsageError } from './usage-error.ts';

/**
 * `npm run --silent bench -- --compare --a <database> --b <database> [--b-checkout <dir>] [--route worklist|family_read]
 * [--rounds N]`: a same-run A/B of two servers. Whole-bench runs minutes apart differ by up to 50 % on a shared
 * machine, so a change is judged by two servers measured in alternating rounds, in the same minutes: two
 * databases (an index, a pragma, a data set; copies of one database for a fair test), or, with `--b-checkout`, the
 * code of another checkout (its own `node_modules`) serving B. The figure is the server's CPU time per request,
 * round by round; the answer is the median of B/A and in how many rounds B was lower.
 */
export type CompareRoute = 'worklist' | 'family_read';

export interface CompareOptions {
  a: string;
  b: string;
  /** The root of the checkout whose server serves B; null: this one. */
  bCheckout: string | null;
  route: CompareRoute;
  rounds: number;
  roundMs: number;
  warmupMs: number;
  email: string;
  password: string;
}

/** The options from the command line, or a UsageError naming what is wrong. */
export function compareOptions(argv: string[], env: NodeJS.ProcessEnv): CompareOptions {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      options: {
        compare: { type: 'boolean' },
        a: { type: 'string' },
        b: { type: 'string' },
        'b-checkout': { type: 'string' },
        route: { type: 'string', default: 'worklist' },
        rounds: { type: 'string', default: '10' },
        'round-ms': { type: 'string', default: '1500' },
        // How long each fresh server is loaded before the rounds: until V8 has optimised its hot paths.
        'warmup-ms': { type: 'string', default: String(jitWarmupMs(false)) },
        email: { type: 'string', default: NURSE },
      },
      strict: true,
    }),
  );
  const database = (name: 'a' | 'b'): string => {
    const url = values[name];
    if (typeof url !== 'string')
      throw new UsageError(`--${name} is missing: a database URL (file:<path> or postgres://…)`);
    const location = asUsage(() => parseDatabaseUrl(url));
    // A server opening a path that is not there would make an empty database, and the log-in would fail.
    if (location.dialect === 'postgres') return url;
    if (!existsSync(location.path))
      throw new UsageError(`--${name}: there is no database at ${location.path}`);
    // Absolute: another checkout's server runs in that checkout, where a relative path would mean another file.
    return `file:${location.path}`;
  };
  const whole = (name: 'rounds' | 'round-ms' | 'warmup-ms', min: number): number => {
    const n = Number(values[name]);
    if (!Number.isSafeInteger(n) || n < min)
      throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const route = values.route;
  if (route !== 'worklist' && route !== 'family_read')
    throw new UsageError('--route must be worklist or family_read');
  const checkout = values['b-checkout'];
  let bCheckout: string | null = null;
  if (typeof checkout === 'string') {
    bCheckout = resolve(checkout);
    if (!existsSync(join(bCheckout, 'packages/cli/src/bench/server-process.ts')))
      throw new UsageError(
        `--b-checkout ${checkout} is not a Nestwerk checkout (no packages/cli/src/bench/server-process.ts)`,
      );
    if (!existsSync(join(bCheckout, 'node_modules')))
      throw new UsageError(`--b-checkout ${checkout} has no node_modules: run npm ci there first`);
  }
  const password = env.NESTWERK_DEMO_PASSWORD;
  if (!password) throw new UsageError('set NESTWERK_DEMO_PASSWORD to the demo password of both databases');
  return {
    a: database('a'),
    b: database('b'),
    bCheckout,
    route,
    rounds: whole('rounds', 2),
    roundMs: whole('round-ms', 200),
    warmupMs: whole('warmup-ms', 0),
    email: String(values.email),
    password,
  };
}

export interface CompareSummary {
  /** Median server CPU per request, µs. */
  cpuUsPerReqA: number;
  cpuUsPerReqB: number;
  /** Median over the rounds of B's CPU per request divided by A's in the same round. */
  ratio: number;
  /** Rounds in which B used less CPU per request than A. */
  bLowerRounds: number;
  rounds: number;
  /** Median over the rounds of each side's p95 latency, ms. */
  p95MsA: number;
  p95MsB: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Round-by-round figures of the two sides, in the same order, summed up. */
export function summarise(
  cpuA: readonly number[],
  cpuB: readonly number[],
  p95A: readonly number[],
  p95B: readonly number[],
): CompareSummary {
  if (cpuA.length !== cpuB.length || cpuA.length === 0) throw new Error('both sides need the same rounds');
  const ratios = cpuB.map((b, i) => b / (cpuA[i] ?? Number.NaN));
  return {
    cpuUsPerReqA: round(median(cpuA), 1),
    cpuUsPerReqB: round(median(cpuB), 1),
    ratio: round(median(ratios)),
    bLowerRounds: ratios.filter((r) => r < 1).length,
    rounds: cpuA.length,
    p95MsA: round(median(p95A)),
    p95MsB: round(median(p95B)),
  };
}

interface Side {
  server: ServerChild;
  urls: string[];
  cookie: string;
}

/** The requests one side makes: the nurse paging through her worklist, or reading her families' files. */
async function urlsFor(route: CompareRoute, url: string, cookie: string): Promise<string[]> {
  if (route === 'worklist') return worklistPageUrls(url);
  const ids = await caseload(url, cookie);
  if (ids.length === 0) throw new UsageError('the user has no families on the worklist to read');
  return ids.map((id) => `${url}/api/families/${id}`);
}

export async function compare(options: CompareOptions): Promise<BenchResult[]> {
  const sides: Side[] = [];
  try {
    for (const [database, root] of [
      [options.a, null],
      [options.b, options.bCheckout],
    ] as const) {
      const server = await startServerChild(database, 'app', root === null ? {} : { root });
      sides.push({ server, urls: [], cookie: '' });
      const side = sides[sides.length - 1] as Side;
      // Refused, it is the password or the e-mail given: the caller's to fix.
      side.cookie = await logIn(server.url, options.password, options.email).catch((err: unknown) => {
        throw new UsageError(`${server.url}: ${err instanceof Error ? err.message : String(err)}`);
      });
      side.urls = await urlsFor(options.route, server.url, side.cookie);
    }
    const load = (side: Side, durationMs: number): Promise<LoadResult> =>
      runLoad({
        urls: side.urls,
        headers: { cookie: side.cookie },
        concurrency: CONCURRENCY,
        durationMs,
        warmupMs: 200,
      });
    process.stderr.write('bench: compare: warming both servers up…\n');
    for (const side of sides) if (options.warmupMs > 0) await load(side, options.warmupMs);
    const cpu: [number[], number[]] = [[], []];
    const p95: [number[], number[]] = [[], []];
    for (let r = 0; r < options.rounds; r++) {
      // Alternating who goes first, so neither side always follows the other's work.
      for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const side = sides[i] as Side;
        const before = await side.server.cpuMicros();
        const result = await load(side, options.roundMs);
        cpu[i]?.push(((await side.server.cpuMicros()) - before) / Math.max(1, result.requests));
        p95[i]?.push(percentile(result.latencies, 95));
      }
      process.stderr.write(`bench: compare: round ${r + 1}/${options.rounds}\n`);
    }
    const summary = summarise(cpu[0], cpu[1], p95[0], p95[1]);
    return [
      {
        name: `compare.${options.route}.cpu_us_per_req_ratio`,
        value: summary.ratio,
        unit: 'ratio',
        ...summary,
        a: options.a,
        b: options.b,
        bCheckout: options.bCheckout,
        roundsCpuUsA: cpu[0].map((v) => round(v, 0)),
        roundsCpuUsB: cpu[1].map((v) => round(v, 0)),
      },
    ];
  } finally {
    for (const side of sides) await side.server.stop();
  }
}

export async function compareMain(argv: string[]): Promise<void> {
  for (const line of await compare(compareOptions(argv, process.env)))
    process.stdout.write(`${JSON.stringify(line)}\n`);
}
