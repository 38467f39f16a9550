import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema.ts';
import { createSecretBox, isSealed, totpContext } from '../secrets.ts';

export interface MigrationContext {
  /** Asked for only when there is something to encrypt, so an empty database needs no key at migration. */
  secretsKey: () => Buffer;
}

/**
 * TOTP secrets stored in clear by earlier versions are sealed (AES-256-GCM, the key outside the database), and
 * the table for recovery codes is added. Runs in the migrator's transaction: all secrets or none.
 */
export function secretsAtRest(context: MigrationContext): Migration {
  return {
    async up(untyped: Kysely<unknown>): Promise<void> {
      await untyped.schema
        .createTable('recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await untyped.schema
        .createIndex('recovery_codes_user_idx')
        .on('recovery_codes')
        .column('user_id')
        .execute();

      // The migration's own view of the table: the code's schema type may move on, this step may not.
      const db = untyped as unknown as Kysely<Pick<Database, 'users'>>;
      const plain = (
        await db
          .selectFrom('users')
          .select(['id', 'totp_secret'])
          .where('totp_secret', 'is not', null)
          .execute()
      ).filter(
        (u): u is { id: string; totp_secret: string } => u.totp_secret !== null && !isSealed(u.totp_secret),
      );
      if (plain.length === 0) return;
      const box = createSecretBox(context.secretsKey());
      for (const user of plain)
        await db
          .updateTable('users')
          .set({ totp_secret: box.seal(user.totp_secret, totpContext(user.id)) })
          .where('id', '=', user.id)
          .execute();
    },
  };
}
