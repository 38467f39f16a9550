import type { FamilyListItem, TeamOverview } from '@nestwerk/contract';
import { daysBetween } from '@nestwerk/engine';
import { addDays } from '../../policies/calendar.ts';
import { type FamilyListRow, listFamilyPage } from '../../policies/family-list.ts';
import { loadListDetails } from '../../policies/list-details.ts';
import { seesTeamCaseload } from '../../policies/roles.ts';
import { presentFamilyList } from '../../presenters/family-list.ts';
import type { Db } from '../../repositories/db.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';

/**
 * One overview covers a team's whole caseload (8 nurses of ≈ 400 families each), read by one statement: the
 * figures per nurse and per flag are counted over every family, never over the first page of them. Only a
 * caseload beyond this (no team is near it) is cut, to the most urgent families, and `total` then says so.
 */
export const MAX_TEAM_FAMILIES = 20_000;
/**
 * The longest gap between contacts the basic JGZ schedule allows at the youngest child's age (contact moments
 * at 2 and 4 weeks, 2, 3, 4, 6, 9, 11, 14 and 18 months, then yearly; docs/indicators.md). Unborn children
 * have no fixed schedule here.
 */
export function contactGapDays(ageMonths: number): number {
  if (ageMonths < 6) return 42;
  if (ageMonths < 14) return 92;
  if (ageMonths < 24) return 183;
  return 366;
}

function monthsOld(birthDate: string, today: string): number {
  return Math.floor(daysBetween(birthDate, today) / 30.44);
}

async function teamFamilies(ctx: RequestContext, trx: Db): Promise<{ rows: FamilyListRow[]; total: number }> {
  return listFamilyPage(trx, {
    principal: ctx.principal,
    today: ctx.today,
    scope: 'team',
    q: undefined,
    due: 'all',
    offset: 0,
    limit: MAX_TEAM_FAMILIES,
  });
}

async function build(ctx: RequestContext, trx: Db): Promise<TeamOverview> {
  const today = ctx.today;
  const { rows, total } = await teamFamilies(ctx, trx);
  const ids = rows.map((r) => r.id);
  const details = await loadListDetails(trx, ids, today);
  const items = presentFamilyList(rows, details, today);
  const teamId = ctx.principal.teamId;
  const [members, relations, urgent, referrals, starts] = await Promise.all([
    teamId
      ? trx
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('team_id', '=', teamId)
          .where('role', 'in', ['nurse', 'physician'])
          .where('disabled_at', 'is', null)
          .orderBy('display_name')
          .execute()
      : Promise.resolve([]),
    ids.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('care_relationships as cr')
          .innerJoin('users as u', 'u.id', 'cr.user_id')
          .select(['cr.family_id', 'u.id', 'u.display_name'])
          .where('cr.family_id', 'in', ids)
          .where('cr.start_date', '<=', today)
          .where((eb) => eb.or([eb('cr.end_date', 'is', null), eb('cr.end_date', '>=', today)]))
          .execute(),
    ids.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('parent_screenings')
          .select(['family_id', 'person_id', 'date', 'outcome', 'created_at'])
          .where('family_id', 'in', ids)
          .orderBy('date')
          .orderBy('created_at')
          .execute(),
    ids.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('referrals as r')
          .innerJoin('partners as p', 'p.id', 'r.partner_id')
          .innerJoin('families as f', 'f.id', 'r.family_id')
          .select(['r.id', 'r.family_id', 'f.name', 'p.name as partner', 'r.sent_at', 'r.feedback_due'])
          .where('r.family_id', 'in', ids)
          .where('r.sent_at', 'is not', null)
          .where('r.feedback_received_at', 'is', null)
          .where('r.status', 'not in', ['draft', 'declined', 'closed'])
          .orderBy('r.sent_at')
          .execute(),
    ids.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('care_relationships')
          .select(['family_id'])
          .select((eb) => eb.fn.min('start_date').as('start'))
          .where('family_id', 'in', ids)
          .groupBy('family_id')
          .execute(),
  ]);
  const nursesOf = new Map<string, string[]>();
  const names = new Map(members.map((m) => [m.id, m.display_name]));
  for (const r of relations) {
    nursesOf.set(r.family_id, [...(nursesOf.get(r.family_id) ?? []), r.id]);
    if (!names.has(r.id)) names.set(r.id, r.display_name);
  }
  // The latest screening of each parent decides whether an urgent outcome is still the current one.
  const latestScreening = new Map<string, { family: string; outcome: string }>();
  for (const s of urgent) latestScreening.set(s.person_id, { family: s.family_id, outcome: s.outcome });
  const urgentFamilies = new Set(
    [...latestScreening.values()].filter((s) => s.outcome === 'urgent').map((s) => s.family),
  );
  const startOf = new Map(starts.map((s) => [s.family_id, String(s.start)]));

  const families = items.map((item: FamilyListItem) => {
    const born = item.children.filter((c) => c.birthDate !== null);
    const youngest = born.reduce<string | null>(
      (acc, c) => (acc === null || (c.birthDate ?? '') > acc ? c.birthDate : acc),
      null,
    );
    const since = item.lastContact ?? startOf.get(item.familyId) ?? null;
    const daysWithoutContact = since === null ? null : Math.max(0, daysBetween(since, today));
    const contactOverdue =
      youngest !== null &&
      daysWithoutContact !== null &&
      daysWithoutContact > contactGapDays(monthsOld(youngest, today));
    return {
      familyId: item.familyId,
      name: item.name,
      nurseIds: nursesOf.get(item.familyId) ?? [],
      nextFollowUp: item.nextFollowUp,
      overdue: item.overdue,
      lastContact: item.lastContact,
      daysWithoutContact,
      contactOverdue,
      safetyRouteOpen: item.safetyRoute !== null,
      urgentScreening: urgentFamilies.has(item.familyId),
      screeningsDue: item.screeningsDue,
    };
  });
  const weekAhead = addDays(today, 7);
  const nurseIds = [...new Set([...members.map((m) => m.id), ...relations.map((r) => r.id)])];
  const nurses = nurseIds
    .map((userId) => {
      const mine = families.filter((f) => f.nurseIds.includes(userId));
      return {
        userId,
        name: names.get(userId) ?? '',
        caseload: mine.length,
        due: mine.filter(
          (f) => f.nextFollowUp !== null && f.nextFollowUp >= today && f.nextFollowUp <= weekAhead,
        ).length,
        overdue: mine.filter((f) => f.overdue).length,
        contactOverdue: mine.filter((f) => f.contactOverdue).length,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return {
    today,
    nurses,
    families,
    total,
    waitingReferrals: referrals.map((r) => {
      const sentOn = r.sent_at?.slice(0, 10) ?? null;
      return {
        referralId: r.id,
        familyId: r.family_id,
        familyName: r.name,
        partnerName: r.partner,
        sentOn,
        feedbackDue: r.feedback_due,
        ageDays: sentOn === null ? 0 : Math.max(0, daysBetween(sentOn, today)),
        overdue: r.feedback_due !== null && r.feedback_due < today,
      };
    }),
  };
}

/** The team lead's view over the team's caseload: every family in it is listed, and audited as listed. */
export async function teamOverview(ctx: RequestContext): Promise<TeamOverview> {
  await requireRoleFor(ctx, seesTeamCaseload, 'team.overview');
  return readAudited(
    ctx,
    { audit: 'team.overview', purpose: 'care', basis: 'care_relationship' },
    async (trx) => {
      const value = await build(ctx, trx);
      const familyIds = value.families.map((f) => f.familyId);
      return { value, details: { total: familyIds.length }, listedFamilyIds: familyIds };
    },
  );
}
