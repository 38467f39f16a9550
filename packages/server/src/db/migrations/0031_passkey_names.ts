import type { Kysely, Migration } from 'kysely';

/**
 * A parent's passkeys get a name ("Telefoon", "Laptop van het werk"): with two of the same day the list said
 * "Passkey van 3 december" twice, and a parent could not tell which one to remove. Null for the passkeys made
 * before, which the portal still labels by their date. Same statement on SQLite and PostgreSQL.
 */
export function passkeyNames(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('parent_passkeys').addColumn('name', 'text').execute();
    },
  };
}
