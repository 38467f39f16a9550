import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/** The ES2024 methods, which every Node.js line we support has and the TypeScript lib we target does not declare. */
type Es2024String = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * String.prototype.isWellFormed: native, so it costs little on every bound parameter (the regular expression
 * it replaced was ≈ 6 % of a worklist page's CPU, on its 2 kB list of family ids).
 */
export function isWellFormedText(value: string): boolean {
  return (value as Es2024String).isWellFormed();
}

/** Each lone surrogate becomes U+FFFD (String.prototype.toWellFormed). */
export function toWellFormedText(value: string): string {
  return (value as Es2024String).toWellFormed();
}

/** A parameter that would reach the database as text that is not valid Unicode. */
export class IllFormedTextError extends Error {
  constructor() {
    super(
      'Refusing to store text with a lone UTF-16 surrogate: SQLite would keep invalid UTF-8 and PostgreSQL a replacement character, so it would read back differently from what was hashed or checked',
    );
  }
}

/** Throws IllFormedTextError if a statement would bind a string with a lone surrogate. */
export function checkParameters(parameters: readonly unknown[]): void {
  for (const p of parameters)
    if (typeof p === 'string' && !isWellFormedText(p)) throw new IllFormedTextError();
}

/**
 * The HTTP schemas already refuse lone surrogates; this is the backstop below every other way in (CLI, demo,
 * imports, a future route that forgets the helpers). It looks at the compiled parameters, a flat array, so it
 * costs one pass over the values of each statement rather than a walk of the query tree.
 */
class CheckedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    checkParameters(compiledQuery.parameters);
    return this.inner.executeQuery(compiledQuery);
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    checkParameters(compiledQuery.parameters);
    return this.inner.streamQuery(compiledQuery, chunkSize);
  }
}

class CheckedDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, CheckedConnection>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let checked = this.#wrapped.get(connection);
    if (!checked) {
      checked = new CheckedConnection(connection);
      this.#wrapped.set(connection, checked);
    }
    return checked;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(this.#unwrap(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(this.#unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(this.#unwrap(connection));
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.savepoint) throw new Error('This database driver has no savepoints');
    return this.inner.savepoint(this.#unwrap(connection), name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('This database driver has no savepoints');
    return this.inner.rollbackToSavepoint(this.#unwrap(connection), name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('This database driver has no savepoints');
    return this.inner.releaseSavepoint(this.#unwrap(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return connection instanceof CheckedConnection ? connection.inner : connection;
  }
}

/** Wraps a dialect so that no statement can bind a string with a lone surrogate. */
export class WellFormedTextDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new CheckedDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}
