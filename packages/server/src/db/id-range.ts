import { type RawBuilder, sql } from 'kysely';

/**
 * A chunk of rows taken in id order, as the range of ids (after, last]: it holds exactly the chunk's rows, and a
 * query on it descends an index once. A list of the chunk's ids instead (db/id-list.ts) made PostgreSQL compare
 * every row with the whole list once chunks had hundreds of ids.
 */
export interface IdRange {
  /** The last id of the chunk before; null for the first chunk. */
  after: string | null;
  last: string;
}

export function inIdRange(column: string, range: IdRange): RawBuilder<boolean> {
  return range.after === null
    ? sql<boolean>`${sql.ref(column)} <= ${range.last}`
    : sql<boolean>`${sql.ref(column)} > ${range.after} and ${sql.ref(column)} <= ${range.last}`;
}
