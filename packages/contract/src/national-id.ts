import { z } from 'zod';

/**
 * The national identifiers a JGZ file may carry: the Dutch burgerservicenummer (BSN) and the Belgian
 * rijksregisternummer / INSZ. Which one a person gets follows the organisation's region; the check digits are
 * verified on the server, which knows that region (see nationalIdText for what the contract checks).
 */
export const NATIONAL_ID_SYSTEMS = ['bsn', 'insz'] as const;
export type NationalIdSystem = (typeof NATIONAL_ID_SYSTEMS)[number];

/** The region's number: a Dutch organisation records BSNs, a Flemish one INSZ numbers. */
export function nationalIdSystemOf(region: 'nl' | 'be'): NationalIdSystem {
  return region === 'be' ? 'insz' : 'bsn';
}

/** The digits of a number as people write it: "123.45.67-890.12" and "123 456 782" are read as digits. */
export function nationalIdDigits(text: string): string {
  return text.replace(/[\s.\-/]/g, '');
}

/** The Dutch elfproef: 9 digits, weights 9..2 and -1, the sum divisible by 11 (and not all zeros). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * The two ways an INSZ's check digits may be computed: 97 − (first nine digits mod 97) for people born before
 * 2000, and the same over "2" followed by the nine digits for people born from 2000 on.
 */
export function inszCentury(digits: string): 'before_2000' | 'from_2000' | null {
  if (!/^\d{11}$/.test(digits)) return null;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  if (97 - (base % 97) === check) return 'before_2000';
  if (97 - ((2_000_000_000 + base) % 97) === check) return 'from_2000';
  return null;
}

export function isValidInsz(digits: string): boolean {
  return inszCentury(digits) !== null;
}

export function isValidNationalId(system: NationalIdSystem, digits: string): boolean {
  return system === 'bsn' ? isValidBsn(digits) : isValidInsz(digits);
}

/** The stable error code of a number that fails its check (listed in docs/api.md). */
export function nationalIdIssueCode(system: NationalIdSystem): 'invalid_bsn' | 'invalid_insz' {
  return system === 'bsn' ? 'invalid_bsn' : 'invalid_insz';
}

/**
 * What a form sends: digits with the usual separators, reduced to the digits. The contract checks only that
 * it is 9 or 11 digits; the server checks the region's number (and names it: invalid_bsn, invalid_insz).
 */
export const nationalIdText = z
  .string()
  .max(20)
  .transform(nationalIdDigits)
  .refine((v) => /^(\d{9}|\d{11})$/.test(v), {
    message: 'must be a BSN (9 digits) or an INSZ (11 digits)',
    params: { code: 'invalid_national_id' },
  });

/** A stored identifier as the file shows it: never the number itself, only its system and last digits. */
export const maskedNationalId = z.object({
  system: z.enum(NATIONAL_ID_SYSTEMS),
  /** The last four digits, for recognising the number; the whole number is read on its own, audited. */
  lastDigits: z.string(),
});
export type MaskedNationalId = z.output<typeof maskedNationalId>;

export const revealedNationalId = z.object({
  system: z.enum(NATIONAL_ID_SYSTEMS),
  value: z.string(),
});
export type RevealedNationalId = z.output<typeof revealedNationalId>;
