import type { Referral, SharedReferral } from '@nestwerk/contract';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { buildShared } from '../network/share.ts';
import { presentReferral } from '../presenters/referral.ts';
import { findConsent } from '../repositories/consents.ts';
import type { Db } from '../repositories/db.ts';
import { findFamily } from '../repositories/families.ts';
import { lastReminder } from '../repositories/notifications.ts';
import { findOrganisation } from '../repositories/organisations.ts';
import type { PartnerRow } from '../repositories/partners.ts';
import { listPersons } from '../repositories/persons.ts';
import {
  findReferral,
  findReferralFamilyId,
  listFeedback,
  listStatusHistory,
  type ReferralRow,
} from '../repositories/referrals.ts';
import { type DomainAuditLine, writeAudit } from '../routes/shared/audit-trail.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { notFound } from '../routes/shared/not-found.ts';

/**
 * The guards hand their work a transaction typed as a plain handle; a second audit line (the disclosure next
 * to the access) needs the transaction type. Checked, not assumed.
 */
export function asTransaction(db: Db): Transaction<Database> {
  if (!db.isTransaction) throw new Error('expected to run inside the operation’s transaction');
  return db as Transaction<Database>;
}

export function auditAlso(trx: Db, ctx: RequestContext, line: DomainAuditLine): Promise<void> {
  return writeAudit(asTransaction(trx), ctx, line);
}

export async function requireReferral(trx: Db, id: string): Promise<ReferralRow> {
  const referral = await findReferral(trx, id);
  if (!referral) throw notFound();
  return referral;
}

/**
 * A referral that may still change: not one brought in by a FHIR import. An imported referral is the sender's
 * history; sending, moving, reminding or editing it here would act on a partner on the sender's behalf.
 */
function importedReferral(trx: Db, id: string) {
  return trx
    .selectFrom('imported_records')
    .select(['source_system', 'imported_at'])
    .where('record_kind', '=', 'referral')
    .where('record_id', '=', id)
    .executeTakeFirst();
}

export async function requireLiveReferral(trx: Db, id: string): Promise<ReferralRow> {
  const referral = await requireReferral(trx, id);
  if (await importedReferral(trx, id))
    throw new HttpError(
      'conflict',
      'This referral was imported from another organisation: it is a historic record and cannot change here.',
      'status',
    ).because('imported_referral');
  return referral;
}

export async function partnerOf(trx: Db, referral: ReferralRow): Promise<PartnerRow> {
  const partner = await trx
    .selectFrom('partners')
    .selectAll()
    .where('id', '=', referral.partner_id)
    .executeTakeFirst();
  if (!partner) throw notFound();
  return partner;
}

/** Display names of the users and persons a referral mentions. */
async function names(trx: Db, userIds: string[], personIds: string[]): Promise<Map<string, string>> {
  const [users, persons] = await Promise.all([
    userIds.length
      ? trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
      : Promise.resolve([]),
    personIds.length
      ? trx
          .selectFrom('persons')
          .select(['id', 'given_name', 'family_name'])
          .where('id', 'in', personIds)
          .execute()
      : Promise.resolve([]),
  ]);
  return new Map([
    ...users.map((u) => [u.id, u.display_name] as const),
    ...persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`] as const),
  ]);
}

/** The referrer's view of one referral, with everything around it. */
export async function loadReferralOut(trx: Db, id: string, today: string): Promise<Referral> {
  const referral = await requireReferral(trx, id);
  const [partner, consent, history, feedback, family, lastReminderAt, imported] = await Promise.all([
    partnerOf(trx, referral),
    referral.consent_id ? findConsent(trx, referral.consent_id) : Promise.resolve(undefined),
    listStatusHistory(trx, id),
    listFeedback(trx, id),
    findFamily(trx, referral.family_id),
    lastReminder(trx, id),
    importedReferral(trx, id),
  ]);
  const userIds = [
    referral.referrer_id,
    referral.confirmed_by,
    referral.sent_by,
    ...history.map((h) => h.by_user_id),
    ...feedback.map((f) => f.recorded_by),
  ].filter((u): u is string => u !== null);
  const nameMap = await names(
    trx,
    [...new Set(userIds)],
    [referral.child_id, ...(consent ? [consent.given_by] : [])],
  );
  return presentReferral(
    {
      referral,
      partner,
      consent,
      history,
      feedback,
      names: nameMap,
      familyName: family?.name ?? '',
      lastReminderAt,
      imported: imported ? { organisation: imported.source_system, importedAt: imported.imported_at } : null,
    },
    today,
  );
}

/**
 * Exactly what the receiver would get if the referral were sent now: the preview, and (at send time) the
 * snapshot that is frozen into `shared_json`.
 */
export async function buildSnapshot(trx: Db, referral: ReferralRow, today: string): Promise<SharedReferral> {
  const [family, persons, referrer, organisation] = await Promise.all([
    findFamily(trx, referral.family_id),
    listPersons(trx, referral.family_id),
    trx
      .selectFrom('users')
      .select(['display_name', 'email'])
      .where('id', '=', referral.referrer_id)
      .executeTakeFirst(),
    findOrganisation(trx, referral.organisation_id),
  ]);
  const child = persons.find((p) => p.id === referral.child_id);
  if (!family || !child || !referrer || !organisation) throw notFound();
  return buildShared({
    referral,
    family,
    child,
    caregivers: persons.filter((p) => p.kind === 'caregiver'),
    referrer: { name: referrer.display_name, organisation: organisation.name, email: referrer.email },
    region: organisation.region,
    today,
  });
}

/** The family a referral belongs to, for the family guard. */
export const familyOfReferral = (id: string) => (trx: Db) => findReferralFamilyId(trx, id);
