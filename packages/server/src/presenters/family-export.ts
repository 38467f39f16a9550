import type { ExportRows } from '../repositories/family-export.ts';
import type { FamilyFile } from '../repositories/family-file.ts';
import type { AccessLogEntryOut } from './access-log.ts';
import { presentAccessLogEntry } from './access-log.ts';
import { type ContactWithAssessmentOut, presentContactWithAssessment } from './contact.ts';
import { presentFamily } from './family.ts';

export interface FamilyExportOut {
  exportedAt: string;
  /** Why this copy was made: a parent's request to see what is recorded about them (AVG art. 15). */
  purpose: 'parent_request';
  organisation: { name: string; region: 'nl' | 'be' };
  family: Omit<ReturnType<typeof presentFamily>, 'access' | 'contacts' | 'assessments'>;
  contacts: ContactWithAssessmentOut[];
  instrumentResponses: Array<{
    id: string;
    instrumentId: string;
    answers: unknown;
    score: unknown;
    createdAt: string;
  }>;
  accessHistory: AccessLogEntryOut[];
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The complete record with its access history, for the parents: everything stored, and who looked at it. */
export function presentFamilyExport(
  file: FamilyFile,
  rows: ExportRows,
  ctx: { at: string; today: string; organisation: { name: string; region: 'nl' | 'be'; id: string } },
): FamilyExportOut {
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
          assessment: rows.assessments.find((a) => a.contact_id === c.id),
          agreement: file.agreements.find((a) => a.contact_id === c.id),
        },
        ctx.today,
      ),
    ),
    instrumentResponses: file.instrumentResponses.map((r) => ({
      id: r.id,
      instrumentId: r.instrument_id,
      answers: parse(r.answers_json),
      score: parse(r.score_json),
      createdAt: r.created_at,
    })),
    accessHistory: rows.access.map((r) => presentAccessLogEntry(r, ctx.organisation.id)),
  };
}
