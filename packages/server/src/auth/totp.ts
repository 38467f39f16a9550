import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Database } from '../db/schema.ts';

export const TOTP_ISSUER = 'Nestwerk';

/** 160-bit secret (RFC 4226 recommends ≥ 128), base32 for authenticator apps. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUrl(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/**
 * The last accepted time step per user lives in `rate_limits` (key `totp-step:<user>`, count = step), shared by
 * all server processes: ASVS 2.8.4 asks that a code be usable only once.
 */
const stepKey = (userId: string) => `totp-step:${userId}`;

/** Accepts the current code and the one before or after (clock drift of ±30 s), each at most once. */
export async function verifyTotp(
  db: Kysely<Database>,
  input: { userId: string; secret: string; code: string; now: Date },
): Promise<boolean> {
  if (!/^\d{6}$/.test(input.code)) return false;
  const last = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', stepKey(input.userId))
    .executeTakeFirst();
  let step: number;
  try {
    const result = await verify({
      secret: input.secret,
      token: input.code,
      epoch: Math.floor(input.now.getTime() / 1000),
      epochTolerance: 30,
      ...(last ? { afterTimeStep: Number(last.count) } : {}),
    });
    // The functional API types the result for TOTP and HOTP alike; only TOTP results carry a time step.
    if (!result.valid || !('timeStep' in result)) return false;
    step = result.timeStep;
  } catch {
    // A corrupt stored secret is a failed check, not a 500 at the log-in screen.
    return false;
  }
  const at = input.now.toISOString();
  // Claims the step in one statement, and only if no other request claimed it (or a later one) since the read
  // above: two requests with the same code, on two server processes at once, cannot both pass.
  const claimed = await db
    .insertInto('rate_limits')
    .values({ key: stepKey(input.userId), window_start: at, count: step })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ window_start: at, count: step }).where('rate_limits.count', '<', step),
    )
    .returning('count')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** A new enrolment starts from a clean slate. */
export async function forgetTotpSteps(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', stepKey(userId)).execute();
}
