import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import { seesTeamCaseload } from './roles.ts';

/** `mine`: my own relationships; `team`: my team's caseload; `any`: everything that grants me access. */
export type CaseloadScope = 'mine' | 'team' | 'any';

/**
 * The ids of the families a professional has an active care relationship with: start_date ≤ today and
 * (end_date null or ≥ today), held by the professional, by their team, or — for a team lead — by a member
 * of their team. Every listing (search, worklist) and every single-family check goes through this one
 * query, so the rule cannot drift between them. Organisation is checked by the caller on `families`.
 */
export function relationshipFamilyIds(
  db: Kysely<Database>,
  principal: Principal,
  today: string,
  scope: CaseloadScope = 'any',
) {
  return db
    .selectFrom('care_relationships')
    .select('care_relationships.family_id')
    .where('care_relationships.start_date', '<=', today)
    .where((eb) =>
      eb.or([eb('care_relationships.end_date', 'is', null), eb('care_relationships.end_date', '>=', today)]),
    )
    .where((eb) => {
      const holders = [];
      if (scope !== 'team') holders.push(eb('care_relationships.user_id', '=', principal.userId));
      if (scope !== 'mine' && principal.teamId !== null) {
        holders.push(eb('care_relationships.team_id', '=', principal.teamId));
        if (seesTeamCaseload(principal.role)) {
          const members = eb
            .selectFrom('users')
            .select('users.id')
            .where('users.team_id', '=', principal.teamId)
            .where('users.organisation_id', '=', principal.organisationId);
          holders.push(eb('care_relationships.user_id', 'in', members));
        }
      }
      return holders.length > 0 ? eb.or(holders) : eb.lit(false);
    });
}
