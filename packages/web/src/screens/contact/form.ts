import type { ParentScreenings } from '@nestwerk/contract';
import {
  assessmentInputForContact,
  type ContactInputResult,
  type ContactRecord,
  type ContactScreening,
  type RelationshipBand,
} from '@nestwerk/engine';
import type {
  CueCode,
  FactorCode,
  ParentFactorCode,
  ReferralCriterionCode,
  Region,
} from '@nestwerk/knowledge';
import type { Contact, ContactIn, ContactType, Person, RecordedFactor } from '../../api/types.ts';
import { toContactScreening } from '../screening/model.ts';

/** Parent-level factors recorded for one caregiver, keyed by the caregiver's person id. */
export type ParentFactors = Record<string, Partial<Record<ParentFactorCode, RecordedFactor>>>;

/** Everything the contact moment screen records; what the server stores is derived from it. */
export interface ContactForm {
  childId: string;
  type: ContactType;
  date: string;
  cues: Partial<Record<CueCode, true>>;
  /** Family and child factors, and parent-level ones of "a parent, not known which". */
  factors: Partial<Record<FactorCode, RecordedFactor>>;
  /** Parent-level factors of a specific caregiver. */
  parentFactors: ParentFactors;
  criteria: Partial<Record<ReferralCriterionCode, true>>;
  /** `not_discussed` is the nurse's explicit choice; '' is "not chosen yet", which a finished contact may not be. */
  agreedBand: RelationshipBand | 'not_discussed' | '';
  agreedNote: string;
  agreement: {
    text: string;
    nextTopic: string;
    nextTopicPermission: boolean;
    extraContact: boolean;
    followUpDue: string;
  };
  notes: string;
}

export function emptyForm(child: Person | undefined, date: string): ContactForm {
  return {
    childId: child?.id ?? '',
    type: child && !child.birthDate && child.dueDate ? 'prenatal_visit' : 'consult',
    date,
    cues: {},
    factors: {},
    parentFactors: {},
    criteria: {},
    agreedBand: '',
    agreedNote: '',
    agreement: { text: '', nextTopic: '', nextTopicPermission: false, extraContact: false, followUpDue: '' },
    notes: '',
  };
}

/** Only what the form records: the server adds `recordedAt`, which it does not accept back. */
function recorded<C extends string>(
  stored: Partial<Record<C, { value: RecordedFactor['value']; reportedBy: RecordedFactor['reportedBy'] }>>,
): Partial<Record<C, RecordedFactor>> {
  return Object.fromEntries(
    Object.entries(stored).map(([code, f]) => {
      const { value, reportedBy } = f as RecordedFactor;
      return [code, { value, reportedBy }];
    }),
  ) as Partial<Record<C, RecordedFactor>>;
}

export function fromContact(contact: Contact): ContactForm {
  return {
    childId: contact.childId,
    type: contact.type,
    date: contact.date,
    cues: { ...contact.cues },
    factors: recorded(contact.factors),
    parentFactors: Object.fromEntries(
      Object.entries(contact.parentFactors ?? {}).map(([personId, factors]) => [personId, recorded(factors)]),
    ),
    criteria: { ...contact.criteria },
    agreedBand: contact.agreedBand ?? (contact.agreedBandNotDiscussed ? 'not_discussed' : ''),
    agreedNote: contact.agreedNote ?? '',
    agreement: {
      text: contact.agreement?.text ?? '',
      nextTopic: contact.agreement?.nextTopic ?? '',
      nextTopicPermission: contact.agreement?.nextTopicPermission ?? false,
      extraContact: contact.agreement?.extraContact ?? false,
      followUpDue: contact.agreement?.followUpDue ?? '',
    },
    notes: contact.notes ?? '',
  };
}

/**
 * The request body of docs/api.md: empty texts left out, the next topic only with the parent's permission.
 * An agreement needs words; when the nurse only set a date or an extra contact, `defaultText` says so.
 */
export function toContactIn(form: ContactForm, status: 'draft' | 'final', defaultText = '—'): ContactIn {
  const body: ContactIn = {
    childId: form.childId,
    type: form.type,
    date: form.date,
    status,
    cues: form.cues,
    factors: form.factors,
    criteria: form.criteria,
  };
  const parentFactors = Object.entries(form.parentFactors ?? {}).filter(
    ([, factors]) => Object.keys(factors).length > 0,
  );
  if (parentFactors.length > 0) body.parentFactors = Object.fromEntries(parentFactors);
  if (form.agreedBand === 'not_discussed') body.agreedBandNotDiscussed = true;
  else if (form.agreedBand) body.agreedBand = form.agreedBand;
  if (form.agreedNote.trim()) body.agreedNote = form.agreedNote.trim();
  if (form.notes.trim()) body.notes = form.notes.trim();
  const a = form.agreement;
  const hasAgreement =
    a.text.trim() || a.followUpDue || a.extraContact || (a.nextTopic.trim() && a.nextTopicPermission);
  if (hasAgreement) {
    body.agreement = {
      text: a.text.trim() || defaultText,
      nextTopicPermission: a.nextTopicPermission,
      extraContact: a.extraContact,
    };
    if (a.nextTopic.trim() && a.nextTopicPermission) body.agreement.nextTopic = a.nextTopic.trim();
    if (a.followUpDue) body.agreement.followUpDue = a.followUpDue;
  }
  return body;
}

/** Each caregiver's screenings on file, as the engine reads them, keyed by person id. */
export function screeningsByPerson(
  screenings: readonly ParentScreenings[] | undefined,
): Record<string, ContactScreening[]> {
  return Object.fromEntries(
    (screenings ?? []).map((p) => [
      p.personId,
      p.screenings.map(toContactScreening).filter((s): s is ContactScreening => s !== null),
    ]),
  );
}

/**
 * The contact as the engine reads it: the form's observations on its date, the child and caregivers on file,
 * each caregiver with the parent-level factors recorded for them and their screenings on file (the engine
 * picks the ones current on the contact date).
 */
export function toContactRecord(
  form: ContactForm,
  child: Person,
  caregivers: readonly Person[],
  region: Region,
  screenings: Record<string, readonly ContactScreening[]> = {},
): ContactRecord {
  return {
    region,
    date: form.date,
    child,
    caregivers: caregivers.map((c) => ({
      ...c,
      factors: form.parentFactors?.[c.id] ?? {},
      screenings: screenings[c.id] ?? [],
    })),
    cues: form.cues,
    factors: form.factors,
    criteria: form.criteria,
  };
}

/**
 * What the engine needs, computed in the browser on every change through the same engine function the server
 * uses when it stores the assessment, so the live advice is the advice that is saved. Null until a child is
 * chosen; an error (with the field at fault) when the contact date does not fit the child.
 */
export function toAssessmentInput(
  form: ContactForm,
  child: Person | undefined,
  caregivers: readonly Person[],
  region: Region,
  screenings: Record<string, readonly ContactScreening[]> = {},
): ContactInputResult | null {
  return child
    ? assessmentInputForContact(toContactRecord(form, child, caregivers, region, screenings))
    : null;
}

export interface Difference {
  /** `parentFactor` codes are `<personId>:<factor code>`. */
  kind: 'cue' | 'factor' | 'parentFactor' | 'criterion' | 'agreedBand' | 'agreement';
  code: string;
  mine: string;
  theirs: string;
}

/** What differs between two versions, for the conflict screen. */
export function differences(mine: ContactForm, theirs: ContactForm): Difference[] {
  const out: Difference[] = [];
  const flags = (
    kind: 'cue' | 'criterion',
    a: Record<string, true | undefined>,
    b: Record<string, true | undefined>,
  ) => {
    for (const code of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (Boolean(a[code]) !== Boolean(b[code])) {
        out.push({ kind, code, mine: a[code] ? 'yes' : 'no', theirs: b[code] ? 'yes' : 'no' });
      }
    }
  };
  flags('cue', mine.cues, theirs.cues);
  const factorCodes = new Set([
    ...Object.keys(mine.factors),
    ...Object.keys(theirs.factors),
  ]) as Set<FactorCode>;
  for (const code of factorCodes) {
    const a = mine.factors[code]?.value ?? 'unknown';
    const b = theirs.factors[code]?.value ?? 'unknown';
    if (a !== b) out.push({ kind: 'factor', code, mine: a, theirs: b });
  }
  const people = new Set([
    ...Object.keys(mine.parentFactors ?? {}),
    ...Object.keys(theirs.parentFactors ?? {}),
  ]);
  for (const personId of people) {
    const a = mine.parentFactors?.[personId] ?? {};
    const b = theirs.parentFactors?.[personId] ?? {};
    for (const code of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ParentFactorCode>) {
      const va = a[code]?.value ?? 'unknown';
      const vb = b[code]?.value ?? 'unknown';
      if (va !== vb) out.push({ kind: 'parentFactor', code: `${personId}:${code}`, mine: va, theirs: vb });
    }
  }
  flags('criterion', mine.criteria, theirs.criteria);
  if (mine.agreedBand !== theirs.agreedBand) {
    out.push({ kind: 'agreedBand', code: 'agreedBand', mine: mine.agreedBand, theirs: theirs.agreedBand });
  }
  for (const key of ['text', 'nextTopic', 'followUpDue'] as const) {
    if (mine.agreement[key] !== theirs.agreement[key]) {
      out.push({ kind: 'agreement', code: key, mine: mine.agreement[key], theirs: theirs.agreement[key] });
    }
  }
  return out;
}

/**
 * Both versions together: every cue and criterion either recorded; a factor as I recorded it where I did,
 * else as the colleague did; my texts where I wrote any, else theirs. The result is shown, not saved, so the
 * nurse checks it before saving.
 */
export function merge(mine: ContactForm, theirs: ContactForm): ContactForm {
  const pick = (a: string, b: string) => (a.trim() ? a : b);
  return {
    ...mine,
    cues: { ...theirs.cues, ...mine.cues },
    criteria: { ...theirs.criteria, ...mine.criteria },
    factors: { ...theirs.factors, ...mine.factors },
    parentFactors: mergeParentFactors(mine.parentFactors ?? {}, theirs.parentFactors ?? {}),
    agreedBand: mine.agreedBand || theirs.agreedBand,
    agreedNote: pick(mine.agreedNote, theirs.agreedNote),
    notes: pick(mine.notes, theirs.notes),
    agreement: {
      text: pick(mine.agreement.text, theirs.agreement.text),
      nextTopic: pick(mine.agreement.nextTopic, theirs.agreement.nextTopic),
      nextTopicPermission: mine.agreement.nextTopic.trim()
        ? mine.agreement.nextTopicPermission
        : theirs.agreement.nextTopicPermission,
      extraContact: mine.agreement.extraContact || theirs.agreement.extraContact,
      followUpDue: pick(mine.agreement.followUpDue, theirs.agreement.followUpDue),
    },
  };
}

function mergeParentFactors(mine: ParentFactors, theirs: ParentFactors): ParentFactors {
  const out: ParentFactors = { ...theirs };
  for (const [personId, factors] of Object.entries(mine)) out[personId] = { ...theirs[personId], ...factors };
  return out;
}
