import { type AssessmentInput, type AssessmentInputJson, parseAssessmentInput } from '@nestwerk/engine';
import { HttpError } from '../../http/errors.ts';
import type { PersonRow } from '../../repositories/persons.ts';
import type { AgeAtContact } from './child-age.ts';
import type { ContactIn } from './schema.ts';

/** The engine takes at most this many parents (and the guideline speaks of parents and carers). */
const MAX_PARENTS = 8;

function parentAge(birthYear: number | null, contactDate: string): number | undefined {
  if (birthYear === null) return undefined;
  const age = Number(contactDate.slice(0, 4)) - birthYear;
  // Outside what the engine accepts the year is more likely a typo than a fact: leave it out.
  return age >= 10 && age <= 90 ? age : undefined;
}

/**
 * The engine's input, built from what the server knows rather than what a client claims: the child's age on
 * the contact date, the caregivers recorded in the file, the organisation's region, and the observations.
 */
export function buildAssessmentInput(args: {
  region: 'nl' | 'be';
  child: PersonRow;
  age: AgeAtContact;
  caregivers: PersonRow[];
  contact: ContactIn;
}): AssessmentInput {
  const { child, age, contact } = args;
  const firstChild = child.first_child === null ? undefined : child.first_child === 1;
  const raw: AssessmentInputJson = {
    region: args.region,
    child: { ...age, ...(firstChild === undefined ? {} : { firstChild }) },
    parents: args.caregivers.slice(0, MAX_PARENTS).map((p) => {
      const ageYears = parentAge(p.birth_year, contact.date);
      return {
        role: p.caregiver_role ?? 'other',
        ...(ageYears === undefined ? {} : { ageYears }),
        ...(p.low_education === null ? {} : { lowEducation: p.low_education === 1 }),
      };
    }),
    factors: Object.fromEntries(Object.entries(contact.factors).map(([code, f]) => [code, f?.value])),
    cues: contact.cues,
    criteria: contact.criteria,
  };
  const parsed = parseAssessmentInput(raw);
  // Everything above is checked already; a failure here means the stored file is inconsistent.
  if (!parsed.ok) throw new HttpError('unprocessable', parsed.error.message, parsed.error.field);
  return parsed.value;
}
