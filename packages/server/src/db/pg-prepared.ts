import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements on PostgreSQL for the queries that run on every request (db/precompiled.ts).
 *
 * node-postgres sends a query without a name as an unnamed statement: PostgreSQL parses, analyses and plans
 * it on every execution. For the family file's one statement (fifteen sub-selects) planning alone was 1.3 ms
 * against 0.5 ms of execution (pg_stat_statements with track_planning, 2 000 demo families, one client). A
 * named statement is parsed once per connection (node-postgres remembers which names a connection has), and
 * PostgreSQL caches its plan: after five executions it keeps a generic plan when that is no costlier than the
 * custom ones, which holds for these statements, all lookups by key or by index range.
 *
 * Only texts registered here are named, so ad-hoc queries (lists of varying length) never fill a
 * connection's statement cache. The name is a hash of the text: one text, one name, on every connection.
 * A transaction-mode connection pooler in front of PostgreSQL must support prepared statements (PgBouncer
 * 1.21 and later, with `max_prepared_statements` set). A migration that changes a table's columns while a
 * server runs makes its prepared `select *` fail once per connection (PostgreSQL cannot change the row type it
 * announced); such a connection is closed, not reused.
 */
const names = new Map<string, string>();

/** feature_not_supported: "cached plan must not change result type". */
const STALE_PLAN = '0A000';

/** Registers a statement text to be prepared by name on every connection that runs it. */
export function prepareOnPostgres(sql: string): void {
  if (!names.has(sql))
    names.set(sql, `nestwerk_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`);
}

/** What Kysely sends to open a transaction (`begin`, or `start transaction …` with an access mode). */
const OPENS_TRANSACTION = /^(begin|start transaction)\b/i;

/**
 * The pool Kysely is given: its clients run registered texts as named statements, the rest as before, and
 * they spare a transaction's opening its own round trip.
 *
 * Every statement is a round trip that wakes PostgreSQL's process and then ours (≈ 100–170 µs of our CPU in
 * node-postgres alone), so a client holds back `begin` and sends it with the transaction's first statement
 * when that is a plain query without parameters: `begin; <statement>` in one simple-protocol message, which
 * PostgreSQL runs in order, each statement with a snapshot of its own. A first statement with parameters (or
 * a named one) needs the extended protocol: `begin` then goes ahead of it, alone, as it always did. A simple
 * query of several statements answers with its last statement's result (node-postgres gives all of them).
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let stale = false;
      let heldBegin: string | null = null;
      const simple = async (text: string) => {
        const result = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(result) ? result[result.length - 1] : result;
      };
      const query = async (text: string, values: ReadonlyArray<unknown>) => {
        const name = names.get(text);
        if (heldBegin === null && values.length === 0 && name === undefined && OPENS_TRANSACTION.test(text)) {
          heldBegin = text;
          return { command: 'BEGIN', rowCount: null, rows: [] };
        }
        if (heldBegin !== null) {
          const begin = heldBegin;
          heldBegin = null;
          if (values.length === 0 && name === undefined) return simple(`${begin}; ${text}`);
          await client.query(begin);
        }
        if (name === undefined) return values.length === 0 ? simple(text) : client.query(text, [...values]);
        try {
          return await client.query({ name, text, values: [...values] });
        } catch (error) {
          // A migration changed a table under a prepared `select *`: this connection keeps failing it, so it is
          // closed instead of going back to the pool; the next connection prepares the statement anew.
          if ((error as { code?: string }).code === STALE_PLAN) stale = true;
          throw error;
        }
      };
      // Kysely's client type also allows a cursor; the dialect is given none, so only (text, values) comes.
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: () => {
          // Kysely always ends a transaction it began (commit or rollback go through `query`); a begin still
          // held here never reached the server, so the connection is clean either way.
          heldBegin = null;
          client.release(stale);
        },
      };
    },
    end: () => pool.end(),
  };
}
