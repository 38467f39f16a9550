import {
  assessmentInputForContact,
  type ContactInputResult,
  type ContactRecord,
  type RelationshipBand,
} from '@nestwerk/engine';
import type { CueCode, FactorCode, ReferralCriterionCode, Region } from '@nestwerk/knowledge';
import type { Contact, ContactIn, ContactType, Person, RecordedFactor } from '../../api/types.ts';

/** Everything the contact moment screen records; what the server stores is derived from it. */
export interface ContactForm {
  childId: string;
  type: ContactType;
  date: string;
  cues: Partial<Record<CueCode, true>>;
  factors: Partial<Record<FactorCode, RecordedFactor>>;
  criteria: Partial<Record<ReferralCriterionCode, true>>;
  agreedBand: RelationshipBand | '';
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
    criteria: {},
    agreedBand: '',
    agreedNote: '',
    agreement: { text: '', nextTopic: '', nextTopicPermission: false, extraContact: false, followUpDue: '' },
    notes: '',
  };
}

export function fromContact(contact: Contact): ContactForm {
  return {
    childId: contact.childId,
    type: contact.type,
    date: contact.date,
    cues: { ...contact.cues },
    // Only what the form records: the server adds `recordedAt`, which it does not accept back.
    factors: Object.fromEntries(
      Object.entries(contact.factors).map(([code, f]) => [
        code,
        { value: f.value, reportedBy: f.reportedBy },
      ]),
    ) as ContactForm['factors'],
    criteria: { ...contact.criteria },
    agreedBand: contact.agreedBand ?? '',
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
  if (form.agreedBand) body.agreedBand = form.agreedBand;
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

/** The contact as the engine reads it: the form's observations on its date, the child and caregivers on file. */
export function toContactRecord(
  form: ContactForm,
  child: Person,
  caregivers: readonly Person[],
  region: Region,
): ContactRecord {
  return {
    region,
    date: form.date,
    child,
    caregivers,
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
): ContactInputResult | null {
  return child ? assessmentInputForContact(toContactRecord(form, child, caregivers, region)) : null;
}

export interface Difference {
  kind: 'cue' | 'factor' | 'criterion' | 'agreedBand' | 'agreement';
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
