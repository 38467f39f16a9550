import type { MaskedNationalId, Person } from '@nestwerk/contract';
import { flag } from '../repositories/db.ts';
import type { PersonRow } from '../repositories/persons.ts';

const optionalFlag = (v: number | null): boolean | null => (v === null ? null : flag(v));

/** The file shows which number a person has and its last digits, never the whole number (see persons.nationalId). */
function masked(p: PersonRow): MaskedNationalId | null {
  if (p.national_id_system === null || p.national_id_hint === null) return null;
  return { system: p.national_id_system, lastDigits: p.national_id_hint };
}

export function presentPerson(p: PersonRow): Person {
  if (p.kind === 'child') {
    return {
      id: p.id,
      kind: 'child',
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      dueDate: p.due_date,
      firstChild: optionalFlag(p.first_child),
      nationalId: masked(p),
      version: p.version,
    };
  }
  return {
    id: p.id,
    kind: 'caregiver',
    givenName: p.given_name,
    familyName: p.family_name,
    role: p.caregiver_role,
    birthYear: p.birth_year,
    lowEducation: optionalFlag(p.low_education),
    phone: p.phone,
    nationalId: masked(p),
    version: p.version,
  };
}
