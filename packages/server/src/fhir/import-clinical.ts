import { isCalendarDate } from '@nestwerk/engine';
import { type ContactType, type RELATIONSHIP_BANDS, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import type { ImportIssue } from './import-bundle.ts';
import { nestwerkCode } from './import-codes.ts';
import {
  array,
  BundleIndex,
  type Entry,
  EntryIssues,
  isObject,
  type Json,
  str,
} from './import-references.ts';
import { EXTENSIONS, NESTWERK_ID_SYSTEMS } from './mapping.ts';

/**
 * Reads the clinical content of a Nestwerk export back: contact moments (Encounter) with what they recorded
 * (the cue, factor, criterion and agreed-estimate Observations), agreements (CarePlan) and consents (Consent).
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

export interface AgreementRead {
  entry: number;
  sourceId: string | null;
  contactEntry: number | null;
  text: string;
  nextTopic: string | null;
  extraContact: boolean;
  followUpDue: string | null;
  status: 'open' | 'done';
  /** Entry indices of the CarePlans this one replaces. */
  replaces: number[];
  createdAt: string;
}

export interface ConsentRead {
  entry: number;
  sourceId: string | null;
  givenByEntry: number;
  purpose: string;
  recipient: string;
  scope: ShareItem[] | null;
  scopeNote: string | null;
  givenAt: string;
  validUntil: string | null;
  withdrawnAt: string | null;
}

export interface ClinicalRead {
  /** The sender as the Bundle names it (the organisation that assembled it), for the provenance marker. */
  sourceSystem: string;
  contacts: ContactRead[];
  agreements: AgreementRead[];
  consents: ConsentRead[];
}

type RelationshipBand = (typeof RELATIONSHIP_BANDS)[number];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const isTimestamp = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v);
const TEXT_MAX = { notes: 10_000, agreement: 2000, topic: 500, purpose: 500, recipient: 300, note: 2000 };

function extension(r: Json, url: string): Json | undefined {
  return array(r.extension).find((e): e is Json => isObject(e) && e.url === url);
}

function identifier(r: Json, system: string): string | null {
  const ids = Array.isArray(r.identifier) ? r.identifier : [r.identifier];
  const id = ids.find((i): i is Json => isObject(i) && i.system === system);
  return id ? str(id.value) : null;
}

/** A code the reader requires: missing and unknown are both an issue at `path`. */
function required<T extends string>(
  issues: EntryIssues,
  path: string,
  code: string | null | undefined,
): T | null {
  if (code === undefined) return issues.fail(path, 'required');
  if (code === null) return issues.fail(path, 'unknown_code');
  return code as T;
}

function text(issues: EntryIssues, path: string, v: unknown, max: number): string | null {
  if (v === undefined) return null;
  const s = str(v);
  if (s === null) return issues.fail(path, 'invalid');
  if (s.length > max) return issues.fail(path, 'too_long');
  return s;
}

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

/** The kind an Observation records, from its Nestwerk category; undefined for one Nestwerk did not write. */
function observationKind(r: Json): string | null | undefined {
  for (const c of array(r.category)) {
    const kind = nestwerkCode('observation-kind', c);
    if (kind !== undefined) return kind;
  }
  return undefined;
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

/** Adds what one contact Observation records to its contact; screenings and scores are not read (docs/fhir.md). */
function readContactObservation(
  index: BundleIndex,
  e: Entry,
  issues: EntryIssues,
  contacts: Map<number, ContactRead>,
): void {
  const r = e.resource;
  const kind = observationKind(r);
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

function readCarePlan(index: BundleIndex, e: Entry, issues: EntryIssues): AgreementRead | null {
  const r = e.resource;
  const description = text(issues, '.description', r.description, TEXT_MAX.agreement);
  if (r.description === undefined) issues.fail('.description', 'required');
  const status = r.status === 'completed' ? 'done' : r.status === 'active' ? 'open' : null;
  if (!status) issues.fail('.status', 'unknown_code');
  if (!isTimestamp(r.created)) issues.fail('.created', 'invalid');
  const encounter = r.encounter === undefined ? undefined : index.resolve(r.encounter, ['Encounter']);
  if (r.encounter !== undefined && !encounter) issues.fail('.encounter', 'broken_reference');
  const replaces: number[] = [];
  for (const [i, ref] of array(r.replaces).entries()) {
    const hit = index.resolve(ref, ['CarePlan']);
    if (hit) replaces.push(hit.index);
    else issues.fail(`.replaces[${i}]`, 'broken_reference');
  }
  const detail = array(r.activity)
    .filter(isObject)
    .map((a) => a.detail)
    .find(isObject);
  const activity = detail
    ? required<string>(issues, '.activity[0].detail.code', nestwerkCode('care-plan-activity', detail.code))
    : null;
  const start = detail && isObject(detail.scheduledPeriod) ? detail.scheduledPeriod.start : undefined;
  if (start !== undefined && (typeof start !== 'string' || !isCalendarDate(start)))
    issues.fail('.activity[0].detail.scheduledPeriod.start', 'invalid_date');
  const nextTopic = text(
    issues,
    '.extension(agreement-next-topic)',
    extension(r, EXTENSIONS.agreementNextTopic)?.valueString,
    TEXT_MAX.topic,
  );
  if (!description || !status || !isTimestamp(r.created)) return null;
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.agreement),
    contactEntry: encounter ? encounter.index : null,
    text: description,
    nextTopic,
    extraContact: activity === 'extra-contact',
    followUpDue: typeof start === 'string' ? start : null,
    status,
    replaces,
    createdAt: r.created,
  };
}

function readConsent(index: BundleIndex, e: Entry, issues: EntryIssues): ConsentRead | null {
  const r = e.resource;
  const purpose = text(
    issues,
    '.extension(consent-purpose)',
    extension(r, EXTENSIONS.consentPurpose)?.valueString,
    TEXT_MAX.purpose,
  );
  if (!purpose) issues.fail('.extension(consent-purpose)', 'required');
  const giver = index.resolve(array(r.performer)[0], ['RelatedPerson']);
  if (!giver) issues.fail('.performer[0]', 'broken_reference');
  if (!isTimestamp(r.dateTime)) issues.fail('.dateTime', 'invalid');
  const provision = isObject(r.provision) ? r.provision : {};
  const actor = array(provision.actor).find(isObject);
  const recipient =
    actor && isObject(actor.reference)
      ? text(issues, '.provision.actor[0].reference.display', actor.reference.display, TEXT_MAX.recipient)
      : null;
  if (!recipient) issues.fail('.provision.actor[0].reference.display', 'required');
  const withdrawn = extension(r, EXTENSIONS.consentWithdrawnAt)?.valueDateTime;
  if (withdrawn !== undefined && !isTimestamp(withdrawn))
    issues.fail('.extension(consent-withdrawn-at)', 'invalid');
  const end = isObject(provision.period) ? provision.period.end : undefined;
  // The export ends a withdrawn consent's period at the withdrawal; otherwise the end is the last valid day.
  const validUntil = withdrawn === undefined && end !== undefined ? end : undefined;
  if (validUntil !== undefined && (typeof validUntil !== 'string' || !isCalendarDate(validUntil)))
    issues.fail('.provision.period.end', 'invalid_date');
  const codes = array(provision.code).filter(isObject);
  const scope: ShareItem[] = [];
  let scopeNote: string | null = null;
  for (const [i, c] of codes.entries()) {
    const item = nestwerkCode('share-item', c);
    if (item === undefined && codes.length === 1)
      scopeNote = text(issues, `.provision.code[${i}].text`, c.text, TEXT_MAX.note);
    else if (!item || !(SHARE_ITEMS as readonly string[]).includes(item))
      issues.fail(`.provision.code[${i}]`, 'unknown_code');
    else scope.push(item as ShareItem);
  }
  if (!purpose || !giver || !recipient || !isTimestamp(r.dateTime)) return null;
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.consent),
    givenByEntry: giver.index,
    purpose,
    recipient,
    scope: scopeNote === null ? scope : null,
    scopeNote,
    givenAt: r.dateTime,
    validUntil: typeof validUntil === 'string' ? validUntil : null,
    withdrawnAt: typeof withdrawn === 'string' ? withdrawn : null,
  };
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
    content: { sourceSystem: sourceSystem(index), contacts: [...contacts.values()], agreements, consents },
  };
}
