import { isCalendarDate } from '@nestwerk/engine';
import type { ContactType, RELATIONSHIP_BANDS } from '@nestwerk/knowledge';
import type { ImportIssue } from './import-bundle.ts';
import { type AgreementRead, type ConsentRead, readCarePlan, readConsent } from './import-care.ts';
import { nestwerkCode } from './import-codes.ts';
import { extension, identifier, isTimestamp, required, TEXT_MAX, text } from './import-fields.ts';
import {
  array,
  BundleIndex,
  type Entry,
  EntryIssues,
  isObject,
  type Json,
  str,
} from './import-references.ts';
import { type PartnerRead, type ReferralRead, readReferrals } from './import-referrals.ts';
import {
  type InstrumentResultRead,
  observationKindOf,
  readResults,
  type ScreeningRead,
} from './import-results.ts';
import { EXTENSIONS, NESTWERK_ID_SYSTEMS } from './mapping.ts';

/**
 * Reads the clinical content of a Nestwerk export back: contact moments (Encounter) with what they recorded
 * (the cue, factor, criterion and agreed-estimate Observations), and, through the readers beside this one,
 * agreements and consents (import-care.ts), screenings and questionnaire results (import-results.ts) and
 * referrals with their partners (import-referrals.ts).
 * Every code goes back through the CodeSystem it was written from; a code Nestwerk does not know, or a reference
 * to nothing, is an issue on the entry that holds it. People are named by the entry of their Patient or
 * RelatedPerson (`person:<index>`), which the caller maps to the rows it creates. Pure.
 */

export interface FactorRead {
  code: string;
  value: 'present' | 'absent' | 'unknown';
  reportedBy: 'parent' | 'professional';
  recordedAt: string;
}

export interface ContactRead {
  entry: number;
  sourceId: string | null;
  childEntry: number;
  type: ContactType;
  date: string;
  status: 'draft' | 'final';
  notes: string | null;
  professionalName: string | null;
  cues: string[];
  criteria: string[];
  factors: FactorRead[];
  /** By the entry index of the caregiver's RelatedPerson. */
  parentFactors: Array<FactorRead & { personEntry: number }>;
  agreedBand: RelationshipBand | null;
  agreedNote: string | null;
  agreedBandNotDiscussed: boolean;
}

export interface ClinicalRead {
  /** The sender as the Bundle names it (the organisation that assembled it), for the provenance marker. */
  sourceSystem: string;
  contacts: ContactRead[];
  agreements: AgreementRead[];
  consents: ConsentRead[];
  screenings: ScreeningRead[];
  instrumentResults: InstrumentResultRead[];
  /** Historic referrals: never sent again, and nothing reaches the partner. */
  referrals: ReferralRead[];
  /** The partner Organizations referrals and consents point at, for the caller to match to its own partners. */
  partners: PartnerRead[];
}

type RelationshipBand = (typeof RELATIONSHIP_BANDS)[number];

const STATUS_OF_ENCOUNTER: Record<string, ContactRead['status']> = {
  finished: 'final',
  'in-progress': 'draft',
};

function readEncounter(index: BundleIndex, e: Entry, issues: EntryIssues): ContactRead | null {
  const r = e.resource;
  const type = required<ContactType>(issues, '.type', nestwerkCode('contact-type', array(r.type)[0]));
  const child = index.resolve(r.subject, ['Patient']);
  if (!child) issues.fail('.subject', 'broken_reference');
  const status = typeof r.status === 'string' ? STATUS_OF_ENCOUNTER[r.status] : undefined;
  if (!status) issues.fail('.status', 'unknown_code');
  const start = isObject(r.period) ? r.period.start : undefined;
  if (typeof start !== 'string' || !isCalendarDate(start)) issues.fail('.period.start', 'invalid_date');
  const notes = text(
    issues,
    '.extension(contact-notes)',
    extension(r, EXTENSIONS.contactNotes)?.valueString,
    TEXT_MAX.notes,
  );
  const participant = array(r.participant).find(isObject);
  const professional =
    participant && isObject(participant.individual) ? str(participant.individual.display) : null;
  if (!type || !child || !status || typeof start !== 'string') return null;
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.contact),
    childEntry: child.index,
    type,
    date: start,
    status,
    notes,
    professionalName: professional,
    cues: [],
    criteria: [],
    factors: [],
    parentFactors: [],
    agreedBand: null,
    agreedNote: null,
    agreedBandNotDiscussed: false,
  };
}

function readFactor(r: Json, issues: EntryIssues): FactorRead | null {
  const code = required<string>(issues, '.code', nestwerkCode('factor', r.code));
  const value = required<FactorRead['value']>(
    issues,
    '.valueCodeableConcept',
    nestwerkCode('factor-value', r.valueCodeableConcept),
  );
  const reportedBy = required<FactorRead['reportedBy']>(
    issues,
    '.method',
    nestwerkCode('report-source', r.method),
  );
  if (!isTimestamp(r.issued)) issues.fail('.issued', 'invalid');
  if (!code || !value || !reportedBy || !isTimestamp(r.issued)) return null;
  return { code, value, reportedBy, recordedAt: r.issued };
}

/** Adds what one contact Observation records to its contact; screenings and scores are read in import-results.ts. */
function readContactObservation(
  index: BundleIndex,
  e: Entry,
  issues: EntryIssues,
  contacts: Map<number, ContactRead>,
): void {
  const r = e.resource;
  const kind = observationKindOf(r);
  if (kind === undefined || kind === 'parent-screening' || kind === 'instrument-score') return;
  if (kind === null) {
    issues.fail('.category', 'unknown_code');
    return;
  }
  // The engine's suggestion is worked out again from what was observed, under this server's knowledge.
  if (kind === 'suggested-band') return;
  const encounter = index.resolve(r.encounter, ['Encounter']);
  const contact = encounter ? contacts.get(encounter.index) : undefined;
  if (!encounter) {
    issues.fail('.encounter', 'broken_reference');
    return;
  }
  if (!contact) return; // The Encounter itself is wrong; its own issues say why.
  if (kind === 'cue') {
    const code = required<string>(issues, '.code', nestwerkCode('cue', r.code));
    if (r.valueBoolean !== true) issues.fail('.valueBoolean', 'invalid');
    else if (code) contact.cues.push(code);
  } else if (kind === 'criterion') {
    const code = required<string>(issues, '.code', nestwerkCode('referral-criterion', r.code));
    if (r.valueBoolean !== true) issues.fail('.valueBoolean', 'invalid');
    else if (code) contact.criteria.push(code);
  } else if (kind === 'factor') {
    const factor = readFactor(r, issues);
    const focus = array(r.focus)[0];
    const parent = focus === undefined ? undefined : index.resolve(focus, ['RelatedPerson']);
    if (focus !== undefined && !parent) issues.fail('.focus[0]', 'broken_reference');
    else if (factor && parent) contact.parentFactors.push({ ...factor, personEntry: parent.index });
    else if (factor) contact.factors.push(factor);
  } else if (kind === 'agreed-band') {
    if (r.dataAbsentReason !== undefined) contact.agreedBandNotDiscussed = true;
    else {
      const band = required<RelationshipBand>(
        issues,
        '.valueCodeableConcept',
        nestwerkCode('relationship-band', r.valueCodeableConcept),
      );
      contact.agreedBand = band;
      const note = array(r.note).find(isObject);
      contact.agreedNote = note ? text(issues, '.note[0].text', note.text, TEXT_MAX.note) : null;
    }
  } else issues.fail('.category', 'unknown_code');
}

/** The organisation that assembled the Bundle (its Provenance), else the Group's managing organisation. */
function sourceSystem(index: BundleIndex): string {
  for (const p of index.ofType('Provenance'))
    for (const agent of array(p.resource.agent).filter(isObject)) {
      const who = isObject(agent.who) ? str(agent.who.display) : null;
      if (who) return who;
    }
  const group = index.ofType('Group')[0];
  const managing =
    group && isObject(group.resource.managingEntity) ? str(group.resource.managingEntity.display) : null;
  return managing ?? 'FHIR';
}

export function readClinicalContent(
  bundle: Json,
): { ok: true; content: ClinicalRead } | { ok: false; issues: ImportIssue[] } {
  const index = new BundleIndex(bundle);
  const all: ImportIssue[] = [];
  const contacts = new Map<number, ContactRead>();
  for (const e of index.ofType('Encounter')) {
    const c = readEncounter(index, e, new EntryIssues(e, all));
    if (c) contacts.set(e.index, c);
  }
  for (const e of index.ofType('Observation'))
    readContactObservation(index, e, new EntryIssues(e, all), contacts);
  const agreements = index
    .ofType('CarePlan')
    .flatMap((e) => readCarePlan(index, e, new EntryIssues(e, all)) ?? []);
  const consents = index
    .ofType('Consent')
    .flatMap((e) => readConsent(index, e, new EntryIssues(e, all)) ?? []);
  const results = readResults(index, all);
  const { referrals, partners } = readReferrals(index, all);
  if (all.length > 0) return { ok: false, issues: all };
  for (const c of contacts.values())
    if (c.status === 'final' && !c.agreedBand && !c.agreedBandNotDiscussed) {
      // A finished contact always records the agreed estimate (or that it was not discussed).
      all.push({
        entry: c.entry,
        resourceType: 'Encounter',
        path: 'Encounter.status',
        code: 'agreed_band_missing',
      });
    }
  if (all.length > 0) return { ok: false, issues: all };
  return {
    ok: true,
    content: {
      sourceSystem: sourceSystem(index),
      contacts: [...contacts.values()],
      agreements,
      consents,
      ...results,
      referrals,
      partners,
    },
  };
}
