import type { AdminCareRelationship } from '@nestwerk/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { addDays, localDate } from '../policies/calendar.ts';
import { holdsOn } from '../policies/family-scope.ts';
import { auditAdmin } from './account-changes.ts';
import { targetOf } from './admin-user-list.ts';

/** The care relationships an application manager sees and ends: those on families of her organisation. */
export function selectRelationships(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('care_relationships as cr')
    .innerJoin('families as f', 'f.id', 'cr.family_id')
    .where('f.organisation_id', '=', organisationId)
    .select(['cr.id', 'cr.family_id', 'cr.start_date', 'cr.end_date']);
}

function presentRelationship(
  r: { id: string; family_id: string; start_date: string; end_date: string | null },
  today: string,
): AdminCareRelationship {
  return {
    id: r.id,
    familyId: r.family_id,
    startDate: r.start_date,
    endDate: r.end_date,
    active: holdsOn(today, r),
  };
}

/**
 * Access checks hold a relationship active through its end date, so "ended now" is an end date of
 * yesterday: from this request on it grants nothing. An end date already in the past stays.
 */
export async function endRelationships(
  trx: Transaction<Database>,
  ids: readonly string[],
  today: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('care_relationships')
    .set({ end_date: addDays(today, -1) })
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endCareRelationship(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  relationshipId: string,
): Promise<{ relationship: AdminCareRelationship }> {
  const today = localDate(app.clock());
  const rel = await selectRelationships(app.db, principal.organisationId)
    .select('cr.user_id')
    .select('cr.team_id')
    .where('cr.id', '=', relationshipId)
    .executeTakeFirst();
  if (!rel) throw new HttpError('not_found', 'No such care relationship.');
  await app.db.transaction().execute(async (trx) => {
    const ended = await endRelationships(trx, [rel.id], today);
    await auditAdmin(
      trx,
      principal,
      request.ip,
      'admin.care_relationship.end',
      { relationshipId: rel.id, holderUserId: rel.user_id, holderTeamId: rel.team_id, ended: ended === 1 },
      { familyId: rel.family_id },
    );
  });
  const row = await selectRelationships(app.db, principal.organisationId)
    .where('cr.id', '=', rel.id)
    .executeTakeFirstOrThrow();
  return { relationship: presentRelationship(row, today) };
}

export async function userCareRelationships(
  app: FastifyInstance,
  principal: Principal,
  userId: string,
): Promise<{ items: AdminCareRelationship[] }> {
  const target = await targetOf(app.db, principal, userId);
  const rows = await selectRelationships(app.db, principal.organisationId)
    .where('cr.user_id', '=', target.id)
    .orderBy('cr.start_date')
    .orderBy('cr.id')
    .execute();
  const today = localDate(app.clock());
  return { items: rows.map((r) => presentRelationship(r, today)) };
}
