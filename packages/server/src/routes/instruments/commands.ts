import type { Instrument, InstrumentResponseIn } from '@nestwerk/contract';
import { completedMonths, type QuestionnaireDefinition, scoreQuestionnaire } from '@nestwerk/engine';
import { type AgeRange, knowledge } from '@nestwerk/knowledge';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../../http/errors.ts';
import { presentInstrumentResult } from '../../presenters/family.ts';
import { findContact } from '../../repositories/contacts.ts';
import { insertInstrumentResponse } from '../../repositories/instrument-responses.ts';
import { findPerson } from '../../repositories/persons.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

export function listInstruments(definitions: ReadonlyMap<string, QuestionnaireDefinition>): Instrument[] {
  const known = knowledge.instruments.map((i) => ({
    id: i.id as string,
    name: i.name,
    ages: { minMonths: i.ages.minMonths, belowMonths: i.ages.belowMonths },
    itemTextsIncluded: i.itemTextsIncluded,
  }));
  const extra = [...definitions.values()]
    .filter((d) => !known.some((k) => k.id === d.id))
    .map((d) => ({
      id: d.id,
      name: d.name,
      ages: d.ages ?? null,
      itemTextsIncluded: d.items.some((it) => it.text),
    }));
  return [...known, ...extra].map((i) => ({
    ...i,
    scorable: definitions.has(i.id),
    definitionVersion: definitions.get(i.id)?.version ?? null,
  }));
}

function agesOf(def: QuestionnaireDefinition): Pick<AgeRange, 'minMonths' | 'belowMonths'> | undefined {
  return def.ages ?? knowledge.instruments.find((i) => i.id === def.id)?.ages;
}

/** Scores a filled-in questionnaire with the organisation's definition; the result is an indication only. */
export function recordInstrumentResponse(
  ctx: RequestContext,
  familyId: string,
  body: InstrumentResponseIn,
  definitions: ReadonlyMap<string, QuestionnaireDefinition>,
) {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'instrument_response.create' },
    async (trx) => {
      const def = definitions.get(body.instrumentId);
      if (!def)
        throw new HttpError(
          'unprocessable',
          'No licensed definition of this instrument is loaded in this organisation.',
          'instrumentId',
        ).because('not_licensed');
      const child = await findPerson(trx, body.childId);
      if (!child || child.family_id !== familyId || child.kind !== 'child')
        throw new HttpError('invalid_input', 'childId is not a child in this family.', 'childId').because(
          'not_in_family',
        );
      let on = ctx.today;
      if (body.contactId !== undefined) {
        const contact = await findContact(trx, body.contactId);
        if (!contact || contact.family_id !== familyId)
          throw new HttpError(
            'invalid_input',
            'contactId is not a contact of this family.',
            'contactId',
          ).because('not_in_family');
        on = contact.date;
      }
      const ages = agesOf(def);
      const months = child.birth_date ? completedMonths(child.birth_date, on) : null;
      if (ages && (months === null || months < ages.minMonths || months >= ages.belowMonths))
        throw new HttpError(
          'unprocessable',
          `${def.name} is meant for children from ${ages.minMonths} to below ${ages.belowMonths} months.`,
          'instrumentId',
        ).because('age_range', { min: ages.minMonths, below: ages.belowMonths });
      const scored = scoreQuestionnaire(def, body.answers);
      if (!scored.ok)
        throw new HttpError('invalid_input', scored.message, scored.field).because('invalid_choice');
      const id = uuid();
      const row = {
        id,
        family_id: familyId,
        child_id: child.id,
        contact_id: body.contactId ?? null,
        instrument_id: def.id,
        definition_version: def.version,
        answers_json: JSON.stringify(body.answers),
        score_json: JSON.stringify(scored.value),
        created_by: ctx.principal.userId,
        created_at: ctx.at,
      };
      await insertInstrumentResponse(trx, row);
      return {
        value: presentInstrumentResult(row),
        personIds: [child.id],
        details: { instrumentResponseId: id, instrumentId: def.id },
      };
    },
  );
}
