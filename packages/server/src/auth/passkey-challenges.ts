import type { Kysely } from 'kysely';
import type { Database, ParentPasskeyChallengeTable } from '../db/schema.ts';
import { newToken } from './session-token.ts';

/** A WebAuthn challenge is answered within 5 minutes or not at all. */
export const CHALLENGE_MINUTES = 5;

export type ChallengePurpose = ParentPasskeyChallengeTable['purpose'];

export interface StoredChallenge {
  attemptId: string;
  challenge: string;
}

/**
 * Stores a challenge in the database (every server process sees it) and clears expired ones on the way, so
 * abandoned attempts do not pile up. Registration challenges are bound to a parent and to their session.
 */
export async function storeChallenge(
  db: Kysely<Database>,
  input: {
    challenge: string;
    purpose: ChallengePurpose;
    parentId: string | null;
    sessionHash: string | null;
    now: Date;
  },
): Promise<StoredChallenge> {
  const attemptId = newToken();
  const at = input.now.toISOString();
  await db.deleteFrom('parent_passkey_challenges').where('expires_at', '<=', at).execute();
  await db
    .insertInto('parent_passkey_challenges')
    .values({
      id: attemptId,
      challenge: input.challenge,
      purpose: input.purpose,
      parent_account_id: input.parentId,
      session_hash: input.sessionHash,
      created_at: at,
      expires_at: new Date(input.now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .execute();
  return { attemptId, challenge: input.challenge };
}

export type TakenChallenge =
  | { ok: true; challenge: string; parentId: string | null }
  | { ok: false; reason: 'unknown' | 'expired' | 'mismatch' };

/**
 * Takes a challenge out in one statement — whoever deletes the row owns it, so an answer replayed at the same
 * moment on another process finds nothing. Taken even when the answer then fails: never a second try.
 */
export async function takeChallenge(
  db: Kysely<Database>,
  input: { attemptId: string; purpose: ChallengePurpose; sessionHash: string | null; now: Date },
): Promise<TakenChallenge> {
  const row = await db
    .deleteFrom('parent_passkey_challenges')
    .where('id', '=', input.attemptId)
    .returningAll()
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.expires_at <= input.now.toISOString()) return { ok: false, reason: 'expired' };
  if (row.purpose !== input.purpose || row.session_hash !== input.sessionHash)
    return { ok: false, reason: 'mismatch' };
  return { ok: true, challenge: row.challenge, parentId: row.parent_account_id };
}
