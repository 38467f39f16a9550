import type {
  PortalAccessLogEntry,
  PortalAgreement,
  PortalConsent,
  PortalMe,
  PortalRecord,
  PortalTips,
} from '@nestwerk/contract';
import { completedMonths } from '@nestwerk/engine/calendar';
import { knowledge } from '@nestwerk/knowledge';
import { presentPortalAccess, presentPortalConsent } from '../../presenters/portal.ts';
import type { AgreementRow } from '../../repositories/agreements.ts';
import { listAgreements } from '../../repositories/agreements.ts';
import { listConsents } from '../../repositories/consents.ts';
import { listContactSummaries } from '../../repositories/contacts.ts';
import type { Db } from '../../repositories/db.ts';
import { listPersons } from '../../repositories/persons.ts';
import { countPortalAccessLog, heldBackOf, portalAccessLog } from '../../repositories/portal.ts';
import { listFamilyReferrals } from '../../repositories/referrals.ts';
import type { ParentContext } from './parent-context.ts';
import { parentRead } from './parent-context.ts';

function tipsFor(ageMonths: number): PortalTips | null {
  const band = knowledge.parentTips.find(
    (b) =>
      ageMonths >= b.ages.minMonths && (b.ages.belowMonths === undefined || ageMonths < b.ages.belowMonths),
  );
  return band ? { band: band.band, title: band.title, tips: band.tips } : null;
}

function presentAgreement(a: AgreementRow): PortalAgreement {
  return {
    id: a.id,
    text: a.text,
    status: a.status,
    followUpDue: a.follow_up_due,
    createdAt: a.created_at,
  };
}

async function hidden(trx: Db, familyId: string) {
  const rows = await heldBackOf(trx, familyId);
  const of = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.subject_id));
  return { contacts: of('contact'), agreements: of('agreement'), referrals: of('referral') };
}

export function portalMe(ctx: ParentContext, parent: PortalMe['parent']): Promise<PortalMe> {
  const { familyId } = ctx.parent;
  return parentRead(ctx, 'portal.me.read', async (trx) => {
    const family = await trx
      .selectFrom('families as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.id', 'f.name', 'o.name as organisation_name', 'o.phone', 'o.region'])
      .where('f.id', '=', familyId)
      .executeTakeFirstOrThrow();
    const persons = await listPersons(trx, familyId);
    const held = await hidden(trx, familyId);
    const next = (await listAgreements(trx, familyId))
      .filter(
        (a) =>
          a.status === 'open' &&
          a.follow_up_due !== null &&
          a.follow_up_due >= ctx.today &&
          !held.agreements.has(a.id),
      )
      .sort((a, b) => (a.follow_up_due ?? '').localeCompare(b.follow_up_due ?? ''))[0];
    const contactChild = next?.contact_id
      ? await trx
          .selectFrom('contacts')
          .select('child_id')
          .where('id', '=', next.contact_id)
          .executeTakeFirst()
      : undefined;
    return {
      parent,
      family: { id: family.id, name: family.name },
      region: family.region,
      organisation: { name: family.organisation_name, phone: family.phone },
      children: persons
        .filter((p) => p.kind === 'child')
        .map((c) => {
          const ageMonths = c.birth_date ? completedMonths(c.birth_date, ctx.today) : null;
          return {
            id: c.id,
            givenName: c.given_name,
            familyName: c.family_name,
            birthDate: c.birth_date,
            dueDate: c.due_date,
            ageMonths,
            tips: ageMonths === null ? null : tipsFor(ageMonths),
          };
        }),
      nextAppointment: next?.follow_up_due
        ? { date: next.follow_up_due, childId: contactChild?.child_id ?? null, agreementText: next.text }
        : null,
    };
  });
}

export function portalRecord(ctx: ParentContext): Promise<PortalRecord> {
  const { familyId } = ctx.parent;
  return parentRead(ctx, 'portal.record.read', async (trx) => {
    const held = await hidden(trx, familyId);
    const persons = await listPersons(trx, familyId);
    const agreements = (await listAgreements(trx, familyId)).filter((a) => !held.agreements.has(a.id));
    const contacts = (await listContactSummaries(trx, familyId)).filter(
      (c) => c.status === 'final' && !held.contacts.has(c.id),
    );
    const referrals = (await listFamilyReferrals(trx, familyId)).filter(
      (r) => r.status !== 'draft' && !held.referrals.has(r.id),
    );
    return {
      household: persons.map((p) => ({
        id: p.id,
        kind: p.kind,
        givenName: p.given_name,
        familyName: p.family_name,
        role: p.caregiver_role,
        birthDate: p.birth_date,
        dueDate: p.due_date,
      })),
      contacts: contacts.map((c) => ({
        id: c.id,
        date: c.date,
        childId: c.child_id,
        type: c.type,
        agreedBand: c.agreed_band,
        agreements: agreements.filter((a) => a.contact_id === c.id).map(presentAgreement),
      })),
      agreements: agreements.map(presentAgreement),
      referrals: referrals.map((r) => ({
        id: r.id,
        childId: r.child_id,
        partner: r.partner_name,
        status: r.status,
        sentAt: r.sent_at,
        consentWithdrawn: r.consent_withdrawn_at !== null,
        updatedAt: r.updated_at,
      })),
    };
  });
}

export function portalAccessLogPage(
  ctx: ParentContext,
  page: { offset: number; limit: number },
): Promise<{ items: PortalAccessLogEntry[]; total: number }> {
  const { familyId, parentId } = ctx.parent;
  return parentRead(
    ctx,
    'portal.access_log.read',
    async (trx) => {
      const rows = await portalAccessLog(trx, familyId, parentId, page);
      return {
        items: rows.map((r) => presentPortalAccess(r, parentId)),
        total: await countPortalAccessLog(trx, familyId, parentId),
      };
    },
    { offset: page.offset },
  );
}

/** The consents this parent gave; the other parent's are theirs to see. */
export function portalConsents(ctx: ParentContext): Promise<{ items: PortalConsent[] }> {
  return parentRead(ctx, 'portal.consents.read', async (trx) => {
    const rows = (await listConsents(trx, ctx.parent.familyId)).filter(
      (c) => c.given_by === ctx.parent.personId,
    );
    return { items: rows.map((c) => presentPortalConsent(c, ctx.today)) };
  });
}
