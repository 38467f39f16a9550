import { loadDemo, refreshDashboardCounts } from '@nestwerk/server';
import { openBenchDatabase } from '@nestwerk/server/bench';
import { CONCURRENCY, caseload, logIn, worklistPageUrls } from './demo-client.ts';
import { jitWarmupMs, type LoadResult, runLoad } from './http-load.ts';
import { type ServerChild, startServerChild } from './server-child.ts';
import { type BenchResult, percentile, round } from './stats.ts';

/**
 * The HTTP API under load: 16 concurrent keep-alive clients against the real app on a real port,
 * logged in as the demo nurse. Three processes: this one loads the data and collects the figures, the server
 * (and, in turn, the bare baseline) runs in a child of its own, and the clients in another (http-load.ts).
 * `cpu_us_per_req` is the server process's CPU time (user + system) over the family-read rounds divided by
 * the requests it answered in them — stable on a noisy machine, where latency is not. The family read is
 * reported as a ratio of a bare route that runs the same file queries without session, policy, audit or
 * transaction, measured in the same run on the same data; beside it, the same ratio for the bare route plus
 * only its durable audit row (`auditFloorRatio`): what keeping the audit promise alone leaves of the bare read.
 */

const ANALYST = 'gemeente@demo.nestwerk.test';

/** Rounds of equal length: latencies pooled, throughput averaged. */
function combine(rounds: LoadResult[]): LoadResult {
  return {
    latencies: rounds.flatMap((r) => r.latencies).sort((a, b) => a - b),
    opsPerSecond: rounds.reduce((sum, r) => sum + r.opsPerSecond, 0) / rounds.length,
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
  };
}

export async function benchApi(opts: {
  quick: boolean;
  dialect: 'sqlite' | 'postgres';
}): Promise<BenchResult[]> {
  const families = opts.quick ? 2_000 : 100_000;
  // The machine is shared and its background load drifts: the baseline and the audited read take turns in
  // short rounds, so both see the same conditions and their ratio is fair.
  const rounds = opts.quick ? 4 : 8;
  const roundMs = opts.quick ? 700 : 1_500;
  const warmupMs = opts.quick ? 200 : 500;
  const database = await openBenchDatabase(opts.dialect);
  try {
    process.stderr.write(`bench: api [${opts.dialect}] loading ${families} demo families…\n`);
    const demo = await loadDemo(database.handle.db, { families, password: 'bench-demo-password-2026' });
    // Before the server starts, so its build is not timed with the reads: the dashboard answers from it.
    const refreshStart = performance.now();
    await refreshDashboardCounts(database.handle.db, new Date().toISOString());
    const refreshMs = performance.now() - refreshStart;
    const app = await startServerChild(database.handle.url, 'app');
    const bare = await startServerChild(database.handle.url, 'bare');
    try {
      const url = app.url;
      const cookie = await logIn(url, demo.password);
      const ids = await caseload(url, cookie);
      if (ids.length === 0) throw new Error('the demo nurse has no families to read');
      const load = (urls: string[], headers: Record<string, string> = {}, durationMs = roundMs) =>
        runLoad({ urls, headers, concurrency: CONCURRENCY, durationMs, warmupMs });

      process.stderr.write(
        `bench: api [${opts.dialect}] family read (bare baseline, bare with its audit row, then authorised and audited)…\n`,
      );
      const bareUrls = ids.map((id) => `${bare.url}/bare/families/${id}`);
      const floorUrls = ids.map((id) => `${bare.url}/bare/audited-families/${id}`);
      const readUrls = ids.map((id) => `${url}/api/families/${id}`);
      // A fresh process has a cold JIT: both servers get the same warm-up before anything is counted, and the
      // bare server's audit path (warm process, cold code) a part of it.
      await load(bareUrls, {}, jitWarmupMs(opts.quick));
      await load(floorUrls, {}, jitWarmupMs(opts.quick) / 3);
      await load(readUrls, { cookie }, jitWarmupMs(opts.quick));
      // Each series: its rounds, and the CPU its server spent in them (the bare server serves two series).
      const series = () => ({ rounds: [] as LoadResult[], cpuMicros: 0 });
      const bareSeries = series();
      const floorSeries = series();
      const readSeries = series();
      const measure = async (
        into: ReturnType<typeof series>,
        server: ServerChild,
        urls: string[],
        headers: Record<string, string> = {},
      ) => {
        const before = await server.cpuMicros();
        into.rounds.push(await load(urls, headers));
        into.cpuMicros += (await server.cpuMicros()) - before;
      };
      // NESTWERK_BENCH_READ_PROFILE=file.cpuprofile: the server's CPU profile of the family-read rounds only;
      // NESTWERK_BENCH_BARE_PROFILE the bare baseline's of its rounds.
      const readProfile = process.env.NESTWERK_BENCH_READ_PROFILE;
      if (readProfile) await app.profile(null);
      const bareProfile = process.env.NESTWERK_BENCH_BARE_PROFILE;
      if (bareProfile) await bare.profile(null);
      for (let r = 0; r < rounds; r++) {
        await measure(bareSeries, bare, bareUrls);
        await measure(floorSeries, bare, floorUrls);
        await measure(readSeries, app, readUrls, { cookie });
      }
      if (readProfile) await app.profile(readProfile);
      if (bareProfile) await bare.profile(bareProfile);
      const baseline = combine(bareSeries.rounds);
      const floor = combine(floorSeries.rounds);
      const read = combine(readSeries.rounds);
      process.stderr.write(`bench: api [${opts.dialect}] worklist…\n`);
      const worklistUrls = worklistPageUrls(url);
      // The server's CPU time per worklist request, like the family read's: steadier than p95 on a shared machine.
      // NESTWERK_BENCH_WORKLIST_PROFILE=file.cpuprofile: the server's CPU profile of the worklist load only.
      const worklistProfile = process.env.NESTWERK_BENCH_WORKLIST_PROFILE;
      if (worklistProfile) await app.profile(null);
      // The process is warm; the worklist's own queries and presenter are not yet.
      await load(worklistUrls, { cookie }, jitWarmupMs(opts.quick) / 3);
      const worklistCpuBefore = await app.cpuMicros();
      const worklist = await load(worklistUrls, { cookie }, rounds * roundMs);
      const worklistCpuMicros = (await app.cpuMicros()) - worklistCpuBefore;
      if (worklistProfile) await app.profile(worklistProfile);

      process.stderr.write(`bench: api [${opts.dialect}] dashboard…\n`);
      // The analyst switching regions and ranges of fixed quarters: every answer comes from the aggregates.
      const analyst = await logIn(url, demo.password, ANALYST);
      const dashboardUrls = ['', '?region=be', '?from=2025-01', '?region=nl&from=2024-01&to=2026-12'].map(
        (query) => `${url}/api/dashboard${query}`,
      );
      const dashboard = await load(dashboardUrls, { cookie: analyst }, rounds * roundMs);

      const extra = {
        dialect: opts.dialect,
        families,
        concurrency: CONCURRENCY,
        serverProcesses: app.processes,
      };
      return [
        {
          name: 'api.family_read.p95_ms',
          value: round(percentile(read.latencies, 95)),
          unit: 'ms',
          ...extra,
        },
        {
          name: 'api.family_read.ops_per_s',
          value: round(read.opsPerSecond, 1),
          unit: 'ops_per_s',
          ...extra,
        },
        {
          name: 'api.family_read.cpu_us_per_req',
          value: round(readSeries.cpuMicros / read.requests, 1),
          unit: 'us',
          requests: read.requests,
          ...extra,
        },
        {
          name: 'api.family_read.ratio_vs_baseline',
          value: round(read.opsPerSecond / baseline.opsPerSecond),
          unit: 'ratio',
          baselineOpsPerSecond: round(baseline.opsPerSecond, 1),
          baselineP95Ms: round(percentile(baseline.latencies, 95)),
          baselineCpuUsPerReq: round(bareSeries.cpuMicros / Math.max(1, baseline.requests), 1),
          // The bare read plus only its durable audit row: what the audit promise alone leaves (see the route).
          auditFloorRatio: round(floor.opsPerSecond / baseline.opsPerSecond),
          auditFloorOpsPerSecond: round(floor.opsPerSecond, 1),
          auditFloorCpuUsPerReq: round(floorSeries.cpuMicros / Math.max(1, floor.requests), 1),
          ...extra,
        },
        {
          name: 'api.worklist.p95_ms',
          value: round(percentile(worklist.latencies, 95)),
          unit: 'ms',
          // The median beside it: a p95 far above it is a tail (pauses, the fold), not the page's own cost.
          p50Ms: round(percentile(worklist.latencies, 50)),
          p99Ms: round(percentile(worklist.latencies, 99)),
          opsPerSecond: round(worklist.opsPerSecond, 1),
          // Includes the warm-up requests the load makes before it counts, so slightly high; compare runs.
          cpuUsPerReq: round(worklistCpuMicros / Math.max(1, worklist.requests), 1),
          ...extra,
        },
        {
          name: 'api.dashboard.p95_ms',
          value: round(percentile(dashboard.latencies, 95)),
          unit: 'ms',
          refreshMs: round(refreshMs),
          ...extra,
        },
      ];
    } finally {
      await bare.stop();
      await app.stop();
    }
  } finally {
    await database.dispose();
  }
}
