import { isCalendarDate } from '@nestwerk/engine';
import {
  knowledge,
  PARENT_SCREENING_INSTRUMENTS,
  type ParentScreeningInstrument,
  type ScreeningOutcome,
} from '@nestwerk/knowledge';
import type { ImportIssue } from './import-bundle.ts';
import { nestwerkCode } from './import-codes.ts';
import { identifier, isTimestamp, required } from './import-fields.ts';
import {
  array,
  type BundleIndex,
  type Entry,
  EntryIssues,
  isObject,
  type Json,
  str,
} from './import-references.ts';
import { codeSystemUrl, NESTWERK_ID_SYSTEMS, questionnaireUrl } from './mapping.ts';

/**
 * Reads questionnaire results back: a parent's screening (the `parent-screening` Observation with the parent's
 * QuestionnaireResponse it is derived from) and a questionnaire about the child (the `instrument-score`
 * Observation, a component per scale, with its QuestionnaireResponse). The instrument, the outcome and the scales
 * come back through the CodeSystems the export writes them from. Pure.
 */

export interface ScreeningRead {
  entry: number;
  sourceId: string | null;
  personEntry: number;
  contactEntry: number | null;
  instrument: ParentScreeningInstrument;
  date: string;
  /** What the parent answered, in the shape stored: yes/no answers, item scores, or the total alone. */
  answers: { answers?: boolean[]; items?: number[]; total?: number; item10?: number };
  total: number | null;
  item10: number | null;
  outcome: ScreeningOutcome;
  professionalName: string | null;
}

export interface ScaleRead {
  id: string;
  label: string;
  score: number | null;
  band: string | null;
}

export interface InstrumentResultRead {
  entry: number;
  sourceId: string | null;
  childEntry: number;
  contactEntry: number | null;
  instrumentId: string;
  /** From the QuestionnaireResponse's `questionnaire` canonical; null when no answers travelled. */
  definitionVersion: string | null;
  answers: Record<string, number | null> | null;
  /** Null when the sender had no readable score (the Observation's dataAbsentReason). */
  scales: ScaleRead[] | null;
  createdAt: string;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function encounterOf(index: BundleIndex, r: Json, issues: EntryIssues): number | null {
  if (r.encounter === undefined) return null;
  const hit = index.resolve(r.encounter, ['Encounter']);
  if (!hit) issues.fail('.encounter', 'broken_reference');
  return hit ? hit.index : null;
}

/** The QuestionnaireResponse an Observation is derived from, if it names one. */
function responseOf(index: BundleIndex, r: Json, issues: EntryIssues): Entry | null {
  const derived = array(r.derivedFrom)[0];
  if (derived === undefined) return null;
  const hit = index.resolve(derived, ['QuestionnaireResponse']);
  if (!hit) issues.fail('.derivedFrom[0]', 'broken_reference');
  return hit ?? null;
}

/** The items of a parent's answers: all yes/no (Whooley) or all item scores within the instrument's range. */
function screeningAnswers(
  qr: Entry,
  instrument: ParentScreeningInstrument,
  all: ImportIssue[],
): ScreeningRead['answers'] | null {
  const issues = new EntryIssues(qr, all);
  const spec = knowledge.parentScreeningInstruments.find((p) => p.id === instrument);
  if (qr.resource.questionnaire !== questionnaireUrl(instrument)) issues.fail('.questionnaire', 'invalid');
  const items = array(qr.resource.item);
  if (!spec || items.length !== spec.items) return issues.fail('.item', 'invalid');
  const bools: boolean[] = [];
  const ints: number[] = [];
  for (const [i, item] of items.entries()) {
    const answer = isObject(item) ? array(item.answer).find(isObject) : undefined;
    if (!isObject(item) || item.linkId !== `item${i + 1}` || !answer) {
      issues.fail(`.item[${i}]`, 'invalid');
      continue;
    }
    if (instrument === 'whooley' && typeof answer.valueBoolean === 'boolean') bools.push(answer.valueBoolean);
    else if (instrument !== 'whooley' && isCount(answer.valueInteger) && answer.valueInteger <= spec.itemMax)
      ints.push(answer.valueInteger);
    else issues.fail(`.item[${i}].answer[0]`, 'invalid');
  }
  if (bools.length + ints.length !== items.length) return null;
  return instrument === 'whooley' ? { answers: bools } : { items: ints };
}

function readScreening(index: BundleIndex, e: Entry, all: ImportIssue[]): ScreeningRead | null {
  const issues = new EntryIssues(e, all);
  const r = e.resource;
  const code = required<string>(issues, '.code', nestwerkCode('instrument', r.code));
  const instrument =
    code && (PARENT_SCREENING_INSTRUMENTS as readonly string[]).includes(code)
      ? (code as ParentScreeningInstrument)
      : null;
  if (code && !instrument) issues.fail('.code', 'unknown_code');
  const parent = index.resolve(array(r.focus)[0], ['RelatedPerson']);
  if (!parent) issues.fail('.focus[0]', 'broken_reference');
  const contactEntry = encounterOf(index, r, issues);
  const date = r.effectiveDateTime;
  if (typeof date !== 'string' || !isCalendarDate(date)) issues.fail('.effectiveDateTime', 'invalid_date');
  const total = r.valueInteger === undefined ? null : isCount(r.valueInteger) ? r.valueInteger : undefined;
  if (total === undefined) issues.fail('.valueInteger', 'invalid');
  const outcome = required<ScreeningOutcome>(
    issues,
    '.interpretation[0]',
    nestwerkCode('screening-outcome', array(r.interpretation)[0]),
  );
  const item10Component = array(r.component)
    .filter(isObject)
    .find((c) => nestwerkCode('observation-kind', c.code) === 'epds-item10');
  const item10 = item10Component ? item10Component.valueInteger : null;
  if (item10 !== null && !(isCount(item10) && item10 <= 3))
    issues.fail('.component[0].valueInteger', 'invalid');
  const qr = responseOf(index, r, issues);
  const given = qr && instrument ? screeningAnswers(qr, instrument, all) : null;
  if (!instrument || !parent || !outcome || typeof date !== 'string' || total === undefined) return null;
  if (qr && !given) return null;
  const answers: ScreeningRead['answers'] =
    given ??
    (instrument === 'epds'
      ? { ...(total !== null ? { total } : {}), ...(isCount(item10) ? { item10 } : {}) }
      : total !== null
        ? { total }
        : {});
  const performer = array(r.performer).find(isObject);
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.screening),
    personEntry: parent.index,
    contactEntry,
    instrument,
    date,
    answers,
    total,
    item10: isCount(item10) ? item10 : null,
    outcome,
    professionalName: performer ? str(performer.display) : null,
  };
}

const SCALE_SYSTEM = codeSystemUrl('instrument-scale');

/** A scale's component: its code `<instrument>:<scale>` (the scales come from the licensed definition). */
function readScales(r: Json, instrumentId: string, issues: EntryIssues): ScaleRead[] | null {
  if (r.dataAbsentReason !== undefined) return null;
  const out: ScaleRead[] = [];
  for (const [i, c] of array(r.component).entries()) {
    const coding = isObject(c) && isObject(c.code) ? array(c.code.coding).find(isObject) : undefined;
    const code = coding && coding.system === SCALE_SYSTEM ? str(coding.code) : null;
    const prefix = `${instrumentId}:`;
    if (!isObject(c) || !coding || !code?.startsWith(prefix) || code.length === prefix.length) {
      issues.fail(`.component[${i}].code`, 'unknown_code');
      continue;
    }
    const quantity = isObject(c.valueQuantity) ? c.valueQuantity.value : undefined;
    if (quantity !== undefined && typeof quantity !== 'number')
      issues.fail(`.component[${i}].valueQuantity`, 'invalid');
    const band = array(c.interpretation).find(isObject);
    out.push({
      id: code.slice(prefix.length),
      label: str(coding.display) ?? code.slice(prefix.length),
      score: typeof quantity === 'number' ? quantity : null,
      band: band ? str(band.text) : null,
    });
  }
  return out;
}

function instrumentAnswers(qr: Entry, instrumentId: string, all: ImportIssue[]) {
  const issues = new EntryIssues(qr, all);
  const canonical = str(qr.resource.questionnaire) ?? '';
  const [url, version] = canonical.split('|');
  if (url !== questionnaireUrl(instrumentId) || !version) {
    issues.fail('.questionnaire', 'invalid');
    return null;
  }
  const answers: Record<string, number | null> = {};
  for (const [i, item] of array(qr.resource.item).entries()) {
    const linkId = isObject(item) ? str(item.linkId) : null;
    const answer = isObject(item) ? array(item.answer).find(isObject) : undefined;
    if (!linkId || (answer !== undefined && typeof answer.valueInteger !== 'number')) {
      issues.fail(`.item[${i}]`, 'invalid');
      continue;
    }
    answers[linkId] = answer ? (answer.valueInteger as number) : null;
  }
  return { version, answers };
}

function readInstrumentResult(index: BundleIndex, e: Entry, all: ImportIssue[]): InstrumentResultRead | null {
  const issues = new EntryIssues(e, all);
  const r = e.resource;
  const instrumentId = required<string>(issues, '.code', nestwerkCode('instrument', r.code));
  const child = index.resolve(r.subject, ['Patient']);
  if (!child) issues.fail('.subject', 'broken_reference');
  const contactEntry = encounterOf(index, r, issues);
  if (!isTimestamp(r.effectiveDateTime)) issues.fail('.effectiveDateTime', 'invalid');
  const qr = responseOf(index, r, issues);
  if (!instrumentId || !child || !isTimestamp(r.effectiveDateTime)) return null;
  const scales = readScales(r, instrumentId, issues);
  const given = qr ? instrumentAnswers(qr, instrumentId, all) : null;
  if (qr && !given) return null;
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.instrumentResponse),
    childEntry: child.index,
    contactEntry,
    instrumentId,
    definitionVersion: given ? given.version : null,
    answers: given ? given.answers : null,
    scales,
    createdAt: r.effectiveDateTime,
  };
}

/** The Nestwerk kind of an Observation (its observation-kind category), or undefined. */
export function observationKindOf(r: Json): string | null | undefined {
  for (const c of array(r.category)) {
    const kind = nestwerkCode('observation-kind', c);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

export function readResults(
  index: BundleIndex,
  all: ImportIssue[],
): { screenings: ScreeningRead[]; instrumentResults: InstrumentResultRead[] } {
  const screenings: ScreeningRead[] = [];
  const instrumentResults: InstrumentResultRead[] = [];
  for (const e of index.ofType('Observation')) {
    const kind = observationKindOf(e.resource);
    if (kind === 'parent-screening') {
      const s = readScreening(index, e, all);
      if (s) screenings.push(s);
    } else if (kind === 'instrument-score') {
      const s = readInstrumentResult(index, e, all);
      if (s) instrumentResults.push(s);
    }
  }
  return { screenings, instrumentResults };
}
