import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './db.ts';

/** The columns both kinds of row take from `audit_log as a` unchanged, around the ones a listing replaces. */
const WHO = [
  'a.seq',
  'a.id',
  'a.at',
  'a.user_id',
  'a.user_role',
  'a.organisation_id',
  'a.on_behalf_of',
] as const;
const HOW = ['a.outcome', 'a.purpose', 'a.basis', 'a.basis_detail', 'a.client_ip'] as const;
const CHAIN = ['a.prev_hash', 'a.hash', 'a.key_id', 'a.chain_height'] as const;

/**
 * Every audit row about one family, with the columns of `audit_log`: the rows that name it (`family_id`), and
 * each list that showed it (migration 0025), as that list's row seen from this family — action
 * `<list action>.listed`, this family's id, and instead of the list's details (its search term, the other
 * families) only which list it was. A list is found through the listed-families index up to its fold mark,
 * and above the mark (the last few thousand rows, not yet folded: migration 0026) by the families its row
 * names. Lists recorded before 0025 wrote such a row themselves; all kinds read the same. Use it as a table:
 * `db.selectFrom(auditRowsOfFamily(db, id).as('a'))`.
 */
export function auditRowsOfFamily(db: Db, familyId: string) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const via = postgres
    ? sql<string>`json_build_object('via', a.action)::text`
    : sql<string>`json_object('via', a.action)`;
  const listedColumns = [sql<string | null>`null`.as('person_ids'), via.as('details_json')] as const;
  const folded = db
    .selectFrom('audit_log_listed as l')
    .innerJoin('audit_log as a', 'a.chain_height', 'l.chain_height')
    .where('l.family_id', '=', familyId)
    .select(WHO)
    .select(sql<string>`a.action || '.listed'`.as('action'))
    .select(HOW)
    .select('l.family_id')
    .select(listedColumns)
    .select(CHAIN);
  const namesFamily = postgres
    ? sql<boolean>`coalesce(a.details_json::jsonb -> 'familyIds', '[]'::jsonb) @> jsonb_build_array(${familyId}::text)`
    : sql<boolean>`exists (select 1 from json_each(a.details_json, '$.familyIds') as j where j.value = ${familyId})`;
  const notYetFolded = db
    .selectFrom('audit_log as a')
    .where('a.chain_height', '>', (eb) =>
      eb.selectFrom('audit_listed_folded').select('chain_height').where('id', '=', 1),
    )
    .where(namesFamily)
    .select(WHO)
    .select(sql<string>`a.action || '.listed'`.as('action'))
    .select(HOW)
    .select(sql<string>`cast(${familyId} as text)`.as('family_id'))
    .select(listedColumns)
    .select(CHAIN);
  return db
    .selectFrom('audit_log as a')
    .select(WHO)
    .select('a.action')
    .select(HOW)
    .select(['a.family_id', 'a.person_ids', 'a.details_json'])
    .select(CHAIN)
    .where('a.family_id', '=', familyId)
    .unionAll(folded)
    .unionAll(notYetFolded);
}
