import type { Kysely, Migration } from 'kysely';
import { inList } from './check.ts';

/**
 * Parents log in through the organisation's citizen identity provider (DigiD, itsme):
 * - `portal_oidc_flows`: state, nonce and PKCE verifier between the redirect to the provider and its redirect
 *   back, in the database so that the callback may reach another server process than the start. The browser
 *   holds only a random token whose hash is the key; the verifier is sealed with the secrets key. An activation
 *   carries the invitation it will redeem and the e-mail address the parent gave. `used_at` makes each flow
 *   single-use: a replayed callback finds it spent.
 * - `parent_accounts.login_method`: `password` (redeemed with code and password; may also use the citizen
 *   provider) or `citizen` (redeemed through the citizen provider; has no password that anybody knows).
 * Only a new table and a column with a default, which both SQLite and PostgreSQL add in place.
 */
export function parentCitizenLogin(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('portal_oidc_flows')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('verifier_sealed', 'text', (c) => c.notNull())
        .addColumn('invitation_id', 'text', (c) => c.references('portal_invitations.id'))
        .addColumn('email', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('portal_oidc_flows_expires_idx')
        .on('portal_oidc_flows')
        .column('expires_at')
        .execute();
      await db.schema
        .alterTable('parent_accounts')
        .addColumn('login_method', 'text', (c) =>
          c
            .notNull()
            .defaultTo('password')
            .check(inList('login_method', ['password', 'citizen'])),
        )
        .execute();
    },
  };
}
