import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema.ts';

/**
 * Ten single-use codes for when the phone with the authenticator app is lost. Shown once, stored only as
 * SHA-256: each code has ~79 bits of entropy, so an unsalted fast hash cannot be reversed by guessing (the
 * slow-hash argument of passwords applies to low-entropy, human-chosen secrets).
 */
export const RECOVERY_CODE_COUNT = 10;

/** No 0/O, 1/l/i: read off paper and typed in. 16 characters of 31 ≈ 79 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newCode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** Case, spaces and dashes do not matter when typing a code back. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]+/g, '');
  return /^[a-z2-9]{16}$/.test(compact) ? compact : null;
}

/** Six digits is a TOTP code; anything that normalises to 16 code characters is a recovery code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input) !== null;
}

function hashCode(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}

/** Replaces any earlier codes of the user; returns the new ones, the only time they exist in clear. */
export async function issueRecoveryCodes(db: Kysely<Database>, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: uuidv7(),
        user_id: userId,
        code_hash: hashCode(normaliseRecoveryCode(code) ?? code),
        created_at: now.toISOString(),
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/**
 * Spends a code: true once per code. The conditional update is the check, so two log-ins racing with the same
 * code cannot both succeed.
 */
export async function useRecoveryCode(
  db: Kysely<Database>,
  input: { userId: string; code: string; now: Date },
): Promise<boolean> {
  const normalised = normaliseRecoveryCode(input.code);
  if (!normalised) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: input.now.toISOString() })
    .where('user_id', '=', input.userId)
    .where('code_hash', '=', hashCode(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function remainingRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function forgetRecoveryCodes(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}
