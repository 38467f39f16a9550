import type { CaregiverRole, CueCode, FactorCode, ReferralCriterionCode, Region } from '@nestwerk/knowledge';
import { type ChildAgeError, type ChildBirth, childAgeOn, type ParentBirth, parentAgeYears } from './age.ts';
import {
  type AssessmentInput,
  type AssessmentInputJson,
  type FactorValue,
  type InputError,
  parseAssessmentInput,
} from './input.ts';

/** The engine takes at most this many parents (the guideline speaks of parents and carers). */
export const MAX_PARENTS = 8;

/** A child as the family file records it. */
export interface ContactChild extends ChildBirth {
  firstChild?: boolean | null;
}

/** A caregiver as the family file records it; one without a recorded role counts as `other`. */
export interface ContactCaregiver extends ParentBirth {
  role?: CaregiverRole | null;
  lowEducation?: boolean | null;
}

/**
 * A contact moment as the browser's form and the server's stored rows both hold it: what was observed on the
 * date, the family's child and caregivers as recorded in the file, and the organisation's region. A factor is
 * recorded with who reported it; only its value reaches the engine.
 */
export interface ContactRecord {
  region: Region;
  date: string;
  child: ContactChild;
  caregivers: readonly ContactCaregiver[];
  cues?: Partial<Record<CueCode, boolean>>;
  factors?: Partial<Record<FactorCode, { value: FactorValue }>>;
  criteria?: Partial<Record<ReferralCriterionCode, boolean>>;
}

export type ContactInputError = ChildAgeError | InputError;
export type ContactInputResult =
  | { ok: true; value: AssessmentInput }
  | { ok: false; error: ContactInputError };

/**
 * The one path from a contact to the engine's input, used for the live advice in the browser, the stored
 * assessment on the server and the CLI, so that both give the same advice for the same contact. The ages are
 * computed on the contact date (`childAgeOn`, `parentAgeYears`); a date that does not fit the child is a
 * `child_age` error naming the field at fault.
 */
export function assessmentInputForContact(contact: ContactRecord): ContactInputResult {
  const age = childAgeOn(contact.child, contact.date);
  if (!age.ok) return age;
  const { firstChild } = contact.child;
  const raw: AssessmentInputJson = {
    region: contact.region,
    child: { ...age.value, ...(typeof firstChild === 'boolean' ? { firstChild } : {}) },
    parents: contact.caregivers.slice(0, MAX_PARENTS).map((c) => {
      const ageYears = parentAgeYears(c, contact.date);
      return {
        role: c.role ?? 'other',
        ...(ageYears === undefined ? {} : { ageYears }),
        ...(typeof c.lowEducation === 'boolean' ? { lowEducation: c.lowEducation } : {}),
      };
    }),
    factors: Object.fromEntries(
      Object.entries(contact.factors ?? {}).map(([code, recorded]) => [code, recorded?.value]),
    ),
    cues: { ...contact.cues },
    criteria: { ...contact.criteria },
  };
  return parseAssessmentInput(raw);
}
