import type { DueScreening } from '@nestwerk/contract';
import { dueScreeningMoment } from '@nestwerk/engine';
import { type CaregiverRole, SCREENED_ROLES } from '@nestwerk/knowledge';
import type { PersonRow } from '../repositories/persons.ts';

/** What the schedule needs of a person: who they are, and for a child when it is (or was) due or born. */
export type SchedulePerson = Pick<PersonRow, 'id' | 'kind' | 'caregiver_role'> &
  Partial<Pick<PersonRow, 'birth_date' | 'due_date'>>;

export function isScreened(p: Pick<PersonRow, 'kind' | 'caregiver_role'>): boolean {
  return p.kind === 'caregiver' && p.caregiver_role !== null && SCREENED_ROLES.includes(p.caregiver_role);
}

/** Schedule moments due or overdue today for each screened parent, for every child in the perinatal period. */
export function dueScreenings(
  persons: readonly SchedulePerson[],
  screenings: readonly { person_id: string; date: string }[],
  today: string,
): DueScreening[] {
  const out: DueScreening[] = [];
  const seen = new Set<string>();
  const children = persons.filter((p) => p.kind === 'child');
  for (const parent of persons.filter(isScreened)) {
    const dates = screenings.filter((s) => s.person_id === parent.id).map((s) => s.date);
    for (const child of children) {
      const due = dueScreeningMoment(
        { birthDate: child.birth_date ?? null, dueDate: child.due_date ?? null },
        dates,
        today,
      );
      if (!due) continue;
      const key = `${parent.id}|${due.moment}|${due.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        personId: parent.id,
        role: parent.caregiver_role ?? 'other',
        childId: child.id,
        moment: due.moment,
        status: due.status,
        from: due.from,
        to: due.to,
      });
    }
  }
  return out;
}

/** The family file's screenings: per screened parent (and anyone screened since), newest first. */
export function groupScreenings<T extends { personId: string }>(
  persons: readonly PersonRow[],
  screenings: readonly T[],
): { personId: string; role: CaregiverRole; screenings: T[] }[] {
  return persons
    .filter((p) => p.kind === 'caregiver' && (isScreened(p) || screenings.some((s) => s.personId === p.id)))
    .map((p) => ({
      personId: p.id,
      role: p.caregiver_role ?? 'other',
      screenings: screenings.filter((s) => s.personId === p.id),
    }));
}
