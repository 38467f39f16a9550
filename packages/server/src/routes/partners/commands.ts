import type { Partner, PartnerIn, PartnerPatchIn, PartnerQueryIn } from '@nestwerk/contract';
import { knowledge, type PartnerKind } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import { managesSocialMap, readsSocialMap } from '../../policies/referrals.ts';
import { presentPartner } from '../../presenters/partner.ts';
import type { Db } from '../../repositories/db.ts';
import {
  insertPartner,
  loadPartner,
  type PartnerPatch,
  type PartnerRecord,
  replacePartnerLists,
  searchPartners,
  updatePartner,
  withLists,
} from '../../repositories/partners.ts';
import { requireRoleFor, writeAudited } from '../shared/audited.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { notFound } from '../shared/not-found.ts';
import { checkPartner, partnerRow } from './rows.ts';

const ADMIN = { purpose: 'administration', basis: 'admin' } as const;

async function load(db: Db, ctx: RequestContext, id: string): Promise<PartnerRecord> {
  const partner = await loadPartner(db, ctx.principal.organisationId, id);
  if (!partner) throw notFound();
  return partner;
}

/** The kinds of partner with their labels and sources (knowledge), for filters and forms. */
export function listPartnerKinds(): { items: PartnerKind[] } {
  return { items: knowledge.partnerKinds };
}

/** Search and filter the organisation's social map. Organisation data, not family data: not audited. */
export async function findPartners(
  ctx: RequestContext,
  query: PartnerQueryIn,
): Promise<{ items: Partner[]; total: number }> {
  await requireRoleFor(ctx, readsSocialMap, 'partner.search');
  const { hits, total } = await searchPartners(ctx.db, {
    organisationId: ctx.principal.organisationId,
    country: query.country,
    region: query.region,
    municipality: query.municipality,
    kind: query.kind,
    interventions: query.intervention ? [query.intervention] : undefined,
    text: query.q,
    includeArchived: query.archived === 'include' && managesSocialMap(ctx.principal.role),
    offset: query.offset,
    limit: query.limit,
  });
  const records = await withLists(
    ctx.db,
    hits.map((h) => h.row),
  );
  return { items: records.map(presentPartner), total };
}

export async function readPartner(ctx: RequestContext, id: string): Promise<Partner> {
  await requireRoleFor(ctx, readsSocialMap, 'partner.read');
  return presentPartner(await load(ctx.db, ctx, id));
}

export async function createPartner(ctx: RequestContext, input: PartnerIn): Promise<Partner> {
  await requireRoleFor(ctx, managesSocialMap, 'partner.create');
  const id = uuid();
  return writeAudited(ctx, { audit: 'partner.create', ...ADMIN }, async (trx) => {
    await checkPartner(
      trx,
      {
        kind: input.kind,
        country: input.country,
        nestwerkOrganisationId: input.registration.nestwerkOrganisationId ?? null,
      },
      { kind: 'kind', nestwerk: 'registration.nestwerkOrganisationId' },
    );
    const { principal } = ctx;
    await insertPartner(
      trx,
      partnerRow(input, { id, organisationId: principal.organisationId, userId: principal.userId }, ctx.at),
      input.municipalities,
      input.interventions,
    );
    return { value: presentPartner(await load(trx, ctx, id)), details: { partnerId: id, name: input.name } };
  });
}

function patchOf(input: PartnerPatchIn): PartnerPatch {
  const patch: PartnerPatch = {};
  const set = <K extends keyof PartnerPatch>(key: K, value: PartnerPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set('name', input.name);
  set('kind', input.kind);
  set('country', input.country);
  set('region', input.region);
  set('address', input.address);
  set('phone', input.phone);
  set('email', input.email);
  set('website', input.website);
  set('intake_phone', input.registration?.phone);
  set('intake_email', input.registration?.email);
  set('nestwerk_organisation_id', input.registration?.nestwerkOrganisationId);
  set('registration_note', input.registration?.note);
  set('feedback_days', input.agreements?.feedbackDays);
  set('data_exchange', input.agreements?.dataExchange);
  set('reachability', input.reachability);
  set('note', input.note);
  return patch;
}

export async function patchPartner(ctx: RequestContext, id: string, input: PartnerPatchIn): Promise<Partner> {
  await requireRoleFor(ctx, managesSocialMap, 'partner.update');
  return writeAudited(ctx, { audit: 'partner.update', ...ADMIN }, async (trx) => {
    const current = await load(trx, ctx, id);
    const patch = patchOf(input);
    await checkPartner(
      trx,
      {
        kind: (patch.kind ?? current.kind) as PartnerIn['kind'],
        country: patch.country ?? current.country,
        nestwerkOrganisationId:
          patch.nestwerk_organisation_id === undefined
            ? current.nestwerk_organisation_id
            : patch.nestwerk_organisation_id,
      },
      { kind: input.kind ? 'kind' : 'country', nestwerk: 'registration.nestwerkOrganisationId' },
    );
    if (!(await updatePartner(trx, id, input.version, patch, ctx.at)))
      throw conflict('partner', presentPartner(current));
    await replacePartnerLists(trx, id, {
      municipalities: input.municipalities,
      interventions: input.interventions,
    });
    const fields = [
      ...Object.keys(patch),
      ...(input.municipalities ? ['municipalities'] : []),
      ...(input.interventions ? ['interventions'] : []),
    ];
    return { value: presentPartner(await load(trx, ctx, id)), details: { partnerId: id, fields } };
  });
}

/**
 * Removing a partner archives it: referrals and care networks that name it keep their history; it no longer
 * shows in searches or as a referral option. Archiving twice is harmless.
 */
export async function archivePartner(ctx: RequestContext, id: string): Promise<Partner> {
  await requireRoleFor(ctx, managesSocialMap, 'partner.archive');
  return writeAudited(ctx, { audit: 'partner.archive', ...ADMIN }, async (trx) => {
    const current = await load(trx, ctx, id);
    if (current.archived_at === null)
      await updatePartner(trx, id, current.version, { archived_at: ctx.at }, ctx.at);
    return { value: presentPartner(await load(trx, ctx, id)), details: { partnerId: id } };
  });
}
