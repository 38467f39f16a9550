import type { CaregiverRole } from '../db/schema.ts';
import { flag } from '../repositories/db.ts';
import type { PersonRow } from '../repositories/persons.ts';

export interface ChildOut {
  id: string;
  kind: 'child';
  givenName: string;
  familyName: string;
  birthDate: string | null;
  dueDate: string | null;
  firstChild: boolean | null;
  version: number;
}

export interface CaregiverOut {
  id: string;
  kind: 'caregiver';
  givenName: string;
  familyName: string;
  role: CaregiverRole | null;
  birthYear: number | null;
  lowEducation: boolean | null;
  phone: string | null;
  version: number;
}

export type PersonOut = ChildOut | CaregiverOut;

const optionalFlag = (v: number | null): boolean | null => (v === null ? null : flag(v));

export function presentPerson(p: PersonRow): PersonOut {
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
