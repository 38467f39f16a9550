import type { ImportResult } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { type ImportedNationalId, readFamilyBundle } from '../fhir/import-bundle.ts';
import { readClinicalContent } from '../fhir/import-clinical.ts';
import { insertCareRelationship } from '../repositories/care-relationships.ts';
import type { Db } from '../repositories/db.ts';
import { insertFamily } from '../repositories/families.ts';
import { insertPerson } from '../repositories/persons.ts';
import { writeAudit } from '../routes/shared/audit-trail.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { writeClinicalContent } from './family-import-clinical.ts';
import { BundleRejected } from './family-import-rejected.ts';
import { NO_NATIONAL_ID, nationalIdColumns, nationalIdKey } from './national-id.ts';

export { BundleRejected } from './family-import-rejected.ts';

/** The entry indices of the Patients and RelatedPersons, in the order the household reader took them. */
function personEntries(bundle: Record<string, unknown>): { patients: number[]; relatedPersons: number[] } {
  const patients: number[] = [];
  const relatedPersons: number[] = [];
  const entry = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  for (const [i, e] of entry.entries()) {
    const type = (e as { resource?: { resourceType?: unknown } } | null)?.resource?.resourceType;
    if (type === 'Patient') patients.push(i);
    else if (type === 'RelatedPerson') relatedPersons.push(i);
  }
  return { patients, relatedPersons };
}

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
  // Checked as a whole before anything is written: a wrong code or reference anywhere rejects the Bundle.
  const clinical = readClinicalContent(bundle as Record<string, unknown>);
  if (!clinical.ok) throw new BundleRejected(clinical.issues);
  const { family } = read;
  const entries = personEntries(bundle as Record<string, unknown>);
  const key = (id: ImportedNationalId) => nationalIdKey(ctx.secrets, id.digits);
  const childKeys = family.children.flatMap((c) => (c.nationalId ? [key(c.nationalId)] : []));
  const { principal, at } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findImported(trx, ctx, childKeys, family.sourceFamilyId);
    const audit = (
      familyId: string,
      personIds: string[],
      created: boolean,
      imported: Record<string, string | number> = {},
    ) =>
      writeAudit(trx, ctx, {
        action: 'family.import',
        outcome: 'success',
        purpose: 'care',
        basis: 'care_relationship',
        basisDetail: null,
        familyId,
        personIds,
        details: { created, sourceFamilyId: family.sourceFamilyId, ...imported },
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
    const persons = new Map<number, string>();
    for (const [i, c] of family.children.entries()) {
      const id = uuid();
      personIds.push(id);
      persons.set(entries.patients[i] as number, id);
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
    for (const [i, c] of family.caregivers.entries()) {
      const id = uuid();
      personIds.push(id);
      persons.set(entries.relatedPersons[i] as number, id);
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
    const counts = await writeClinicalContent(trx, ctx, familyId, clinical.content, persons);
    await audit(familyId, personIds, true, { ...counts, sourceSystem: clinical.content.sourceSystem });
    return { familyId, created: true };
  });
}
