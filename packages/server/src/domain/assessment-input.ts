import type { ContactScreening } from '@nestwerk/engine';
import {
  type AssessmentInput,
  assessmentInputForContact,
  type ContactCaregiver,
  type ContactChild,
  type ContactRecord,
} from '@nestwerk/engine';
import type { Region } from '@nestwerk/knowledge';
import { HttpError } from '../http/errors.ts';
import { flag } from '../repositories/db.ts';
import type { PersonRow } from '../repositories/persons.ts';

const optionalFlag = (value: number | null): boolean | null => (value === null ? null : flag(value));

/** A child row as the engine reads a contact: the same fields the person presenter gives the browser. */
export function contactChild(row: PersonRow): ContactChild {
  return { birthDate: row.birth_date, dueDate: row.due_date, firstChild: optionalFlag(row.first_child) };
}

/** A caregiver row with the parent-level factors recorded for them at this contact and their screenings on file. */
export function contactCaregiver(
  row: PersonRow,
  factors?: ContactCaregiver['factors'],
  screenings?: readonly ContactScreening[],
): ContactCaregiver {
  return {
    role: row.caregiver_role,
    birthYear: row.birth_year,
    lowEducation: optionalFlag(row.low_education),
    ...(factors && Object.keys(factors).length > 0 ? { factors } : {}),
    ...(screenings && screenings.length > 0 ? { screenings } : {}),
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
  /** Parent-level factors per caregiver person id, as recorded at this contact. */
  parentFactors?: Readonly<Record<string, ContactCaregiver['factors']>>;
  /** Each caregiver's screenings on file, by person id; the engine path picks the ones current on the date. */
  screenings?: ReadonlyMap<string, readonly ContactScreening[]>;
}): AssessmentInput {
  const { contact } = args;
  const result = assessmentInputForContact({
    region: args.region,
    date: contact.date,
    child: contactChild(args.child),
    caregivers: args.caregivers.map((c) =>
      contactCaregiver(c, args.parentFactors?.[c.id], args.screenings?.get(c.id)),
    ),
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
