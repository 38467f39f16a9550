import { Migrator, sql } from 'kysely';
import type { Db } from './connect.ts';
import type { MigrationContext } from './migrations/0005_secrets_at_rest.ts';
import { InCodeMigrationProvider, migrations } from './migrations/index.ts';
import { dataDirFor, resolveSecretsKey } from './secrets.ts';

export class MigrationError extends Error {}

/** The key the server itself would use (NESTWERK_SECRETS_KEY or the key file), looked up only when needed. */
function defaultContext(handle: Db): MigrationContext {
  return { secretsKey: () => resolveSecretsKey(process.env, dataDirFor(process.env, handle.url)) };
}

function migrator(handle: Db, context: MigrationContext = defaultContext(handle)): Migrator {
  return new Migrator({ db: handle.db, provider: new InCodeMigrationProvider(handle.dialect, context) });
}

/**
 * Brings the schema up to date; safe to run on every start and from several processes at once (the migrator
 * runs inside one transaction under a lock: an advisory lock on PostgreSQL, `begin immediate` on SQLite).
 */
export async function migrateToLatest(
  handle: Db,
  options: { secretsKey?: () => Buffer } = {},
): Promise<{ applied: string[] }> {
  const context = options.secretsKey ? { secretsKey: options.secretsKey } : defaultContext(handle);
  const { error, results } = await migrator(handle, context).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed ? `Migration ${failed} failed: ${reason}` : `Migrating failed: ${reason}`,
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Applied to the database but unknown to this code: the database was written by a newer version. */
  unknown: string[];
}

export async function migrationState(handle: Db): Promise<MigrationState> {
  const known = Object.keys(migrations(handle.dialect));
  const infos = await migrator(handle).getMigrations();
  const applied = infos.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
  const recorded = tables.some((t) => t.name === 'kysely_migration')
    ? (await sql<{ name: string }>`select name from kysely_migration`.execute(handle.db)).rows.map(
        (r) => r.name,
      )
    : [];
  return {
    applied,
    pending: known.filter((n) => !applied.includes(n)),
    unknown: recorded.filter((n) => !known.includes(n)),
  };
}
