import {
  type AssessmentInput,
  assessmentInputForContact,
  type ContactCaregiver,
  type ContactChild,
  type ContactRecord,
} from '@nestwerk/engine';
import type { Region } from '@nestwerk/knowledge';
import { HttpError } from '../../http/errors.ts';
import { flag } from '../../repositories/db.ts';
import type { PersonRow } from '../../repositories/persons.ts';

const optionalFlag = (value: number | null): boolean | null => (value === null ? null : flag(value));

/** A child row as the engine reads a contact: the same fields the person presenter gives the browser. */
export function contactChild(row: PersonRow): ContactChild {
  return { birthDate: row.birth_date, dueDate: row.due_date, firstChild: optionalFlag(row.first_child) };
}

export function contactCaregiver(row: PersonRow): ContactCaregiver {
  return {
    role: row.caregiver_role,
    birthYear: row.birth_year,
    lowEducation: optionalFlag(row.low_education),
  };
}

/**
 * The engine's input, built from what the server knows rather than what a client claims: the child and
 * caregivers recorded in the file, the organisation's region, and the observations — through the same engine
 * function as the browser's live advice. A contact date that does not fit the child is the request's fault.
 */
export function buildAssessmentInput(args: {
  region: Region;
  child: PersonRow;
  caregivers: readonly PersonRow[];
  contact: Pick<ContactRecord, 'date' | 'cues' | 'factors' | 'criteria'>;
}): AssessmentInput {
  const { contact } = args;
  const result = assessmentInputForContact({
    region: args.region,
    date: contact.date,
    child: contactChild(args.child),
    caregivers: args.caregivers.map(contactCaregiver),
    cues: contact.cues,
    factors: contact.factors,
    criteria: contact.criteria,
  });
  if (result.ok) return result.value;
  if (result.error.error === 'child_age')
    throw new HttpError('invalid_input', result.error.message, result.error.field);
  // The request was checked already; a failure here means the stored file is inconsistent.
  throw new HttpError('unprocessable', result.error.message, result.error.field);
}
