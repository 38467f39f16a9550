import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a plain (DEFERRED) `begin`: the write lock is only taken at
 * the first write, and when another process wrote in between, SQLite answers SQLITE_BUSY mid-transaction
 * (busy_timeout cannot help: the snapshot is already stale). `begin immediate` takes the write lock up front,
 * so concurrent writers queue on busy_timeout instead of failing. Read-only transactions never upgrade, so
 * they keep the cheaper deferred begin and do not block writers.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const mode = settings?.accessMode === 'read only' ? 'deferred' : 'immediate';
    await connection.executeQuery(CompiledQuery.raw(`begin ${mode}`));
  }
}

/**
 * SQLite does support transactional DDL; Kysely's adapter says it does not, which would run each migration
 * outside a transaction (a crash halfway leaves half a schema, and two processes migrating at once race).
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NestwerkSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}
