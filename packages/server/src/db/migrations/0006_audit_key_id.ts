import type { Kysely, Migration } from 'kysely';

/**
 * Rows from here on are HMAC-keyed and name their key (docs/security.md, "Anchored audit chain"). Existing
 * rows keep key_id null and their plain SHA-256: they stay verifiable, and the first keyed row, whose HMAC
 * covers the last legacy hash as its prev_hash, anchors them. Adding a nullable column touches no row, so
 * the append-only triggers are not in the way.
 */
export function auditKeyId(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
    },
  };
}
