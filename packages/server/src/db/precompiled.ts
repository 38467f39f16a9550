import { type Compilable, type CompiledQuery, type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';
import {
  fillTemplate,
  type Slot,
  type SqliteTemplate,
  sqliteTemplate,
  wholeNumbers,
} from './inline-constants.ts';
import { prepareOnPostgres } from './pg-prepared.ts';
import type { Database } from './schema.ts';
import { readDirectly } from './sqlite-direct.ts';

/**
 * A placeholder no real value can equal (a NUL can never reach the database: the text checks refuse it), so
 * its position among the compiled parameters says which argument goes there.
 */
const MARK = '\u0000nestwerk:param:';

type Compiled = {
  query: CompiledQuery;
  slots: Slot[];
  /** SQLite, with arguments written into the text per run: the text around them, and the texts made so far. */
  perValue: { template: SqliteTemplate; texts: Map<string, string> } | null;
};

/** Texts kept per precompiled query for its per-value arguments (a page's limit and offset take few values). */
const MAX_TEXTS = 256;

/**
 * A query that runs on every request, built with Kysely once per SQL dialect and then only executed: building
 * and compiling the query tree cost more CPU than SQLite spends answering it. The Kysely builder stays the one
 * definition (its types give the row type), called once with placeholders in place of the arguments; the
 * compiled SQL is kept per dialect (the adapter object, shared by a database handle and its transactions).
 * On PostgreSQL the text is also prepared by name on each connection (pg-prepared.ts); on SQLite the query's own
 * constants are written into the text (inline-constants.ts), so binding them again never makes SQLite prepare it anew.
 *
 * Only for queries whose shape never depends on the arguments: no `in` lists, no optional clauses.
 */
export function precompiled<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
  options: {
    /**
     * Arguments SQLite gets written into the text rather than bound: a `limit` or `offset` (whole numbers). A
     * bound limit makes SQLite prepare the statement anew on every run (inline-constants.ts).
     */
    perValue?: ReadonlyArray<keyof P & string>;
  } = {},
): {
  execute(db: Kysely<Database>, params: P): Promise<R[]>;
  /** The statement `execute` runs, with the arguments bound (for tests and query plans). */
  bind(db: Kysely<Database>, params: P): CompiledQuery<R>;
  sql(db: Kysely<Database>): string;
} {
  const byAdapter = new WeakMap<object, Compiled>();
  const perValue = new Set<string>(options.perValue ?? []);
  const compile = (db: Kysely<Database>): Compiled => {
    const adapter = db.getExecutor().adapter;
    const known = byAdapter.get(adapter);
    if (known) return known;
    const marks = new Proxy({} as P, {
      get: (_target, name) => (typeof name === 'string' ? `${MARK}${name}` : undefined),
    });
    const query = build(db, marks).compile();
    if (adapter instanceof PostgresAdapter) prepareOnPostgres(query.sql);
    const slots: Slot[] = query.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : { value: p },
    );
    let compiled: Compiled = { query, slots, perValue: null };
    const template = adapter instanceof SqliteAdapter ? sqliteTemplate(query.sql, slots, perValue) : null;
    if (template) {
      // The text with the per-value arguments' places left as `?` (what `sql` shows); each run writes them in.
      compiled = {
        query: { ...query, sql: template.parts.join('?') },
        slots: template.slots,
        perValue: template.names.length > 0 ? { template, texts: new Map() } : null,
      };
    }
    byAdapter.set(adapter, compiled);
    return compiled;
  };
  const textOf = (compiled: Compiled, params: P): string => {
    if (!compiled.perValue) return compiled.query.sql;
    const { template, texts } = compiled.perValue;
    // Checked before the lookup, so a value that is not a whole number never finds a kept text.
    const values = wholeNumbers(
      template,
      template.names.map((name) => params[name]),
    );
    const key = values.join(',');
    let text = texts.get(key);
    if (text === undefined) {
      text = fillTemplate(template, values);
      if (texts.size >= MAX_TEXTS) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
  const bind = (db: Kysely<Database>, params: P): CompiledQuery<R> => {
    const compiled = compile(db);
    const parameters = compiled.slots.map((slot) => (typeof slot === 'string' ? params[slot] : slot.value));
    // The query tree rides along (plugins and the driver look at its kind); only the values are new. Written
    // out rather than spread: the family read's profile put 8 % of its CPU on that spread.
    const { query } = compiled;
    return {
      query: query.query,
      queryId: query.queryId,
      sql: textOf(compiled, params),
      parameters,
    } as CompiledQuery<R>;
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
