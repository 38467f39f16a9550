import type { AccessLogRow } from './access-log.ts';
import type { AssessmentRow } from './assessments.ts';
import type { ContactRow } from './contacts.ts';
import type { Db } from './db.ts';
import { auditRowsOfFamily } from './family-audit-rows.ts';
import type { ObservationRow } from './observations.ts';
import type { ParentFactorRow } from './parent-factors.ts';

export interface ExportRows {
  contacts: Array<ContactRow & { professional_name: string | null }>;
  observations: ObservationRow[];
  parentFactors: ParentFactorRow[];
  assessments: AssessmentRow[];
  access: AccessLogRow[];
}

/**
 * What the family read leaves out (full contacts, observations, the whole access history), in five queries;
 * four without the access history (the FHIR export carries none).
 */
export async function loadExportRows(
  db: Db,
  familyId: string,
  options: { access: boolean } = { access: true },
): Promise<ExportRows> {
  const [contacts, observations, parentFactors, assessments, access] = await Promise.all([
    db
      .selectFrom('contacts as c')
      .leftJoin('users as u', 'u.id', 'c.professional_id')
      // An imported contact names the sender's professional, who has no user here (migration 0021).
      .leftJoin('imported_records as ir', (j) =>
        j.onRef('ir.record_id', '=', 'c.id').on('ir.record_kind', '=', 'contact'),
      )
      .selectAll('c')
      .select((eb) =>
        eb
          .case()
          .when('ir.id', 'is not', null)
          .then(eb.ref('ir.source_author'))
          .else(eb.ref('u.display_name'))
          .end()
          .as('professional_name'),
      )
      .where('c.family_id', '=', familyId)
      .orderBy('c.date')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('observations as o')
      .innerJoin('contacts as c', 'c.id', 'o.contact_id')
      .selectAll('o')
      .where('c.family_id', '=', familyId)
      .orderBy('o.contact_id')
      .orderBy('o.kind')
      .orderBy('o.code')
      .execute(),
    db
      .selectFrom('parent_factor_observations as f')
      .innerJoin('contacts as c', 'c.id', 'f.contact_id')
      .selectAll('f')
      .where('c.family_id', '=', familyId)
      .orderBy('f.contact_id')
      .orderBy('f.person_id')
      .orderBy('f.code')
      .execute(),
    db.selectFrom('assessments').selectAll().where('family_id', '=', familyId).execute(),
    !options.access
      ? []
      : db
          .selectFrom(auditRowsOfFamily(db, familyId).as('a'))
          .leftJoin('users as u', 'u.id', 'a.user_id')
          .select([
            'a.seq',
            'a.at',
            'a.user_id',
            'u.display_name as user_name',
            'a.user_role',
            'a.organisation_id',
            'a.action',
            'a.outcome',
            'a.purpose',
            'a.basis',
            'a.basis_detail',
          ])
          .orderBy('a.seq')
          .execute(),
  ]);
  return { contacts, observations, parentFactors, assessments, access };
}
