import { createHash, createHmac } from 'node:crypto';
import type { AuditLogTable } from '../db/schema.ts';
import { isWellFormedText, toWellFormedText } from '../db/well-formed-text.ts';

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Every column of a legacy (unkeyed, before migration 0006) row except `seq` (assigned by the database),
 * `key_id` (absent then) and `hash` itself, in canonical (sorted) order.
 */
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

/** A keyed row signs its key id too, so a row cannot be moved under another key's name. */
export const KEYED_HASHED_FIELDS = [...HASHED_FIELDS, 'key_id'] as const satisfies ReadonlyArray<
  keyof AuditLogTable
>;

export type HashedAuditFields = { [K in (typeof HASHED_FIELDS)[number]]: AuditLogTable[K] };
export type KeyedAuditFields = HashedAuditFields & { key_id: string };

function canonical(
  row: Readonly<Record<string, string | null | undefined>>,
  fields: readonly string[],
): string {
  const out: Record<string, string | null> = {};
  for (const field of fields) out[field] = row[field] ?? null;
  return JSON.stringify(out);
}

/**
 * Legacy scheme: SHA-256 (hex) of `JSON.stringify` of an object with exactly HASHED_FIELDS in that order,
 * absent values as null. Kept only to verify rows written before the chain was keyed.
 */
export function auditRowHash(row: HashedAuditFields): string {
  return createHash('sha256').update(canonical(row, HASHED_FIELDS), 'utf8').digest('hex');
}

/**
 * Keyed scheme: HMAC-SHA256 (hex) with the audit key over the same canonical JSON, plus `key_id`. Without
 * the key nobody can produce a row (or a re-chained tail) that verifies.
 */
export function keyedAuditRowHash(row: KeyedAuditFields, secret: Buffer): string {
  return createHmac('sha256', secret).update(canonical(row, KEYED_HASHED_FIELDS), 'utf8').digest('hex');
}

/**
 * The audit row holds exactly what is hashed: a lone surrogate would be hashed as a JSON escape but stored as
 * invalid UTF-8 (SQLite) or U+FFFD (PostgreSQL), and NUL cannot be stored in PostgreSQL text at all. Both are
 * replaced by U+FFFD before hashing, so what reads back is what was signed.
 */
export function storableText(value: string): string {
  const wellFormed = isWellFormedText(value) ? value : toWellFormedText(value);
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '\uFFFD') : wellFormed;
}
