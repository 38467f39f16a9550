import { isValidNationalId, type NationalIdSystem, nationalIdIssueCode } from '@nestwerk/contract';
import { nationalIdSealContext } from '../db/national-id-seal.ts';
import type { PersonTable } from '../db/schema.ts';
import type { SecretBox } from '../db/secrets.ts';
import { HttpError } from '../http/errors.ts';

/** The digest purpose of national identifiers: their keys match only each other. */
const DIGEST_PURPOSE = 'national-id';

export type NationalIdColumns = Pick<
  PersonTable,
  'national_id_system' | 'national_id_sealed' | 'national_id_key' | 'national_id_hint'
>;

export const NO_NATIONAL_ID: NationalIdColumns = {
  national_id_system: null,
  national_id_sealed: null,
  national_id_key: null,
  national_id_hint: null,
};

export { nationalIdSystemOf } from '@nestwerk/contract';

/** The exact-match key of a number (digits only), for search and for finding an imported family again. */
export function nationalIdKey(secrets: SecretBox, digits: string): string {
  return secrets.digest(digits, DIGEST_PURPOSE);
}

/**
 * Checks a number against its system's check digits and turns it into the columns that store it; a wrong number
 * is a 400 at `field` with the system's own code (invalid_bsn, invalid_insz).
 */
export function nationalIdColumns(
  secrets: SecretBox,
  system: NationalIdSystem,
  digits: string,
  personId: string,
  field: string,
): NationalIdColumns {
  if (!isValidNationalId(system, digits))
    throw new HttpError(
      'invalid_input',
      system === 'bsn'
        ? 'This is not a valid BSN (9 digits that pass the 11-check).'
        : 'This is not a valid INSZ / rijksregisternummer (11 digits with valid check digits).',
      field,
    ).because(nationalIdIssueCode(system));
  return {
    national_id_system: system,
    national_id_sealed: secrets.seal(digits, nationalIdSealContext(personId)),
    national_id_key: nationalIdKey(secrets, digits),
    national_id_hint: digits.slice(-4),
  };
}

/** A search text that is a whole BSN or INSZ (with the usual separators), as digits; else null. */
export function nationalIdSearchDigits(q: string): string | null {
  const digits = q.replace(/[\s.\-/]/g, '');
  return /^(\d{9}|\d{11})$/.test(digits) ? digits : null;
}

/**
 * What a family search needs when its text may be a BSN or INSZ: the exact-match key, and the text as the audit
 * log may keep it (a searched number is masked there like everywhere else).
 */
export function searchByNationalId(
  secrets: SecretBox,
  q: string | undefined,
): { nationalIdKey: string | undefined; auditQuery: string | null } {
  const digits = q === undefined ? null : nationalIdSearchDigits(q);
  if (digits === null) return { nationalIdKey: undefined, auditQuery: q ?? null };
  return { nationalIdKey: nationalIdKey(secrets, digits), auditQuery: `•••••${digits.slice(-4)}` };
}
