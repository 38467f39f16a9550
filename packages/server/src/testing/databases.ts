import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Db, type Dialect, openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { NO_POSTGRES_MESSAGE } from './postgres-cluster.ts';
import { testDialects } from './test-dialects.ts';

export { testDialects };

export interface TestDatabase extends Db {
  /** Closes the handle (if still open) and deletes the database. */
  dispose(): Promise<void>;
}

/**
 * A fresh, empty database of its own: a temporary file for SQLite, a new database on the cluster at
 * NESTWERK_TEST_POSTGRES_URL for PostgreSQL. Migrated unless `migrate: false`. `url` can be handed to a
 * child process (NESTWERK_DATABASE_URL) and reopened after that process was killed.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const created = dialect === 'sqlite' ? createSqlite() : await createPostgres();
  let handle: Db;
  try {
    handle = await openDatabase(created.url);
    if (options.migrate !== false) await migrateToLatest(handle);
  } catch (err) {
    await created.drop();
    throw err;
  }
  let closed = false;
  return {
    ...handle,
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
    async dispose() {
      if (!closed) {
        closed = true;
        await handle.close();
      }
      await created.drop();
    },
  };
}

interface Created {
  url: string;
  drop(): Promise<void>;
}

function createSqlite(): Created {
  const dir = mkdtempSync(join(tmpdir(), 'nestwerk-test-'));
  return {
    url: `file:${join(dir, 'nestwerk.db')}`,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function adminUrl(): string {
  const url = process.env.NESTWERK_TEST_POSTGRES_URL;
  if (!url)
    throw new Error(
      `NESTWERK_TEST_POSTGRES_URL is not set: run the tests through vitest.config.ts (its globalSetup starts a cluster).\n${NO_POSTGRES_MESSAGE}`,
    );
  return url;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createPostgres(): Promise<Created> {
  const name = `nestwerk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Runs a block of tests once per database (SQLite and PostgreSQL): each gets a fresh migrated database for
 * the whole block, available through `current()` inside tests and hooks.
 */
export function forEachDatabase(
  name: string,
  fn: (current: () => TestDatabase, dialect: Dialect) => void,
): void {
  describe.each(testDialects())(`${name} [%s]`, (dialect) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.dispose();
    });
    fn(() => {
      if (!database) throw new Error('The test database is not ready: use current() inside tests and hooks');
      return database;
    }, dialect);
  });
}
