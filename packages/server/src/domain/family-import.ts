import type { ImportResult } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { type ImportedNationalId, type ImportIssue, readFamilyBundle } from '../fhir/import-bundle.ts';
import { HttpError } from '../http/errors.ts';
import { insertCareRelationship } from '../repositories/care-relationships.ts';
import type { Db } from '../repositories/db.ts';
import { insertFamily } from '../repositories/families.ts';
import { insertPerson } from '../repositories/persons.ts';
import { writeAudit } from '../routes/shared/audit-trail.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { NO_NATIONAL_ID, nationalIdColumns, nationalIdKey } from './national-id.ts';

/**
 * A rejected Bundle: every wrong entry at once, as `issues` (path `entry.<i>`, code, and where inside the
 * resource), so the sender can fix them all; nothing is written.
 */
export class BundleRejected extends HttpError {
  constructor(readonly report: ImportIssue[]) {
    const first = report[0];
    super(
      'invalid_input',
      first
        ? `The Bundle was not imported: ${report.length} problem(s), the first in entry ${first.entry} (${first.resourceType}) at ${first.path}: ${first.code}.`
        : 'The Bundle was not imported.',
      first ? entryPath(first) : 'entry',
    );
  }

  override toBody(): Record<string, unknown> {
    return {
      ...super.toBody(),
      issues: this.report.map((i) => ({
        path: entryPath(i),
        code: i.code,
        params: { entry: i.entry, resourceType: i.resourceType, fhirPath: i.path },
      })),
    };
  }
}

const entryPath = (i: ImportIssue) => (i.entry < 0 ? 'entry' : `entry.${i.entry}`);

/** The family this organisation imported before: by a child's BSN/INSZ, else by the sender's family id. */
async function findImported(
  trx: Db,
  ctx: RequestContext,
  childKeys: string[],
  sourceFamilyId: string | null,
): Promise<string | undefined> {
  const org = ctx.principal.organisationId;
  if (childKeys.length > 0) {
    const byNumber = await trx
      .selectFrom('persons as p')
      .innerJoin('families as f', 'f.id', 'p.family_id')
      .select('f.id')
      .where('f.organisation_id', '=', org)
      .where('p.kind', '=', 'child')
      .where('p.national_id_key', 'in', childKeys)
      .orderBy('f.created_at')
      .executeTakeFirst();
    if (byNumber) return byNumber.id;
  }
  if (sourceFamilyId === null) return undefined;
  const imported = await trx
    .selectFrom('family_imports')
    .select('family_id')
    .where('organisation_id', '=', org)
    .where('source_family_id', '=', sourceFamilyId)
    .executeTakeFirst();
  if (imported) return imported.family_id;
  // A Bundle exported by this organisation itself names a family it already holds.
  const own = await trx
    .selectFrom('families')
    .select('id')
    .where('id', '=', sourceFamilyId)
    .where('organisation_id', '=', org)
    .executeTakeFirst();
  return own?.id;
}

/**
 * Creates the family of a Bundle in the importer's organisation, in one transaction (all or nothing), with a
 * care relationship for the importer (and their team) as at registration. A family imported before is not
 * created again: its id comes back with `created: false`, and the importer gains no access to it by importing.
 */
export async function importFamilyBundle(ctx: RequestContext, bundle: unknown): Promise<ImportResult> {
  const read = readFamilyBundle(bundle, ctx.today);
  if (!read.ok) throw new BundleRejected(read.issues);
  const { family } = read;
  const key = (id: ImportedNationalId) => nationalIdKey(ctx.secrets, id.digits);
  const childKeys = family.children.flatMap((c) => (c.nationalId ? [key(c.nationalId)] : []));
  const { principal, at } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findImported(trx, ctx, childKeys, family.sourceFamilyId);
    const audit = (familyId: string, personIds: string[], created: boolean) =>
      writeAudit(trx, ctx, {
        action: 'family.import',
        outcome: 'success',
        purpose: 'care',
        basis: 'care_relationship',
        basisDetail: null,
        familyId,
        personIds,
        details: { created, sourceFamilyId: family.sourceFamilyId },
      });
    if (existing) {
      await audit(existing, [], false);
      return { familyId: existing, created: false };
    }
    const familyId = uuid();
    await insertFamily(trx, {
      id: familyId,
      organisation_id: principal.organisationId,
      name: family.name,
      postcode: family.postcode,
      municipality: family.municipality,
      created_by: principal.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    const personIds: string[] = [];
    const numbered = (personId: string, id: ImportedNationalId | null) =>
      id ? nationalIdColumns(ctx.secrets, id.system, id.digits, personId, 'identifier') : NO_NATIONAL_ID;
    const blank = { created_at: at, updated_at: at, version: 1, family_id: familyId } as const;
    for (const c of family.children) {
      const id = uuid();
      personIds.push(id);
      await insertPerson(trx, {
        ...blank,
        id,
        kind: 'child',
        given_name: c.givenName,
        family_name: c.familyName,
        birth_date: c.birthDate,
        due_date: c.dueDate,
        first_child: c.firstChild === null ? null : c.firstChild ? 1 : 0,
        caregiver_role: null,
        birth_year: null,
        low_education: null,
        phone: null,
        ...numbered(id, c.nationalId),
      });
    }
    for (const c of family.caregivers) {
      const id = uuid();
      personIds.push(id);
      await insertPerson(trx, {
        ...blank,
        id,
        kind: 'caregiver',
        given_name: c.givenName,
        family_name: c.familyName,
        birth_date: null,
        due_date: null,
        first_child: null,
        caregiver_role: c.role,
        birth_year: c.birthYear,
        low_education: c.lowEducation === null ? null : c.lowEducation ? 1 : 0,
        phone: c.phone,
        ...numbered(id, c.nationalId),
      });
    }
    const relationship = {
      family_id: familyId,
      start_date: ctx.today,
      end_date: null,
      created_by: principal.userId,
      created_at: at,
    };
    await insertCareRelationship(trx, {
      ...relationship,
      id: uuid(),
      user_id: principal.userId,
      team_id: null,
    });
    if (principal.teamId !== null)
      await insertCareRelationship(trx, {
        ...relationship,
        id: uuid(),
        user_id: null,
        team_id: principal.teamId,
      });
    if (family.sourceFamilyId !== null)
      await trx
        .insertInto('family_imports')
        .values({
          id: uuid(),
          family_id: familyId,
          organisation_id: principal.organisationId,
          source_family_id: family.sourceFamilyId,
          imported_by: principal.userId,
          imported_at: at,
        })
        .execute();
    await audit(familyId, personIds, true);
    return { familyId, created: true };
  });
}
