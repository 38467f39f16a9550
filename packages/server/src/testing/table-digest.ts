import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Value = string | number | boolean | null;

/**
 * A table's content as one sha256, independent of row order and of the dialect: rows are sorted in JavaScript
 * (not by the database, whose text collation differs between SQLite and PostgreSQL), keys sorted, booleans as
 * SQLite's 0/1, and the columns `numeric` names (bigints PostgreSQL hands back as strings) as numbers.
 */
export async function tableDigest(
  db: Kysely<Database>,
  table: keyof Database,
  numeric: readonly string[] = [],
): Promise<{ rows: number; sha256: string }> {
  const rows = (await db.selectFrom(table).selectAll().execute()) as Array<Record<string, Value>>;
  const lines = rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => {
            const v = row[k] ?? null;
            if (typeof v === 'boolean') return [k, v ? 1 : 0];
            return [k, numeric.includes(k) && v !== null ? Number(v) : v];
          }),
      ),
    )
    .sort();
  return { rows: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
