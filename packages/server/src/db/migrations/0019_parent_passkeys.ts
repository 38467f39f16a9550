import type { Kysely, Migration } from 'kysely';
import { inList, isBool } from './check.ts';

/**
 * Passkeys (WebAuthn) for the parent portal. A parent can activate with a passkey instead of password and app
 * code: `password_set` 0 says the stored hash is of a random secret nobody knows, so the account cannot be
 * left without any way in. Challenges live in the database, not in memory, because several server processes
 * share it: the process that answers the browser's response may not be the one that made the challenge.
 */
export function parentPasskeys(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('parent_accounts')
        .addColumn('password_set', 'integer', (c) => c.notNull().defaultTo(1).check(isBool('password_set')))
        .execute();

      await db.schema
        .createTable('parent_passkeys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_account_id', 'text', (c) => c.notNull().references('parent_accounts.id'))
        // The authenticator's credential id (base64url): what a log-in answer names.
        .addColumn('credential_id', 'text', (c) => c.notNull().unique())
        // COSE public key, base64url.
        .addColumn('public_key', 'text', (c) => c.notNull())
        // The signature counter goes up to 2^32 - 1: bigint, which PostgreSQL's driver returns as a string.
        .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createIndex('parent_passkeys_parent_idx')
        .on('parent_passkeys')
        .column('parent_account_id')
        .execute();

      await db.schema
        .createTable('parent_passkey_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('challenge', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('parent_account_id', 'text', (c) => c.references('parent_accounts.id'))
        // Registration challenges belong to one parent session (the pending activation or the full one).
        .addColumn('session_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'parent_passkey_challenges_purpose_check',
          inList('purpose', ['activate', 'register', 'login']),
        )
        .execute();
      await db.schema
        .createIndex('parent_passkey_challenges_expires_idx')
        .on('parent_passkey_challenges')
        .column('expires_at')
        .execute();
    },
  };
}
