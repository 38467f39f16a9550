import { type Compilable, type CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import { prepareOnPostgres } from './pg-prepared.ts';
import type { Database } from './schema.ts';
import { readDirectly } from './sqlite-direct.ts';

/**
 * A placeholder no real value can equal (a NUL can never reach the database: the text checks refuse it), so
 * its position among the compiled parameters says which argument goes there.
 */
const MARK = '\u0000nestwerk:param:';

type Compiled = { query: CompiledQuery; slots: Array<string | { value: unknown }> };

/**
 * A query that runs on every request, built with Kysely once per SQL dialect and then only executed: building
 * and compiling the query tree cost more CPU than SQLite spends answering it. The Kysely builder stays the one
 * definition (its types give the row type), called once with placeholders in place of the arguments; the
 * compiled SQL is kept per dialect (the adapter object, shared by a database handle and its transactions).
 * On PostgreSQL the text is also prepared by name on each connection (pg-prepared.ts).
 *
 * Only for queries whose shape never depends on the arguments: no `in` lists, no optional clauses.
 */
export function precompiled<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): {
  execute(db: Kysely<Database>, params: P): Promise<R[]>;
  /** The statement `execute` runs, with the arguments bound (for tests and query plans). */
  bind(db: Kysely<Database>, params: P): CompiledQuery<R>;
  sql(db: Kysely<Database>): string;
} {
  const byAdapter = new WeakMap<object, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const adapter = db.getExecutor().adapter;
    const known = byAdapter.get(adapter);
    if (known) return known;
    const marks = new Proxy({} as P, {
      get: (_target, name) => (typeof name === 'string' ? `${MARK}${name}` : undefined),
    });
    const query = build(db, marks).compile();
    if (adapter instanceof PostgresAdapter) prepareOnPostgres(query.sql);
    const slots = query.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : { value: p },
    );
    const compiled = { query, slots };
    byAdapter.set(adapter, compiled);
    return compiled;
  };
  const bind = (db: Kysely<Database>, params: P): CompiledQuery<R> => {
    const { query, slots } = compile(db);
    const parameters = slots.map((slot) => (typeof slot === 'string' ? params[slot] : slot.value));
    // The query tree rides along (plugins and the driver look at its kind); only the values are new.
    return { ...query, parameters } as CompiledQuery<R>;
  };
  return {
    async execute(db, params) {
      return executeCompiled(db, bind(db, params));
    },
    bind,
    sql: (db) => compile(db).query.sql,
  };
}

/** Runs a compiled query; on SQLite a SELECT is answered on the connection itself when that is safe (sqlite-direct.ts). */
export async function executeCompiled<R>(db: Kysely<Database>, query: CompiledQuery<R>): Promise<R[]> {
  return readDirectly(db, query) ?? (await db.executeQuery(query)).rows;
}
