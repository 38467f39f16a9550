import { isCalendarDate } from '@nestwerk/engine';
import type { ReferralStatus, SharingBasis } from '@nestwerk/knowledge';
import type { ImportIssue } from './import-bundle.ts';
import { nestwerkCode, nestwerkCodingCode } from './import-codes.ts';
import { extension, identifier, isTimestamp, required, TEXT_MAX, text } from './import-fields.ts';
import { array, type BundleIndex, type Entry, EntryIssues, isObject } from './import-references.ts';
import { EXTENSIONS, NESTWERK_ID_SYSTEMS } from './mapping.ts';

/**
 * Reads referrals (ServiceRequest) back as historic records, and the partner Organizations that referrals and
 * consents name. The exact referral status comes from the referral-status extension, the coarse
 * ServiceRequest.status is not trusted to carry it. Pure.
 */

export interface PartnerRead {
  entry: number;
  /** The sender's own partner id (partner-id identifier): only meaningful to the organisation that sent it. */
  sourceId: string | null;
  name: string;
}

export interface ReferralRead {
  entry: number;
  sourceId: string | null;
  childEntry: number;
  partnerEntry: number;
  /** The Consent entry a referral on the consent basis rests on (`supportingInfo`). */
  consentEntry: number | null;
  status: ReferralStatus;
  basis: SharingBasis;
  interventions: string[];
  reasonText: string | null;
  /** When it was sent, or for a draft when it was made (the export writes `sentAt ?? createdAt`). */
  authoredOn: string;
  feedbackDue: string | null;
}

/** A partner Organization as the export writes it: a name and the sender's partner id. */
export function readPartner(e: Entry, issues: EntryIssues): PartnerRead | null {
  const name = text(issues, '.name', e.resource.name, TEXT_MAX.partner);
  if (e.resource.name === undefined) issues.fail('.name', 'required');
  if (!name) return null;
  return { entry: e.index, sourceId: identifier(e.resource, NESTWERK_ID_SYSTEMS.partner), name };
}

export function readServiceRequest(index: BundleIndex, e: Entry, issues: EntryIssues): ReferralRead | null {
  const r = e.resource;
  const statusCoding = extension(r, EXTENSIONS.referralStatus)?.valueCoding;
  const status = required<ReferralStatus>(
    issues,
    '.extension(referral-status)',
    statusCoding === undefined ? undefined : nestwerkCodingCode('referral-status', statusCoding),
  );
  const basis = required<SharingBasis>(
    issues,
    '.category[0]',
    nestwerkCode('sharing-basis', array(r.category)[0]),
  );
  const interventions: string[] = [];
  const codings = isObject(r.code) ? array(r.code.coding) : [];
  for (const [i, c] of codings.entries()) {
    const code = nestwerkCodingCode('intervention', c);
    if (code) interventions.push(code);
    else issues.fail(`.code.coding[${i}]`, 'unknown_code');
  }
  const child = index.resolve(r.subject, ['Patient']);
  if (!child) issues.fail('.subject', 'broken_reference');
  const partner = index.resolve(array(r.performer)[0], ['Organization']);
  if (!partner) issues.fail('.performer[0]', 'broken_reference');
  if (!isTimestamp(r.authoredOn)) issues.fail('.authoredOn', 'invalid');
  const due = extension(r, EXTENSIONS.feedbackDue)?.valueDate;
  if (due !== undefined && (typeof due !== 'string' || !isCalendarDate(due)))
    issues.fail('.extension(referral-feedback-due)', 'invalid_date');
  const support = array(r.supportingInfo)[0];
  const consent = support === undefined ? undefined : index.resolve(support, ['Consent']);
  if (support !== undefined && !consent) issues.fail('.supportingInfo[0]', 'broken_reference');
  else if (basis === 'consent' && !consent) issues.fail('.supportingInfo', 'required');
  const reason = array(r.reasonCode).find(isObject);
  const reasonText = reason ? text(issues, '.reasonCode[0].text', reason.text, TEXT_MAX.reason) : null;
  if (!status || !basis || !child || !partner || !isTimestamp(r.authoredOn)) return null;
  return {
    entry: e.index,
    sourceId: identifier(r, NESTWERK_ID_SYSTEMS.referral),
    childEntry: child.index,
    partnerEntry: partner.index,
    consentEntry: consent ? consent.index : null,
    status,
    basis,
    interventions,
    reasonText,
    authoredOn: r.authoredOn,
    feedbackDue: typeof due === 'string' ? due : null,
  };
}

/**
 * The referrals and the partner Organizations anything points at (a referral's performer, a consent's
 * recipient). The holder's own Organization carries no partner-id and is not read here.
 */
export function readReferrals(
  index: BundleIndex,
  all: ImportIssue[],
): { referrals: ReferralRead[]; partners: PartnerRead[] } {
  const referrals = index
    .ofType('ServiceRequest')
    .flatMap((e) => readServiceRequest(index, e, new EntryIssues(e, all)) ?? []);
  const partners = index
    .ofType('Organization')
    .filter((e) => identifier(e.resource, NESTWERK_ID_SYSTEMS.partner) !== null || isPartnerByUse(index, e))
    .flatMap((e) => readPartner(e, new EntryIssues(e, all)) ?? []);
  return { referrals, partners };
}

/** An Organization from another system may lack Nestwerk's partner id: it is a partner when something points at it as one. */
function isPartnerByUse(index: BundleIndex, e: Entry): boolean {
  const same = (ref: unknown) => index.resolve(ref, ['Organization'])?.index === e.index;
  return (
    index.ofType('ServiceRequest').some((s) => same(array(s.resource.performer)[0])) ||
    index.ofType('Consent').some((c) => {
      const provision = isObject(c.resource.provision) ? c.resource.provision : {};
      const actor = array(provision.actor).find(isObject);
      return actor ? same(actor.reference) : false;
    })
  );
}
