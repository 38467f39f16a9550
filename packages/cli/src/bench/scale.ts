import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo, migrateToLatest, openDatabase } from '@nestwerk/server';
import {
  findPostgresBinDir,
  NO_POSTGRES_MESSAGE,
  startThrowawayCluster,
} from '@nestwerk/server/testing/postgres-cluster';
import { progress } from '../progress.ts';
import { jitWarmupMs } from './http-load.ts';
import { type BenchResult, percentile, round } from './stats.ts';

/**
 * The scale test (full bench only): 10^6 demo families (NESTWERK_SCALE_FAMILIES for shorter runs) in a
 * throwaway PostgreSQL, two `nestwerk serve` processes on it, and 16 closed-loop clients in a third process
 * spread over both. The family reads are measured right after the load and again after `vacuum`. The load runner
 * below is deliberately small so a shared one can replace it.
 */

const CONCURRENCY = 16;
const SERVERS = 2;
const NURSE = 'verpleegkundige@demo.nestwerk.test';
const IMH = 'imh@demo.nestwerk.test';
const PASSWORD = 'bench-scale-password-2026';
const ROOT = new URL('../../../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'packages/cli/src/main.ts');

const log = (line: string) => process.stderr.write(`bench: scale ${line}\n`);

export function scaleFamilies(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NESTWERK_SCALE_FAMILIES;
  if (raw === undefined || raw === '') return 1_000_000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new Error(`NESTWERK_SCALE_FAMILIES must be a whole number ≥ 1; got "${raw}"`);
  return Number(raw);
}

export async function benchScale(): Promise<BenchResult[]> {
  const families = scaleFamilies();
  const bin = findPostgresBinDir();
  if (!bin) throw new Error(NO_POSTGRES_MESSAGE);
  const dataDir = mkdtempSync(join(tmpdir(), 'nestwerk-bench-scale-'));
  // One audit and one secrets key for the loader and both servers: they share one chain and one database.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NESTWERK_DATA_DIR: dataDir,
    NESTWERK_AUDIT_KEY: process.env.NESTWERK_AUDIT_KEY ?? randomBytes(32).toString('hex'),
    NESTWERK_SECRETS_KEY: process.env.NESTWERK_SECRETS_KEY ?? randomBytes(32).toString('hex'),
    NESTWERK_HOST: '127.0.0.1',
    NESTWERK_LOG_LEVEL: 'warn',
    NESTWERK_LOGIN_MAX_PER_IP: '100000',
  };
  for (const key of ['NESTWERK_DATA_DIR', 'NESTWERK_AUDIT_KEY', 'NESTWERK_SECRETS_KEY'] as const)
    process.env[key] = env[key];
  const cluster = await startThrowawayCluster(bin, log);
  const servers: ChildProcess[] = [];
  try {
    const url = new URL(cluster.url);
    url.pathname = '/nestwerk_scale';
    // Unaligned, tuples only: a query's answer comes back as its bare value.
    const psql = (database: string, command: string) =>
      execFileSync(
        join(bin, 'psql'),
        ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', database, '-c', command],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      ).trim();
    psql(cluster.url, 'create database nestwerk_scale');
    env.NESTWERK_DATABASE_URL = url.toString();

    const handle = await openDatabase(url.toString());
    let loadSeconds: number;
    try {
      await migrateToLatest(handle);
      log(`loading ${families} demo families…`);
      const bar = progress('scale families', families);
      const started = performance.now();
      await loadDemo(handle.db, {
        families,
        seed: 'bench',
        password: PASSWORD,
        onProgress: (p) => bar.update(p.done),
      });
      bar.finish();
      loadSeconds = (performance.now() - started) / 1000;
    } finally {
      await handle.close();
    }
    // loadDemo has left fresh planner statistics (load.ts), as autovacuum would in a while.

    const urls: string[] = [];
    for (let i = 0; i < SERVERS; i++) {
      const { child, url: serverUrl } = await startServer(env);
      servers.push(child);
      urls.push(serverUrl);
    }
    const cookie = await logIn(urls[0]!);
    const ids = await caseload(urls[0]!, cookie);
    // Each client alternates between the servers, so both carry half of the load.
    const spread = (paths: string[]) => paths.flatMap((p) => urls.map((u) => `${u}${p}`));
    const readRound = () =>
      runLoadProcess({
        urls: spread(ids.map((id) => `/api/families/${id}`)),
        headers: { cookie },
        concurrency: CONCURRENCY,
        durationMs: 10_000,
        // Fresh server processes: until their JIT is steady (http-load.ts).
        warmupMs: jitWarmupMs(false),
      });
    // Right after the load, autovacuum may still be working through the tens of millions of new rows (and reads
    // set the rows' hint bits, writing pages back): the reads are measured once then, and once more after the
    // `vacuum` an operator runs after a bulk load, which is the steady state a live database is in.
    const autovacuumAfterLoad = Number(
      psql(cluster.url, "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'"),
    );
    log(`family read right after the load (${autovacuumAfterLoad} autovacuum workers busy)…`);
    const readAfterLoad = await readRound();
    log('vacuum (analyze) and checkpoint…');
    const vacuumStarted = performance.now();
    psql(url.toString(), 'vacuum (analyze)');
    psql(url.toString(), 'checkpoint');
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    log(`family read, ${CONCURRENCY} clients over ${SERVERS} processes…`);
    const read = await readRound();
    log('worklist…');
    const worklist = await runLoadProcess({
      urls: spread(
        [0, 50, 100, 150, 0].map(
          (offset, i) => `/api/worklist?scope=mine&limit=50&offset=${offset}${i === 4 ? '&due=week' : ''}`,
        ),
      ),
      headers: { cookie },
      concurrency: CONCURRENCY,
      durationMs: 10_000,
      warmupMs: 2_000,
    });
    const plansFile = process.env.NESTWERK_SCALE_PLANS;
    if (plansFile) {
      log(`recording the plans of the hot requests into ${plansFile}…`);
      await recordPlans(env, ids[0]!, (command) => psql(url.toString(), command));
      copyFileSync(join(cluster.dir, 'server.log'), plansFile);
    }
    const extra = {
      dialect: 'postgres',
      database: 'postgres',
      families,
      servers: SERVERS,
      concurrency: CONCURRENCY,
    };
    return [
      {
        name: 'scale.pg.load.families_per_s',
        value: Math.round(families / loadSeconds),
        unit: 'ops_per_s',
        seconds: round(loadSeconds, 1),
        ...extra,
      },
      {
        name: 'scale.pg.family_read.p95_ms',
        value: round(percentile(read.latencies, 95)),
        unit: 'ms',
        p50Ms: round(percentile(read.latencies, 50)),
        opsPerSecond: round(read.opsPerSecond, 1),
        afterLoadP95Ms: round(percentile(readAfterLoad.latencies, 95)),
        afterLoadP50Ms: round(percentile(readAfterLoad.latencies, 50)),
        afterLoadOpsPerSecond: round(readAfterLoad.opsPerSecond, 1),
        autovacuumWorkersAfterLoad: autovacuumAfterLoad,
        vacuumSeconds: round(vacuumSeconds, 1),
        ...extra,
      },
      {
        name: 'scale.pg.worklist.p95_ms',
        value: round(percentile(worklist.latencies, 95)),
        unit: 'ms',
        p50Ms: round(percentile(worklist.latencies, 50)),
        opsPerSecond: round(worklist.opsPerSecond, 1),
        ...extra,
      },
    ];
  } finally {
    await Promise.all(servers.map(stopServer));
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * NESTWERK_SCALE_PLANS=<file>: a third server whose connections load auto_explain (every statement's plan
 * with actual times and buffers goes to the cluster's log) makes one of each hot request: log-in and session
 * lookup, a family file with its care-relationship check, the worklist and the IMH team's referral inbox.
 */
async function recordPlans(env: NodeJS.ProcessEnv, familyId: string, psql: (command: string) => void) {
  for (const setting of [
    "session_preload_libraries = 'auto_explain'",
    'auto_explain.log_min_duration = 0',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
    'auto_explain.log_nested_statements = on',
  ])
    psql(`alter database nestwerk_scale set ${setting}`);
  const { child, url } = await startServer(env);
  try {
    const nurse = await logIn(url);
    for (const path of [`/api/families/${familyId}`, '/api/worklist?scope=mine&limit=50']) {
      const response = await fetch(`${url}${path}`, { headers: { cookie: nurse } });
      await response.arrayBuffer();
    }
    const imh = await logIn(url, IMH);
    const inbox = await fetch(`${url}/api/intake?status=all&limit=50`, { headers: { cookie: imh } });
    await inbox.arrayBuffer();
  } finally {
    await stopServer(child);
    psql('alter database nestwerk_scale reset all');
  }
}

/**
 * `nestwerk serve --port 0 --workers 1`, resolved with the URL it prints once it listens. One worker each: the
 * test runs two server processes, and `serve` alone would fork one per core in each (four on two cores).
 */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(TSX, [CLI, 'serve', '--port', '0', '--workers', '1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4000);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /running at http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`nestwerk serve exited (${code}): ${err || out}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function logIn(url: string, email = NURSE): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`log-in: HTTP ${response.status} ${body.slice(0, 200)}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('log-in answered without a session cookie');
  return cookie;
}

async function caseload(url: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${url}/api/worklist?scope=mine&limit=200`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`worklist: HTTP ${response.status}`);
  const body = (await response.json()) as { items: Array<{ familyId: string }> };
  if (body.items.length === 0) throw new Error('the demo nurse has no families to read');
  return body.items.map((i) => i.familyId);
}

interface LoadOptions {
  urls: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

interface LoadResult {
  latencies: number[];
  opsPerSecond: number;
}

/** Closed-loop keep-alive clients in their own node process; plain JavaScript, options as argv, result as JSON. */
const LOAD_SOURCE = `
const { urls, headers, concurrency, durationMs, warmupMs } = JSON.parse(process.argv[1]);
(async () => {
  const latencies = [];
  let next = 0;
  let failure = null;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const client = async () => {
    while (failure === null) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const url = urls[next++ % urls.length];
      try {
        const res = await fetch(url, { headers });
        const body = await res.arrayBuffer();
        if (res.status !== 200) failure = 'HTTP ' + res.status + ' for ' + url + ': ' + Buffer.from(body).toString('utf8').slice(0, 200);
      } catch (err) {
        failure = String(err && err.message ? err.message : err);
      }
      if (t0 >= measureFrom) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - measureFrom) / 1000;
  process.stdout.write(JSON.stringify({ latencies, elapsed, failure }));
})();
`;

function runLoadProcess(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_SOURCE, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        const m = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          latencies: number[];
          elapsed: number;
          failure: string | null;
        };
        if (m.failure) reject(new Error(m.failure));
        else
          resolve({
            latencies: m.latencies.sort((a, b) => a - b),
            opsPerSecond: m.latencies.length / m.elapsed,
          });
      } catch {
        reject(new Error(`load process exited (${code}) without a result`));
      }
    });
  });
}
