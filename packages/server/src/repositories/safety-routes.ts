import type { Insertable, Selectable } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { SafetyRouteStepTable, SafetyRouteTable } from '../db/schema.ts';
import { type Db, updatedOne } from './db.ts';

export type SafetyRouteRow = Selectable<SafetyRouteTable>;
export type SafetyRouteStepRow = Selectable<SafetyRouteStepTable>;

export async function insertSafetyRoute(db: Db, row: Insertable<SafetyRouteTable>): Promise<void> {
  await db.insertInto('safety_routes').values(row).execute();
}

export function findSafetyRoute(db: Db, id: string): Promise<SafetyRouteRow | undefined> {
  return db.selectFrom('safety_routes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSafetyRouteFamilyId(db: Db, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('safety_routes')
    .select('family_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.family_id;
}

export function findOpenSafetyRoute(db: Db, familyId: string): Promise<SafetyRouteRow | undefined> {
  return db
    .selectFrom('safety_routes')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** The open route, else the most recent one: what the family file shows. */
/** Precompiled: it runs on every family read. */
export function currentSafetyRouteOfFamilyQuery(db: Db, familyId: string) {
  return db
    .selectFrom('safety_routes')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('status', 'desc')
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1);
}
const currentSafetyRouteOfFamily = precompiled((db, p: { familyId: string }) =>
  currentSafetyRouteOfFamilyQuery(db, p.familyId),
);

export async function currentSafetyRoute(db: Db, familyId: string): Promise<SafetyRouteRow | undefined> {
  const [route] = await currentSafetyRouteOfFamily.execute(db, { familyId });
  return route;
}

export function listSafetyRouteSteps(db: Db, routeId: string): Promise<SafetyRouteStepRow[]> {
  return db
    .selectFrom('safety_route_steps')
    .selectAll()
    .where('route_id', '=', routeId)
    .orderBy('step')
    .execute();
}

export async function insertSafetyRouteStep(db: Db, row: Insertable<SafetyRouteStepTable>): Promise<void> {
  await db.insertInto('safety_route_steps').values(row).execute();
}

export async function closeSafetyRoute(
  db: Db,
  id: string,
  by: string,
  decisionJson: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('safety_routes')
    .set((eb) => ({
      status: 'closed' as const,
      closed_by: by,
      closed_at: now,
      decision_json: decisionJson,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return updatedOne(result);
}

export async function touchSafetyRoute(db: Db, id: string): Promise<void> {
  await db
    .updateTable('safety_routes')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
