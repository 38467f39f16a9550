import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../db/schema.ts';

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every column except `seq` (assigned by the database) and `hash` itself, in canonical (sorted) order. */
export const HASHED_FIELDS = [
  'action',
  'at',
  'basis',
  'basis_detail',
  'client_ip',
  'details_json',
  'family_id',
  'id',
  'on_behalf_of',
  'organisation_id',
  'outcome',
  'person_ids',
  'prev_hash',
  'purpose',
  'user_id',
  'user_role',
] as const satisfies ReadonlyArray<keyof AuditLogTable>;

export type HashedAuditFields = { [K in (typeof HASHED_FIELDS)[number]]: AuditLogTable[K] };

/**
 * SHA-256 (hex) of `JSON.stringify` of an object with exactly HASHED_FIELDS in that order, absent values as
 * null. Simple enough for an auditor to recompute with any tool (documented in docs/operations.md).
 */
export function auditRowHash(row: HashedAuditFields): string {
  const canonical: Record<string, string | null> = {};
  for (const field of HASHED_FIELDS) canonical[field] = row[field] ?? null;
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
