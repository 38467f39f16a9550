import type { Person, PersonIn, PersonPatchIn, RevealedNationalId } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { openNationalId } from '../../db/national-id-seal.ts';
import { NO_NATIONAL_ID, nationalIdColumns, nationalIdSystemOf } from '../../domain/national-id.ts';
import { caregiverRow, checkBirthYear, checkChildDates, childRow } from '../../domain/person-rows.ts';
import { HttpError } from '../../http/errors.ts';
import { presentPerson } from '../../presenters/person.ts';
import type { Db } from '../../repositories/db.ts';
import { organisationRegion } from '../../repositories/organisations.ts';
import {
  findPerson,
  insertPerson,
  type PersonPatch,
  type PersonRow,
  updatePerson,
} from '../../repositories/persons.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

export function addPerson(ctx: RequestContext, familyId: string, input: PersonIn): Promise<Person> {
  if (input.kind === 'child') checkChildDates(input, ctx.today, '');
  else checkBirthYear(input.birthYear, ctx.today, 'birthYear');
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'person.create' }, async (trx) => {
    const id = uuid();
    const { kind, ...fields } = input;
    const row =
      kind === 'child'
        ? childRow(id, familyId, { ...fields }, ctx.at)
        : caregiverRow(id, familyId, input, ctx.at);
    const numbered =
      input.nationalId === undefined
        ? NO_NATIONAL_ID
        : nationalIdColumns(ctx.secrets, await regionSystem(ctx, trx), input.nationalId, id, 'nationalId');
    await insertPerson(trx, { ...row, ...numbered });
    const saved = await findPerson(trx, id);
    if (!saved) throw notFound();
    return { value: presentPerson(saved), personIds: [id] };
  });
}

/** The number an organisation records follows its region (BSN in nl, INSZ in be). */
async function regionSystem(ctx: RequestContext, trx: Db) {
  return nationalIdSystemOf(await organisationRegion(trx, ctx.principal.organisationId));
}

const CHILD_ONLY = ['birthDate', 'dueDate', 'firstChild'] as const;
const CAREGIVER_ONLY = ['role', 'birthYear', 'lowEducation', 'phone'] as const;

/** Turns a PATCH into column values, refusing fields that do not belong to the person's kind. */
function toPatch(person: PersonRow, p: PersonPatchIn, today: string): PersonPatch {
  const foreign = person.kind === 'child' ? CAREGIVER_ONLY : CHILD_ONLY;
  for (const f of foreign)
    if (p[f] !== undefined)
      throw new HttpError('invalid_input', `A ${person.kind} has no ${f}.`, f).because('not_for_kind');
  const patch: PersonPatch = {};
  if (p.givenName !== undefined) patch.given_name = p.givenName;
  if (p.familyName !== undefined) patch.family_name = p.familyName;
  if (person.kind === 'child') {
    if (p.birthDate !== undefined) patch.birth_date = p.birthDate;
    if (p.dueDate !== undefined) patch.due_date = p.dueDate;
    if (p.firstChild !== undefined) patch.first_child = p.firstChild === null ? null : p.firstChild ? 1 : 0;
    const birth = p.birthDate !== undefined ? p.birthDate : person.birth_date;
    const due = p.dueDate !== undefined ? p.dueDate : person.due_date;
    if ((birth === null) === (due === null))
      throw new HttpError(
        'invalid_input',
        'A child has exactly one of birthDate (born) or dueDate (unborn); at birth send birthDate and dueDate: null.',
        'birthDate',
      ).because('birth_or_due');
    checkChildDates({ birthDate: p.birthDate, dueDate: p.dueDate }, today, '');
  } else {
    if (p.role !== undefined) patch.caregiver_role = p.role;
    if (p.birthYear !== undefined) patch.birth_year = p.birthYear;
    if (p.lowEducation !== undefined)
      patch.low_education = p.lowEducation === null ? null : p.lowEducation ? 1 : 0;
    if (p.phone !== undefined) patch.phone = p.phone;
    checkBirthYear(p.birthYear, today, 'birthYear');
  }
  return patch;
}

export function patchPerson(ctx: RequestContext, personId: string, input: PersonPatchIn): Promise<Person> {
  return withFamily(
    ctx,
    {
      family: (trx) => findPerson(trx, personId).then((p) => p?.family_id),
      action: 'write',
      audit: 'person.update',
    },
    async (trx) => {
      const person = await findPerson(trx, personId);
      if (!person) throw notFound();
      const patch = toPatch(person, input, ctx.today);
      if (input.nationalId === null) Object.assign(patch, NO_NATIONAL_ID);
      else if (input.nationalId !== undefined)
        Object.assign(
          patch,
          nationalIdColumns(
            ctx.secrets,
            await regionSystem(ctx, trx),
            input.nationalId,
            personId,
            'nationalId',
          ),
        );
      if (!(await updatePerson(trx, personId, input.version, patch, ctx.at)))
        throw conflict('person', presentPerson(person));
      const saved = (await findPerson(trx, personId)) ?? person;
      return { value: presentPerson(saved), personIds: [personId] };
    },
  );
}

/**
 * The whole number of one person, read on purpose ("toon"): a read of its own in the audit log, next to the
 * family read that showed only the last digits.
 */
export function revealNationalId(ctx: RequestContext, personId: string): Promise<RevealedNationalId> {
  return withFamily(
    ctx,
    {
      family: (trx) => findPerson(trx, personId).then((p) => p?.family_id),
      action: 'read',
      audit: 'person.national_id.read',
    },
    async (trx) => {
      const person = await findPerson(trx, personId);
      const opened = person ? openNationalId(ctx.secrets, person) : null;
      if (!opened) throw notFound();
      return { value: opened, personIds: [personId] };
    },
  );
}
