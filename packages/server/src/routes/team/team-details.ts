import { idListValue, inIdList } from '../../db/id-list.ts';
import { precompiled } from '../../db/precompiled.ts';
import { holdsOn } from '../../policies/family-scope.ts';
import type { Db } from '../../repositories/db.ts';
import { FEEDBACK_SETTLED } from '../../repositories/referrals.ts';

/**
 * What the team overview reads about its families beyond a worklist's details. The family ids go as one bound
 * value (db/id-list.ts): a team's caseload runs to thousands, and a statement whose text depends on how many
 * ids there are is prepared anew for every size of caseload.
 */

/**
 * Every care relationship of the families, ended and team-held ones too: the current personal ones name the
 * nurses, the earliest start of any is when the family came into care (the clock for "days without contact"
 * until a first contact). One read serves both.
 */
const relationshipsOf = precompiled((db, p: { ids: unknown }) =>
  db
    .selectFrom('care_relationships as cr')
    .leftJoin('users as u', 'u.id', 'cr.user_id')
    .select(['cr.family_id', 'cr.user_id', 'u.display_name', 'cr.start_date', 'cr.end_date'])
    .where(inIdList(db, 'cr.family_id', p.ids)),
);

/** Every parent screening of the families, oldest first: the last of a parent's is the one that counts. */
const screeningsOf = precompiled((db, p: { ids: unknown }) =>
  db
    .selectFrom('parent_screenings')
    .select(['family_id', 'person_id', 'outcome'])
    .where(inIdList(db, 'family_id', p.ids))
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id'),
);

/** Referrals sent and still waiting for the partner's feedback, the longest waiting first. */
const waitingReferralsOf = precompiled((db, p: { ids: unknown }) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .innerJoin('families as f', 'f.id', 'r.family_id')
    .select(['r.id', 'r.family_id', 'f.name', 'p.name as partner', 'r.sent_at', 'r.feedback_due'])
    .where(inIdList(db, 'r.family_id', p.ids))
    .where('r.sent_at', 'is not', null)
    .where('r.feedback_received_at', 'is', null)
    .where('r.status', 'not in', [...FEEDBACK_SETTLED])
    .orderBy('r.sent_at')
    .orderBy('r.id'),
);

export interface TeamDetails {
  /** Per family, the users holding a personal care relationship today. */
  holders: Map<string, string[]>;
  /** The display names of those users. */
  holderNames: Map<string, string>;
  /** Per family, the earliest start of any of its care relationships. */
  inCareSince: Map<string, string>;
  /** Families whose parent's latest screening came out urgent. */
  urgentScreening: Set<string>;
  waitingReferrals: Awaited<ReturnType<typeof waitingReferralsOf.execute>>;
}

export async function loadTeamDetails(
  db: Db,
  familyIds: readonly string[],
  today: string,
): Promise<TeamDetails> {
  const details: TeamDetails = {
    holders: new Map(),
    holderNames: new Map(),
    inCareSince: new Map(),
    urgentScreening: new Set(),
    waitingReferrals: [],
  };
  if (familyIds.length === 0) return details;
  const ids = idListValue(db, familyIds);
  const [relationships, screenings, referrals] = await Promise.all([
    relationshipsOf.execute(db, { ids }),
    screeningsOf.execute(db, { ids }),
    waitingReferralsOf.execute(db, { ids }),
  ]);
  for (const r of relationships) {
    const since = details.inCareSince.get(r.family_id);
    if (since === undefined || r.start_date < since) details.inCareSince.set(r.family_id, r.start_date);
    if (r.user_id === null || !holdsOn(today, r)) continue;
    const holders = details.holders.get(r.family_id);
    if (holders) holders.push(r.user_id);
    else details.holders.set(r.family_id, [r.user_id]);
    details.holderNames.set(r.user_id, r.display_name ?? '');
  }
  const latest = new Map<string, { family: string; outcome: string }>();
  for (const s of screenings) latest.set(s.person_id, { family: s.family_id, outcome: s.outcome });
  for (const s of latest.values()) if (s.outcome === 'urgent') details.urgentScreening.add(s.family);
  details.waitingReferrals = referrals;
  return details;
}
