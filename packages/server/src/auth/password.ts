import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import { isCommonPassword, passwordScore } from './common-passwords.ts';

/**
 * OWASP ASVS 4.0 §2.4 / OWASP Password Storage Cheat Sheet: argon2id with at least 19 MiB memory, 2 passes,
 * parallelism 1. Raising any of these later is safe: `needsRehash` tells login to upgrade stored hashes.
 */
export const ARGON2_PARAMS = {
  // Argon2id = 2; the package exports it as an ambient const enum, which isolatedModules cannot read.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** NIST SP 800-63B §5.1.1.2: normalise Unicode so the same password typed on another keyboard still matches. */
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

export function hashPassword(plain: string): Promise<string> {
  return hash(normalise(plain), ARGON2_PARAMS);
}

/** False, not an exception, for a malformed stored hash: a login must never turn into a 500. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalise(plain));
  } catch {
    return false;
  }
}

export function needsRehash(storedHash: string): boolean {
  try {
    const p = parseOptions(storedHash);
    return (
      p.algorithm !== ARGON2_PARAMS.algorithm ||
      p.memoryCost < ARGON2_PARAMS.memoryCost ||
      p.timeCost < ARGON2_PARAMS.timeCost
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same argon2 time as a real verification, so an unknown e-mail address cannot be told apart from a
 * wrong password by how long the answer takes.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword('nestwerk-dummy-password-for-timing');
  await verifyPassword(await dummyHash, plain);
  return false;
}

/** Why a password is refused: a stable code the web app translates (the message is the English fallback). */
export type PolicyReason = 'too_short' | 'too_long' | 'repetitive' | 'common' | 'personal' | 'weak';

export type PolicyResult = { ok: true } | { ok: false; reason: PolicyReason; message: string };

/** What an attacker who targets this user would try first: their name, address and organisation. */
export interface PolicyContext {
  email?: string | undefined;
  name?: string | undefined;
  organisation?: string | undefined;
}

/** zxcvbn's scale: 3 is "safely unguessable" (~10^8 guesses and up), the least we accept. */
export const PASSWORD_MIN_SCORE = 3;

/**
 * ASVS 2.1 / NIST 800-63B: length counts (12–128 characters, any character, no composition rules); refuse
 * passwords from breach lists — also with digits or symbols stuck on either end, the usual way people
 * "strengthen" them — passwords built on the user's own name, e-mail or organisation, and anything a
 * pattern-aware estimator (zxcvbn: keyboard walks, sequences, dates, Dutch and Flemish words) scores below 3.
 */
export function checkPasswordPolicy(plain: string, context: PolicyContext = {}): PolicyResult {
  const length = [...normalise(plain)].length;
  if (length < PASSWORD_MIN_LENGTH)
    return refuse('too_short', `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`);
  if (length > PASSWORD_MAX_LENGTH)
    return refuse('too_long', `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);

  const lower = normalise(plain).toLowerCase();
  if (new Set(lower).size < 4 || isRepetition(lower))
    return refuse('repetitive', 'The password repeats too few characters; choose a longer phrase.');

  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (isCommonPassword(lower) || (core.length >= 4 && isCommonPassword(core)))
    return refuse(
      'common',
      'This password is too common (it appears in lists of leaked passwords); choose another.',
    );

  const words = personalWords(context);
  if (words.some((word) => word.length >= 4 && lower.includes(word)))
    return refuse(
      'personal',
      'The password must not contain your name, e-mail address or the name of your organisation.',
    );

  if (passwordScore(normalise(plain), words) < PASSWORD_MIN_SCORE)
    return refuse(
      'weak',
      'This password is too easy to guess (a keyboard row, a sequence, a word with a year); choose a longer phrase of unrelated words.',
    );
  return { ok: true };
}

function refuse(reason: PolicyReason, message: string): PolicyResult {
  return { ok: false, reason, message };
}

/** "abcabcabcabc": a short unit typed over and over is as weak as the unit. */
function isRepetition(s: string): boolean {
  return /^(.{1,6})\1+$/su.test(s);
}

/** The e-mail's local part and its pieces, and the words of the name and the organisation's name. */
function personalWords(context: PolicyContext): string[] {
  const words = new Set<string>();
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3) words.add(local);
  for (const source of [local, context.name ?? '', context.organisation ?? ''])
    for (const part of normalise(source)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u))
      if (part.length >= 3) words.add(part);
  return [...words];
}
