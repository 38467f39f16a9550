import type { FamilyListItem, TeamOverview } from '@nestwerk/contract';
import { daysBetween } from '@nestwerk/engine';
import { addDays, localDay } from '../../policies/calendar.ts';
import { type FamilyListRow, listFamilyPage } from '../../policies/family-list.ts';
import { loadListDetails } from '../../policies/list-details.ts';
import { seesTeamCaseload } from '../../policies/roles.ts';
import { presentFamilyList } from '../../presenters/family-list.ts';
import type { Db } from '../../repositories/db.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';
import { loadTeamDetails } from './team-details.ts';

/**
 * One overview covers a team's whole caseload (8 nurses of ≈ 400 families each), read by one statement: the
 * figures per nurse and per flag are counted over every family, never over the first page of them. Only a
 * caseload beyond this (no team is near it) is cut, to the most urgent families, and `total` then says so.
 */
const MAX_TEAM_FAMILIES = 20_000;
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
  const [members, team] = await Promise.all([
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
    loadTeamDetails(trx, ids, today),
  ]);
  const names = new Map([
    ...team.holderNames,
    ...members.map((m): [string, string] => [m.id, m.display_name]),
  ]);

  const families = items.map((item: FamilyListItem) => {
    const born = item.children.filter((c) => c.birthDate !== null);
    const youngest = born.reduce<string | null>(
      (acc, c) => (acc === null || (c.birthDate ?? '') > acc ? c.birthDate : acc),
      null,
    );
    const since = item.lastContact ?? team.inCareSince.get(item.familyId) ?? null;
    const daysWithoutContact = since === null ? null : Math.max(0, daysBetween(since, today));
    const contactOverdue =
      youngest !== null &&
      daysWithoutContact !== null &&
      daysWithoutContact > contactGapDays(monthsOld(youngest, today));
    return {
      familyId: item.familyId,
      name: item.name,
      nurseIds: team.holders.get(item.familyId) ?? [],
      nextFollowUp: item.nextFollowUp,
      overdue: item.overdue,
      lastContact: item.lastContact,
      daysWithoutContact,
      contactOverdue,
      safetyRouteOpen: item.safetyRoute !== null,
      urgentScreening: team.urgentScreening.has(item.familyId),
      overdueFeedback: item.overdueFeedback,
      screeningsDue: item.screeningsDue,
    };
  });
  const weekAhead = addDays(today, 7);
  const nurseIds = [...new Set([...members.map((m) => m.id), ...team.holderNames.keys()])];
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
    waitingReferrals: team.waitingReferrals.map((r) => {
      const sentOn = r.sent_at ? localDay(r.sent_at) : null;
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
