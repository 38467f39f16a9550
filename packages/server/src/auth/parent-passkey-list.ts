import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { findParentById } from '../repositories/portal.ts';
import { auditParent } from './parent-audit.ts';
import { actorOf } from './parent-login-steps.ts';
import { parseTransports } from './passkey-ceremony.ts';

/** The parent's own passkeys on the portal's home page: listed, named, removed. */

/** Removing a passkey is only for someone who logged in just now, not for whoever finds an open phone. */
export const FRESH_LOGIN_MINUTES = 10;

export async function ownPasskeys(app: FastifyInstance, parentId: string) {
  return app.db
    .selectFrom('parent_passkeys')
    .selectAll()
    .where('parent_account_id', '=', parentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function presentPasskey(row: {
  id: string;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
  transports: string;
}) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    transports: parseTransports(row.transports),
  };
}

export async function listPasskeys(app: FastifyInstance, parentId: string) {
  const parent = await findParentById(app.db, parentId);
  const rows = await ownPasskeys(app, parentId);
  return { items: rows.map(presentPasskey), passwordSet: Number(parent?.password_set ?? 1) === 1 };
}

/**
 * Names one of the parent's own passkeys. Another parent's passkey is not found, as one that does not exist.
 * Audited like adding and removing one: which passkey, not the name (the parent's own words).
 */
export async function renamePasskey(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { parentId: string; passkeyId: string; name: string },
) {
  const actor = await actorOf(app, input.parentId);
  return app.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('parent_passkeys')
      .set({ name: input.name })
      .where('id', '=', input.passkeyId)
      .where('parent_account_id', '=', input.parentId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new HttpError('not_found', 'This passkey does not exist.');
    await auditParent(trx, {
      action: 'portal.passkey.rename',
      outcome: 'success',
      parent: actor,
      clientIp: request.ip,
      details: { passkeyId: row.id },
    });
    return presentPasskey(row);
  });
}

/**
 * Removes one own passkey. Only within {@link FRESH_LOGIN_MINUTES} of logging in, and never the last way in of
 * an account that has no password.
 */
export async function removePasskey(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { parentId: string; sessionHash: string; passkeyId: string },
): Promise<void> {
  const now = app.clock();
  const actor = await actorOf(app, input.parentId);
  const session = await app.db
    .selectFrom('parent_sessions')
    .select('created_at')
    .where('id_hash', '=', input.sessionHash)
    .executeTakeFirst();
  if (!session || now.getTime() - Date.parse(session.created_at) > FRESH_LOGIN_MINUTES * 60_000) {
    await auditParent(app.db, {
      action: 'portal.passkey.remove',
      outcome: 'denied',
      parent: actor,
      clientIp: request.ip,
      details: { reason: 'login_not_fresh', passkeyId: input.passkeyId },
    });
    throw new HttpError(
      'forbidden',
      'Log out and log in again first; then you can remove a passkey.',
      undefined,
      { reason: 'login_not_fresh' },
    );
  }
  const parent = await findParentById(app.db, input.parentId);
  const rows = await ownPasskeys(app, input.parentId);
  if (!rows.some((r) => r.id === input.passkeyId))
    throw new HttpError('not_found', 'This passkey does not exist.');
  if (Number(parent?.password_set ?? 1) === 0 && rows.length === 1)
    throw new HttpError(
      'conflict',
      'This is your only way to log in; add another passkey first.',
      undefined,
      {
        reason: 'last_passkey',
      },
    );
  await app.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('parent_passkeys')
      .where('id', '=', input.passkeyId)
      .where('parent_account_id', '=', input.parentId)
      .execute();
    await auditParent(trx, {
      action: 'portal.passkey.remove',
      outcome: 'success',
      parent: actor,
      clientIp: request.ip,
      details: { passkeyId: input.passkeyId },
    });
  });
}
