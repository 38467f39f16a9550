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

/**
 * Reads rows in id order, `chunkSize` at a time, and hands each chunk with its id range to `each` before the
 * next is read: memory follows the chunk, not the table. `read(after, limit)` returns at most `limit` rows with
 * an id after `after` (all when null), in id order.
 */
export async function forEachIdChunk<R extends { id: string }>(
  chunkSize: number,
  read: (after: string | null, limit: number) => Promise<R[]>,
  each: (rows: R[], range: IdRange) => Promise<void> | void,
): Promise<void> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError('chunkSize must be a whole number ≥ 1');
  let after: string | null = null;
  for (;;) {
    const rows = await read(after, chunkSize);
    const last = rows.at(-1);
    if (!last) return;
    await each(rows, { after, last: last.id });
    if (rows.length < chunkSize) return;
    after = last.id;
  }
}
