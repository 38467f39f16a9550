import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import { seesTeamCaseload } from './roles.ts';

/** `mine`: my own relationships; `team`: my team's caseload; `any`: everything that grants me access. */
export type CaseloadScope = 'mine' | 'team' | 'any';

/**
 * The rule of {@link relationshipFamilyIds} for a relationship already read: it holds from its start date
 * through its end date. For showing which relationships are current; access itself is decided by the query.
 */
export function holdsOn(today: string, r: { start_date: string; end_date: string | null }): boolean {
  return r.start_date <= today && (r.end_date === null || r.end_date >= today);
}

type FamilyIds = SelectQueryBuilder<Database, 'care_relationships', { family_id: string }>;

/**
 * The ids of the families a professional has an active care relationship with: start_date ≤ today and
 * (end_date null or ≥ today), held by the professional, by their team, or — for a team lead — by a member
 * of their team. Every listing (search, worklist) and every single-family check goes through this one
 * query, so the rule cannot drift between them. Organisation is checked by the caller on `families`.
 *
 * One branch per kind of holder, joined by UNION rather than OR: each branch then walks its own index
 * (user, team, team members), where an OR over them would scan every relationship in the region.
 * With `onlyFamily` the query is for an existence check and an id may come back once per branch that holds it.
 */
export function relationshipFamilyIds(
  db: Kysely<Database>,
  principal: Principal,
  today: string,
  scope: CaseloadScope = 'any',
  onlyFamily?: string,
): FamilyIds {
  const active = <Q extends FamilyIds>(q: Q): Q => {
    let out = q
      .where('care_relationships.start_date', '<=', today)
      .where((eb) =>
        eb.or([
          eb('care_relationships.end_date', 'is', null),
          eb('care_relationships.end_date', '>=', today),
        ]),
      ) as Q;
    if (onlyFamily !== undefined) out = out.where('care_relationships.family_id', '=', onlyFamily) as Q;
    return out;
  };
  const base = () => db.selectFrom('care_relationships').select('care_relationships.family_id');
  const branches: FamilyIds[] = [];
  if (scope !== 'team')
    branches.push(active(base().where('care_relationships.user_id', '=', principal.userId)));
  const teamId = principal.teamId;
  if (scope !== 'mine' && teamId !== null) {
    branches.push(active(base().where('care_relationships.team_id', '=', teamId)));
    if (seesTeamCaseload(principal.role)) {
      const members = db
        .selectFrom('users')
        .select('users.id')
        .where('users.team_id', '=', teamId)
        .where('users.organisation_id', '=', principal.organisationId);
      branches.push(active(base().where('care_relationships.user_id', 'in', members)));
    }
  }
  const [first, ...rest] = branches;
  if (!first) return base().where((eb) => eb.lit(false));
  // One family is an existence check (the access check's EXISTS): with UNION ALL it stops at the first branch
  // that has a row, where UNION would answer every branch and de-duplicate first (18.7 → 12.0 µs on SQLite).
  if (onlyFamily !== undefined) return rest.reduce((all, branch) => all.unionAll(branch), first);
  return rest.reduce((all, branch) => all.union(branch), first.distinct());
}
