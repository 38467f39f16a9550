import type {
  DueScreening,
  ParentScreening,
  ParentScreenings,
  PerinatalThresholdSetting,
  PerinatalThresholdsIn,
  ScreeningIn,
} from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import {
  dueScreenings,
  engineScreening,
  groupScreenings,
  isScreened,
  organisationThresholds,
  scoreColumns,
  screeningOutcome,
  storedAnswers,
} from '../../domain/perinatal.ts';
import { HttpError } from '../../http/errors.ts';
import { addDays } from '../../policies/calendar.ts';
import {
  presentScreening,
  presentThresholdSetting,
  type StoredScreeningResult,
} from '../../presenters/screening.ts';
import { findContactFamilyId } from '../../repositories/contacts.ts';
import type { Db } from '../../repositories/db.ts';
import { notifyUsers, teamLeadIds } from '../../repositories/notifications.ts';
import { organisationRegion } from '../../repositories/organisations.ts';
import {
  findParentScreening,
  insertParentScreening,
  listParentScreenings,
} from '../../repositories/parent-screenings.ts';
import { findPerinatalThresholds, savePerinatalThresholds } from '../../repositories/perinatal-thresholds.ts';
import { listPersons, type PersonRow } from '../../repositories/persons.ts';
import { writeAudit } from '../shared/audit-trail.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

/** Records a screening with the engine's outcome; an urgent one notifies the team lead in the same transaction. */
export function recordScreening(
  ctx: RequestContext,
  familyId: string,
  body: ScreeningIn,
): Promise<ParentScreening> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'screening.create' }, async (trx) => {
    if (body.date > addDays(ctx.today, 1))
      throw new HttpError(
        'invalid_input',
        'A screening is recorded on or after the day it took place.',
        'date',
      ).because('in_future');
    const persons = await listPersons(trx, familyId);
    const parent = persons.find((p) => p.id === body.personId);
    if (!parent || !isScreened(parent) || parent.caregiver_role === null)
      throw new HttpError(
        'invalid_input',
        'personId is not a mother, father or co-parent in this family.',
        'personId',
      ).because('not_parent');
    if (body.contactId !== undefined && (await findContactFamilyId(trx, body.contactId)) !== familyId)
      throw new HttpError('invalid_input', 'contactId is not a contact of this family.', 'contactId').because(
        'not_in_family',
      );
    const { organisationId, teamId, userId } = ctx.principal;
    const thresholds = await organisationThresholds(trx, organisationId);
    const answers = storedAnswers(body);
    const screening = engineScreening(body.instrument, answers);
    const result = screeningOutcome(
      await organisationRegion(trx, organisationId),
      parent.caregiver_role,
      screening,
      thresholds,
    );
    const id = uuid();
    const stored: StoredScreeningResult = {
      reasons: result.reasons,
      nextStep: result.nextStep,
      sources: result.sources,
      thresholds,
    };
    await insertParentScreening(trx, {
      id,
      family_id: familyId,
      person_id: parent.id,
      contact_id: body.contactId ?? null,
      instrument: body.instrument,
      date: body.date,
      answers_json: JSON.stringify(answers),
      ...scoreColumns(screening),
      outcome: result.outcome,
      result_json: JSON.stringify(stored),
      created_by: userId,
      created_at: ctx.at,
    });
    // Self-harm is never left to the next time someone opens the file: the team lead hears of it now.
    const notified = result.outcome === 'urgent' ? await teamLeadIds(trx, organisationId, teamId) : [];
    if (notified.length > 0)
      await notifyUsers(trx, notified, 'urgent_screening', { family_id: familyId }, ctx.at);
    const row = await findParentScreening(trx, id);
    if (!row) throw new Error('screening vanished inside its own transaction');
    return {
      value: presentScreening(row, parent.caregiver_role),
      personIds: [parent.id],
      details: {
        screeningId: id,
        instrument: body.instrument,
        outcome: result.outcome,
        ...(result.outcome === 'urgent' ? { urgent: true, notifiedTeamLeads: notified } : {}),
      },
    };
  });
}

/** Screenings and due moments of a family, as the family file shows them. */
export async function familyScreenings(
  db: Db,
  familyId: string,
  persons: readonly PersonRow[],
  today: string,
): Promise<{ screenings: ParentScreenings[]; dueScreenings: DueScreening[] }> {
  const rows = await listParentScreenings(db, familyId);
  const roleOf = new Map(persons.map((p) => [p.id, p.caregiver_role ?? 'other'] as const));
  const presented = rows.map((r) => presentScreening(r, roleOf.get(r.person_id) ?? 'other'));
  return {
    screenings: groupScreenings(persons, presented),
    dueScreenings: dueScreenings(persons, rows, today),
  };
}

export function listScreenings(
  ctx: RequestContext,
  familyId: string,
): Promise<{ screenings: ParentScreenings[]; dueScreenings: DueScreening[] }> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'screening.list' }, async (trx) => {
    const persons = await listPersons(trx, familyId);
    const value = await familyScreenings(trx, familyId, persons, ctx.today);
    return {
      value,
      personIds: value.screenings.map((s) => s.personId),
      details: { screenings: value.screenings.reduce((n, s) => n + s.screenings.length, 0) },
    };
  });
}

export async function readThresholds(ctx: RequestContext): Promise<PerinatalThresholdSetting> {
  const { organisationId } = ctx.principal;
  const row = await findPerinatalThresholds(ctx.db, organisationId);
  return presentThresholdSetting(await organisationThresholds(ctx.db, organisationId), row);
}

/**
 * Thresholds change what counts as a positive screen for the whole organisation: the application manager, who
 * runs the organisation's settings, and a team lead, who answers for the care, may set them; nobody else.
 */
export function setThresholds(
  ctx: RequestContext,
  body: PerinatalThresholdsIn,
): Promise<PerinatalThresholdSetting> {
  const { role, organisationId, userId } = ctx.principal;
  if (role !== 'application_manager' && role !== 'team_lead')
    throw new HttpError(
      'forbidden',
      'Only an application manager or a team lead sets the screening thresholds.',
    );
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      organisation_id: organisationId,
      thresholds_json: JSON.stringify(body),
      updated_by: userId,
      updated_at: ctx.at,
    };
    await savePerinatalThresholds(trx, row);
    await writeAudit(trx, ctx, {
      action: 'settings.perinatal_thresholds',
      outcome: 'success',
      purpose: 'administration',
      basis: 'admin',
      basisDetail: null,
      familyId: null,
      personIds: [],
      details: { thresholds: body },
    });
    return presentThresholdSetting(await organisationThresholds(trx, organisationId), row);
  });
}
