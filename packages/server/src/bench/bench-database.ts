import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, type Dialect, openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import {
  findPostgresBinDir,
  NO_POSTGRES_MESSAGE,
  startThrowawayCluster,
  type ThrowawayCluster,
} from '../testing/postgres-cluster.ts';

export interface BenchDatabase {
  handle: Db;
  /** The SQLite file; undefined on PostgreSQL. */
  file?: string;
  /** Closes the handle and removes the database (and the throwaway cluster, if one was started). */
  dispose(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/**
 * An empty, migrated database for one bench run: a temporary SQLite file, or a new database on the PostgreSQL
 * at NESTWERK_BENCH_POSTGRES_URL / NESTWERK_TEST_POSTGRES_URL — or, without either, on a throwaway cluster
 * of the machine's PostgreSQL binaries.
 */
export async function openBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'nestwerk-bench-'));
    const file = join(dir, 'bench.db');
    const handle = await openDatabase(`file:${file}`);
    await migrateToLatest(handle);
    return {
      handle,
      file,
      async dispose() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  let cluster: ThrowawayCluster | undefined;
  let admin = process.env.NESTWERK_BENCH_POSTGRES_URL || process.env.NESTWERK_TEST_POSTGRES_URL;
  if (!admin) {
    const bin = findPostgresBinDir();
    if (!bin) throw new Error(NO_POSTGRES_MESSAGE);
    cluster = await startThrowawayCluster(bin, log);
    admin = cluster.url;
  }
  const adminUrl = admin;
  const name = `nestwerk_bench_${randomBytes(6).toString('hex')}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  await migrateToLatest(handle);
  return {
    handle,
    async dispose() {
      await handle.close();
      await run(`drop database if exists ${name} with (force)`);
      cluster?.stop();
    },
  };
}
