import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

/** The hash-chained audit log (NEN 7513) and the index of families a listing showed. */

/**
 * NEN 7513 audit log: append-only and hash-chained. `hash` = HMAC-SHA256 with the key `key_id` over the
 * canonical JSON of the row's other fields plus `prev_hash` (rows from before migration 0006: plain SHA-256,
 * key_id null); the first row's prev_hash is 64 zeros.
 */
export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: Timestamp;
  user_id: string | null;
  user_role: string | null;
  organisation_id: string | null;
  on_behalf_of: string | null;
  /** e.g. 'family.read', 'family.search', 'contact.write', 'export', 'login', 'access.denied', 'audit.read'. */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  purpose: string | null;
  /** 'care_relationship' | 'consent' | 'emergency' | 'admin' | 'none'. */
  basis: string | null;
  /** Emergency access: the written reason. */
  basis_detail: string | null;
  client_ip: string | null;
  family_id: string | null;
  person_ids: string | null;
  details_json: string | null;
  prev_hash: string;
  hash: ColumnType<string, string, never>;
  /** Null on legacy (unkeyed) rows. */
  key_id: ColumnType<string | null, string | null | undefined, never>;
  /**
   * The row's position in the chain, unique: the fork guard (migration 0024). Not hashed. Null on rows
   * written before 0024; PostgreSQL returns its bigint as a string.
   */
  chain_height: ColumnType<number | string | null, number | null | undefined, never>;
}

/**
 * One family shown by a list (worklist, search, team overview) whose one audit row has this chain height
 * (migration 0025): the index by which a family's log finds the listing. Append-only; not hashed, the row it
 * points to names the same families in `details_json.familyIds`.
 */
export interface AuditLogListedTable {
  family_id: string;
  /** PostgreSQL returns its bigint as a string. */
  chain_height: ColumnType<number | string, number, never>;
}

/** One row (id 1): the chain height up to which listing rows have their index entries (migration 0026). */
export interface AuditListedFoldedTable {
  id: ColumnType<number, number, never>;
  /** PostgreSQL returns its bigint as a string. */
  chain_height: ColumnType<number | string, number, number>;
  /** The mark at the migration; fixed. Above it, every row naming `familyIds` is a list (see 0026). */
  since: ColumnType<number | string, number, never>;
}
