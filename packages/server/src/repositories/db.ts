import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A database handle or an open transaction: repositories work on either. */
export type Db = Kysely<Database>;

/** SQLite hands back 0/1 (and EXISTS as 0/1), PostgreSQL integers or booleans; callers want a boolean. */
export function flag(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

export function bit(value: boolean | undefined | null): 0 | 1 {
  return value ? 1 : 0;
}

/** PostgreSQL returns COUNT(*) as a bigint string; SQLite as a number. */
export function count(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** UPDATE … WHERE version = ? matched a row: Kysely reports the count as a bigint on both dialects. */
export function updatedOne(result: { numUpdatedRows: bigint }): boolean {
  return result.numUpdatedRows > 0n;
}
