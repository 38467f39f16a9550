import type { FamilyExport } from '@nestwerk/contract';
import type { QuestionnaireScore } from '@nestwerk/engine';
import type { ExportRows } from '../repositories/family-export.ts';
import type { FamilyFile } from '../repositories/family-file.ts';
import { presentAccessLogEntry } from './access-log.ts';
import { presentContactWithAssessment } from './contact.ts';
import { presentFamily } from './family.ts';

/** Both are written by this server (answers as validated, the score from the engine), so the shapes are known. */
function parse<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** The complete record with its access history, for the parents: everything stored, and who looked at it. */
export function presentFamilyExport(
  file: FamilyFile,
  rows: ExportRows,
  ctx: { at: string; today: string; organisation: { name: string; region: 'nl' | 'be'; id: string } },
): FamilyExport {
  const {
    access: _access,
    contacts: _contacts,
    assessments: _history,
    ...family
  } = presentFamily(file, ctx.today, {
    basis: 'care_relationship',
    expiresAt: null,
  });
  const byContact = <T extends { contact_id: string | null }>(list: T[], id: string) =>
    list.filter((x) => x.contact_id === id);
  return {
    exportedAt: ctx.at,
    purpose: 'parent_request',
    organisation: { name: ctx.organisation.name, region: ctx.organisation.region },
    family,
    contacts: rows.contacts.map((c) =>
      presentContactWithAssessment(
        {
          contact: c,
          professionalName: c.professional_name,
          observations: byContact(rows.observations, c.id),
          parentFactors: rows.parentFactors.filter((f) => f.contact_id === c.id),
          assessment: rows.assessments.find((a) => a.contact_id === c.id),
          agreement: file.agreements.find((a) => a.contact_id === c.id),
        },
        ctx.today,
      ),
    ),
    instrumentResponses: file.instrumentResponses.map((r) => ({
      id: r.id,
      instrumentId: r.instrument_id,
      answers: parse<Record<string, number | null>>(r.answers_json),
      score: parse<QuestionnaireScore>(r.score_json),
      createdAt: r.created_at,
    })),
    accessHistory: rows.access.map((r) => presentAccessLogEntry(r, ctx.organisation.id)),
  };
}
