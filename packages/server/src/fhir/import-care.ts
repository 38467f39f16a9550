import { isCalendarDate } from '@nestwerk/engine';
import { SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { nestwerkCode } from './import-codes.ts';
import { extension, identifier, isTimestamp, required, TEXT_MAX, text } from './import-fields.ts';
import { array, type BundleIndex, type Entry, type EntryIssues, isObject } from './import-references.ts';
import { EXTENSIONS, NESTWERK_ID_SYSTEMS } from './mapping.ts';

/**
 * Reads agreements (CarePlan) and consents (Consent) back. A consent's recipient is the partner Organization it
 * names when there is one (the caller links it to a partner this organisation knows), else just a name.
 */

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
  /** The entry of the partner Organization the consent names as recipient; null when it names only a display. */
  recipientEntry: number | null;
}

export function readCarePlan(index: BundleIndex, e: Entry, issues: EntryIssues): AgreementRead | null {
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

export function readConsent(index: BundleIndex, e: Entry, issues: EntryIssues): ConsentRead | null {
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
  const pointsAt = actor && isObject(actor.reference) ? actor.reference.reference : undefined;
  const organisation = pointsAt === undefined ? undefined : index.resolve(actor?.reference, ['Organization']);
  if (pointsAt !== undefined && !organisation)
    issues.fail('.provision.actor[0].reference', 'broken_reference');
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
    recipientEntry: organisation ? organisation.index : null,
  };
}
