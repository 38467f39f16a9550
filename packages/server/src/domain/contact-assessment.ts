import type { ContactIn } from '@nestwerk/contract';
import { type AssessmentInput, assess } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { HttpError } from '../http/errors.ts';
import { addDays } from '../policies/calendar.ts';
import type { Db } from '../repositories/db.ts';
import { organisationRegion } from '../repositories/organisations.ts';
import { listParentScreenings } from '../repositories/parent-screenings.ts';
import { listPersons } from '../repositories/persons.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { buildAssessmentInput } from './assessment-input.ts';
import { assessmentValues } from './contact-rows.ts';
import { contactScreenings, organisationThresholds } from './perinatal.ts';

export type Computed = { age: AssessmentInput['child']; values: ReturnType<typeof assessmentValues> };

/**
 * Checks the contact against the file and recomputes the engine's assessment on the server (authoritative).
 * The FHIR import uses it too: an imported contact's suggestion is worked out here, never taken on trust.
 */
export async function compute(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  body: ContactIn,
  /**
   * An imported contact is history: one dated before the child's birth was a visit to an unborn child, though
   * the file now holds the birth. Its age is then worked out as the sender's was, before the birth (the birth
   * date standing in for the due date, which the file no longer holds).
   */
  options: { historic?: boolean } = {},
): Promise<Computed> {
  if (body.date > addDays(ctx.today, 1))
    throw new HttpError(
      'invalid_input',
      'A contact is recorded on or after the day it took place.',
      'date',
    ).because('in_future');
  if (body.agreement?.followUpDue !== undefined && body.agreement.followUpDue < body.date)
    throw new HttpError(
      'invalid_input',
      'The follow-up lies before the contact date.',
      'agreement.followUpDue',
    ).because('date_order', { after: 'date' });
  const persons = await listPersons(trx, familyId);
  const found = persons.find((p) => p.id === body.childId && p.kind === 'child');
  const child =
    found && options.historic && found.birth_date !== null && body.date < found.birth_date
      ? { ...found, birth_date: null, due_date: found.birth_date }
      : found;
  if (!child)
    throw new HttpError('invalid_input', 'childId is not a child in this family.', 'childId').because(
      'not_in_family',
    );
  const caregivers = persons.filter((p) => p.kind === 'caregiver');
  for (const personId of Object.keys(body.parentFactors))
    if (!caregivers.some((c) => c.id === personId))
      throw new HttpError(
        'invalid_input',
        'parentFactors names someone who is not a caregiver in this family.',
        `parentFactors.${personId}`,
      ).because('not_caregiver');
  const screenings = await listParentScreenings(trx, familyId);
  const { organisationId } = ctx.principal;
  const input = buildAssessmentInput({
    region: await organisationRegion(trx, organisationId),
    child,
    caregivers,
    contact: body,
    parentFactors: body.parentFactors,
    screenings: new Map(caregivers.map((c) => [c.id, contactScreenings(screenings, c.id)])),
  });
  if (body.type === 'prenatal_visit' && 'ageMonths' in input.child)
    throw new HttpError(
      'invalid_input',
      'A prenatal visit is for a child that is not born yet.',
      'type',
    ).because('prenatal_born');
  // An imported contact is the sender's history and is taken as it was recorded.
  if ('gestationWeeks' in input.child && !options.historic) refuseAfterBirth(body);
  const perinatal = await organisationThresholds(trx, organisationId);
  return { age: input.child, values: assessmentValues(input, assess(input, knowledge, { perinatal }), body) };
}

/**
 * Tabel 2.1's cues describe parent and child together, and two referral criteria are about the child itself
 * (seed 003, Thema 3 aanbeveling 3): none of them can be observed before the birth, so a contact with an unborn
 * child cannot hold them. The form shows them only to untick what an older draft left.
 */
function refuseAfterBirth(body: ContactIn): void {
  const cue = Object.entries(body.cues).find(([, ticked]) => ticked)?.[0];
  if (cue !== undefined)
    throw new HttpError(
      'invalid_input',
      'Cues of parent and child cannot be observed before the birth.',
      `cues.${cue}`,
    ).because('after_birth');
  const criterion = knowledge.referralCriteria.find((c) => c.afterBirth && body.criteria[c.code] === true);
  if (criterion)
    throw new HttpError(
      'invalid_input',
      'This referral criterion is about the child and cannot be observed before the birth.',
      `criteria.${criterion.code}`,
    ).because('after_birth');
}

export const ageColumns = (age: AssessmentInput['child']) => ({
  child_age_months: 'ageMonths' in age ? age.ageMonths : null,
  gestation_weeks: 'gestationWeeks' in age ? age.gestationWeeks : null,
});
