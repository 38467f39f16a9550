import { createHash, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read off paper is typed right. 20 characters = 100 bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 20;
export const INVITATION_DAYS = 14;

export function newInvitationCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** Upper case, separators dropped, the letters people confuse with digits read as those digits. */
export function normaliseInvitationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function invitationCodeHash(code: string): string {
  return createHash('sha256')
    .update(`portal-invitation:${normaliseInvitationCode(code)}`)
    .digest('hex');
}
