import { flag } from '../repositories/db.ts';
import type { FamilyListRow, ListDetails } from '../repositories/family-list.ts';

export interface FamilyListItemOut {
  familyId: string;
  name: string;
  children: Array<{ id: string; givenName: string; birthDate: string | null; dueDate: string | null }>;
  nextFollowUp: string | null;
  overdue: boolean;
  flags: { cumulativeRisk: boolean; problematicSuspected: boolean; safety: boolean };
  lastContact: string | null;
}

/** Worklist and search rows: enough to recognise the family and see what is due, nothing of the file itself. */
export function presentFamilyList(
  rows: FamilyListRow[],
  details: ListDetails,
  today: string,
): FamilyListItemOut[] {
  const children = new Map<string, ListDetails['children']>();
  for (const c of details.children) {
    const list = children.get(c.family_id);
    if (list) list.push(c);
    else children.set(c.family_id, [c]);
  }
  const latest = new Map(details.latest.map((l) => [l.family_id, l]));
  return rows.map((r) => {
    const last = latest.get(r.id);
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
        cumulativeRisk: flag(last?.cumulative_risk),
        // Either the engine's suggestion or the agreed estimate: a team lead should not miss one.
        problematicSuspected:
          last?.suggested_band === 'problematic_suspected' || last?.agreed_band === 'problematic_suspected',
        safety: flag(last?.safety_concern),
      },
      lastContact: last?.date ?? null,
    };
  });
}
