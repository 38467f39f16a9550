import { balanceTilts, type FamilyListItem, type ListBalance } from '@nestwerk/contract';
import type { FamilyListRow } from '../policies/family-list.ts';
import type { LatestContactRow, ListDetails } from '../policies/list-details.ts';
import { flag } from '../repositories/db.ts';
import { dueScreenings, type SchedulePerson } from './screening-schedule.ts';

const TILTS: readonly string[] = balanceTilts;

/** Burdens and strengths of the last assessed contact, counted; null without an assessment. */
function balanceOf(last: LatestContactRow | undefined): ListBalance | null {
  if (!last?.tilt || !TILTS.includes(last.tilt)) return null;
  return {
    hindering: Number(last.hindering_count ?? 0),
    protective: Number(last.protective_count ?? 0),
    tilt: last.tilt as ListBalance['tilt'],
  };
}

/** Rows grouped by family, each group in the order given: one pass, not one filter per listed family. */
function byFamily<T extends { family_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.family_id);
    if (group) group.push(row);
    else groups.set(row.family_id, [row]);
  }
  return groups;
}

/** Worklist and search rows: enough to recognise the family and see what is due, nothing of the file itself. */
export function presentFamilyList(
  rows: FamilyListRow[],
  details: ListDetails,
  today: string,
): FamilyListItem[] {
  const children = byFamily(details.children);
  const parents = byFamily(details.parents);
  const screenings = byFamily(details.screenings);
  const latest = new Map(details.latest.map((l) => [l.family_id, l]));
  const overdueFeedback = new Map<string, number>();
  for (const a of details.network.awaitingFeedback)
    if (a.feedback_due < today) overdueFeedback.set(a.family_id, (overdueFeedback.get(a.family_id) ?? 0) + 1);
  const openRoutes = new Map(details.network.openRoutes.map((o) => [o.family_id, o]));
  const urgentScreening = new Set(details.urgentScreenings);
  const screeningsDue = new Map<string, number>();
  for (const r of rows) {
    // Fields copied one by one: spreading a database row costs several times more (≈ 1.5 µs a row).
    const persons: SchedulePerson[] = [];
    for (const c of children.get(r.id) ?? [])
      persons.push({
        id: c.id,
        kind: 'child',
        caregiver_role: null,
        birth_date: c.birth_date,
        due_date: c.due_date,
      });
    for (const p of parents.get(r.id) ?? [])
      persons.push({ id: p.id, kind: 'caregiver', caregiver_role: p.caregiver_role });
    screeningsDue.set(r.id, dueScreenings(persons, screenings.get(r.id) ?? [], today).length);
  }
  return rows.map((r) => {
    const last = latest.get(r.id);
    const route = openRoutes.get(r.id);
    const overdueCount = overdueFeedback.get(r.id) ?? 0;
    const balance = balanceOf(last);
    return {
      familyId: r.id,
      name: r.name,
      children: (children.get(r.id) ?? []).map((c) => ({
        id: c.id,
        givenName: c.given_name,
        birthDate: c.birth_date,
        dueDate: c.due_date,
      })),
      nextFollowUp: r.next_follow_up,
      overdue: r.next_follow_up !== null && r.next_follow_up < today,
      flags: {
        // Two or more burdens is cumulative risk (the guideline), but strengths that outweigh them do not make
        // the family one to see first: the worklist then shows the balance, not a warning.
        cumulativeRisk: flag(last?.cumulative_risk) && balance?.tilt !== 'strength_outweighs',
        // Either the engine's suggestion or the agreed estimate: a team lead should not miss one.
        problematicSuspected:
          last?.suggested_band === 'problematic_suspected' || last?.agreed_band === 'problematic_suspected',
        // "Veiligheidsroute" means a route, exactly: signals without one are a flag of their own.
        safety: route !== undefined,
        safetySignals: route === undefined && flag(last?.safety_concern),
        urgentScreening: urgentScreening.has(r.id),
        feedbackOverdue: overdueCount > 0,
        dueToday: r.next_follow_up === today,
      },
      balance,
      lastContact: last?.date ?? null,
      overdueFeedback: overdueCount,
      screeningsDue: screeningsDue.get(r.id) ?? 0,
      safetyRoute: route
        ? { id: route.id, currentStep: Math.min(5, Number(route.steps_done ?? 0) + 1) }
        : null,
    };
  });
}
