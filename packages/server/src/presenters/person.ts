import type { Person } from '@nestwerk/contract';
import { flag } from '../repositories/db.ts';
import type { PersonRow } from '../repositories/persons.ts';

const optionalFlag = (v: number | null): boolean | null => (v === null ? null : flag(v));

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
    version: p.version,
  };
}
