import pg from 'pg';
import {
  findPostgresBinDir,
  installPostgres,
  NO_POSTGRES_MESSAGE,
  startThrowawayCluster,
  type ThrowawayCluster,
} from './postgres-cluster.ts';
import { testDialects } from './test-dialects.ts';

const log = (line: string) => process.stderr.write(`[postgres test setup] ${line}\n`);

/**
 * Vitest globalSetup: makes sure `NESTWERK_TEST_POSTGRES_URL` points at a PostgreSQL the suites can create
 * databases on, before any worker starts (workers and the processes tests spawn inherit the variable).
 * Never skips the PostgreSQL suites silently: it finds, installs or fails with what to do.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!testDialects().includes('postgres')) {
    log(`PostgreSQL suites are OFF: NESTWERK_TEST_DATABASES=${process.env.NESTWERK_TEST_DATABASES}`);
    return async () => {};
  }
  const given = process.env.NESTWERK_TEST_POSTGRES_URL;
  if (given) {
    await assertReachable(given);
    return async () => {};
  }

  let bin = findPostgresBinDir();
  if (!bin && installPostgres(log)) bin = findPostgresBinDir();
  if (!bin) throw new Error(NO_POSTGRES_MESSAGE);

  const cluster: ThrowawayCluster = await startThrowawayCluster(bin, log);
  process.env.NESTWERK_TEST_POSTGRES_URL = cluster.url;
  try {
    await assertReachable(cluster.url);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  return async () => {
    cluster.stop();
  };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(
      `Cannot connect to the PostgreSQL test server at NESTWERK_TEST_POSTGRES_URL (${redact(url)}): ${
        err instanceof Error ? err.message : String(err)
      }\n${NO_POSTGRES_MESSAGE}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
