import type { PersonTable } from './schema.ts';
import type { SecretBox } from './secrets.ts';

/** The sealed value is bound to its person: copied to another row it does not open. */
export const nationalIdSealContext = (personId: string): string => `national-id:${personId}`;

/** The whole number of a person's sealed BSN or INSZ, for the audited reveal and for an export. */
export function openNationalId(
  secrets: SecretBox,
  row: Pick<PersonTable, 'id' | 'national_id_system' | 'national_id_sealed'>,
): { system: 'bsn' | 'insz'; value: string } | null {
  if (row.national_id_system === null || row.national_id_sealed === null) return null;
  return {
    system: row.national_id_system,
    value: secrets.open(row.national_id_sealed, nationalIdSealContext(row.id)),
  };
}
