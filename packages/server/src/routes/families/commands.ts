import type {
  CreateFamilyIn,
  FamilyFile as FamilyFileOut,
  FamilyListItem,
  FamilySearchIn,
  PatchFamilyIn,
} from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import {
  NO_NATIONAL_ID,
  nationalIdColumns,
  nationalIdSystemOf,
  searchByNationalId,
} from '../../domain/national-id.ts';
import { caregiverRow, checkBirthYear, checkChildDates, childRow } from '../../domain/person-rows.ts';
import { listFamilyPage } from '../../policies/family-list.ts';
import { loadListDetails } from '../../policies/list-details.ts';
import { holdsFamilyContent } from '../../policies/roles.ts';
import { presentFamily } from '../../presenters/family.ts';
import { presentFamilyList } from '../../presenters/family-list.ts';
import { insertCareRelationship } from '../../repositories/care-relationships.ts';
import type { Db } from '../../repositories/db.ts';
import { type FamilyPatch, insertFamily, updateFamily } from '../../repositories/families.ts';
import { type FamilyFile, loadFamilyFile } from '../../repositories/family-file.ts';
import { organisationRegion } from '../../repositories/organisations.ts';
import { insertPerson } from '../../repositories/persons.ts';
import { writeAudit } from '../shared/audit-trail.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { type Grant, withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

async function loadFile(trx: Db, familyId: string): Promise<FamilyFile> {
  const file = await loadFamilyFile(trx, familyId);
  if (!file) throw notFound();
  return file;
}

const personIdsOf = (file: FamilyFile): string[] => file.persons.map((p) => p.id);

/** Registers a family and gives its creator a care relationship from today, so they can go on working with it. */
export async function createFamily(ctx: RequestContext, input: CreateFamilyIn): Promise<FamilyFileOut> {
  await requireRoleFor(ctx, holdsFamilyContent, 'family.create');
  for (const [i, c] of input.children.entries()) checkChildDates(c, ctx.today, `children.${i}`);
  for (const [i, c] of input.caregivers.entries())
    checkBirthYear(c.birthYear, ctx.today, `caregivers.${i}.birthYear`);
  const { principal, at } = ctx;
  const familyId = uuid();
  return ctx.db.transaction().execute(async (trx) => {
    await insertFamily(trx, {
      id: familyId,
      organisation_id: principal.organisationId,
      name: input.name,
      postcode: input.postcode ?? null,
      municipality: input.municipality ?? null,
      created_by: principal.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    const system = nationalIdSystemOf(await organisationRegion(trx, principal.organisationId));
    const idColumns = (personId: string, digits: string | undefined, field: string) =>
      digits === undefined ? NO_NATIONAL_ID : nationalIdColumns(ctx.secrets, system, digits, personId, field);
    for (const [i, c] of input.children.entries()) {
      const id = uuid();
      await insertPerson(trx, {
        ...childRow(id, familyId, c, at),
        ...idColumns(id, c.nationalId, `children.${i}.nationalId`),
      });
    }
    for (const [i, c] of input.caregivers.entries()) {
      const id = uuid();
      await insertPerson(trx, {
        ...caregiverRow(id, familyId, c, at),
        ...idColumns(id, c.nationalId, `caregivers.${i}.nationalId`),
      });
    }
    await insertCareRelationship(trx, {
      id: uuid(),
      family_id: familyId,
      user_id: principal.userId,
      team_id: null,
      start_date: ctx.today,
      end_date: null,
      created_by: principal.userId,
      created_at: at,
    });
    // The family belongs to the team's caseload too, so a colleague (the team's physician, a stand-in) can
    // pick it up without emergency access.
    if (principal.teamId !== null) {
      await insertCareRelationship(trx, {
        id: uuid(),
        family_id: familyId,
        user_id: null,
        team_id: principal.teamId,
        start_date: ctx.today,
        end_date: null,
        created_by: principal.userId,
        created_at: at,
      });
    }
    const file = await loadFile(trx, familyId);
    await writeAudit(trx, ctx, {
      action: 'family.create',
      outcome: 'success',
      purpose: 'care',
      basis: 'care_relationship',
      basisDetail: null,
      familyId,
      personIds: personIdsOf(file),
      details: null,
    });
    return presentFamily(file, ctx.today, { basis: 'care_relationship', expiresAt: null });
  });
}

const accessOf = (g: Grant) => ({ basis: g.basis, expiresAt: g.expiresAt });

export function readFamily(ctx: RequestContext, familyId: string): Promise<FamilyFileOut> {
  return withFamily(
    ctx,
    { family: familyId, action: 'read', audit: 'family.read', readsFile: true },
    async (trx, grant, read) => {
      const file = read ?? (await loadFile(trx, familyId));
      return { value: presentFamily(file, ctx.today, accessOf(grant)), personIds: personIdsOf(file) };
    },
  );
}

export function patchFamily(
  ctx: RequestContext,
  familyId: string,
  input: PatchFamilyIn,
): Promise<FamilyFileOut> {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'family.update' },
    async (trx, grant) => {
      const patch: FamilyPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.postcode !== undefined) patch.postcode = input.postcode;
      if (input.municipality !== undefined) patch.municipality = input.municipality;
      if (!(await updateFamily(trx, familyId, input.version, patch, ctx.at)))
        throw conflict('family', presentFamily(await loadFile(trx, familyId), ctx.today, accessOf(grant)));
      const file = await loadFile(trx, familyId);
      return {
        value: presentFamily(file, ctx.today, accessOf(grant)),
        details: { fields: Object.keys(patch) },
      };
    },
  );
}

/**
 * Search by family name, child's name or birth/due date, over the user's caseload (care relationships). A file
 * opened under emergency access is reached by its id, not listed: the basis of a search stays unambiguous.
 */
export async function searchFamilies(
  ctx: RequestContext,
  input: FamilySearchIn,
): Promise<{ items: FamilyListItem[]; total: number }> {
  await requireRoleFor(ctx, holdsFamilyContent, 'family.search');
  return readAudited(
    ctx,
    { audit: 'family.search', purpose: 'care', basis: 'care_relationship' },
    async (trx) => {
      const byNumber = searchByNationalId(ctx.secrets, input.q);
      const page = await listFamilyPage(trx, {
        principal: ctx.principal,
        today: ctx.today,
        scope: 'any',
        q: input.q,
        nationalIdKey: byNumber.nationalIdKey,
        due: 'all',
        offset: input.offset,
        limit: input.limit,
      });
      const ids = page.rows.map((r) => r.id);
      const details = await loadListDetails(trx, ids, ctx.today);
      return {
        value: { items: presentFamilyList(page.rows, details, ctx.today), total: page.total },
        details: { query: byNumber.auditQuery, total: page.total },
        listedFamilyIds: ids,
      };
    },
  );
}
