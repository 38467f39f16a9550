import { type RawBuilder, sql } from 'kysely';

/**
 * `column in ('a', 'b')` for a CHECK constraint. The values are a migration's own constants, frozen with it:
 * a migration must not import lists from code that keeps changing after it has run.
 */
export function inList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export function isBool(column: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (0, 1)`;
}
