import type {
  CaregiverRole,
  CueCode,
  FactorCode,
  ParentFactorCode,
  ReferralCriterionCode,
  Region,
} from '@nestwerk/knowledge';
import { type ChildAgeError, type ChildBirth, childAgeOn, type ParentBirth, parentAgeYears } from './age.ts';
import { daysBetween } from './calendar.ts';
import {
  type AssessmentInput,
  type AssessmentInputJson,
  type FactorValue,
  type InputError,
  parseAssessmentInput,
  type ScreeningInput,
} from './input.ts';

/** The engine takes at most this many parents (the guideline speaks of parents and carers). */
export const MAX_PARENTS = 8;

/** A child as the family file records it. */
export interface ContactChild extends ChildBirth {
  firstChild?: boolean | null;
}

/** A screening of a caregiver as the family file records it: the engine's input with the date it was done. */
export type ContactScreening = ScreeningInput & { date: string };

/**
 * How long a screening stays current for the advice: a rescreen is due within 2–4 weeks and the schedule's
 * moments are weeks apart, so after twelve weeks a result no longer describes how the parent is.
 */
export const SCREENING_CURRENT_DAYS = 84;

/**
 * A caregiver as the family file records it; one without a recorded role counts as `other`. `factors` are the
 * parent-level factors recorded for THIS caregiver at the contact; `screenings` the caregiver's screenings on
 * file (any dates: the ones current on the contact date are chosen here).
 */
export interface ContactCaregiver extends ParentBirth {
  role?: CaregiverRole | null;
  lowEducation?: boolean | null;
  factors?: Partial<Record<ParentFactorCode, { value: FactorValue }>>;
  screenings?: readonly ContactScreening[];
}

/**
 * The screenings that describe the parent on the contact date: per instrument the latest one dated on or before
 * it and at most {@link SCREENING_CURRENT_DAYS} earlier; oldest first.
 */
export function currentScreenings(screenings: readonly ContactScreening[], onDate: string): ScreeningInput[] {
  const latest = new Map<string, ContactScreening>();
  for (const s of screenings) {
    const age = daysBetween(s.date, onDate);
    if (age < 0 || age > SCREENING_CURRENT_DAYS) continue;
    const seen = latest.get(s.instrument);
    if (!seen || seen.date <= s.date) latest.set(s.instrument, s);
  }
  return [...latest.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(({ date: _date, ...screening }) => screening as ScreeningInput);
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
      const factors = Object.entries(c.factors ?? {}).filter(([, recorded]) => recorded !== undefined);
      const screenings = currentScreenings(c.screenings ?? [], contact.date);
      return {
        role: c.role ?? 'other',
        ...(ageYears === undefined ? {} : { ageYears }),
        ...(typeof c.lowEducation === 'boolean' ? { lowEducation: c.lowEducation } : {}),
        ...(factors.length > 0
          ? { factors: Object.fromEntries(factors.map(([code, recorded]) => [code, recorded?.value])) }
          : {}),
        ...(screenings.length > 0 ? { screenings } : {}),
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
