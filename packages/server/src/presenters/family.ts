import type {
  Caregiver,
  CareTeamMember,
  Child,
  FamilyFile as FamilyFileOut,
  FamilyHead,
  InstrumentResult,
} from '@nestwerk/contract';
import type { QuestionnaireScore } from '@nestwerk/engine';
import type { AccessBasis } from '../policies/family-access.ts';
import { holdsOn } from '../policies/family-scope.ts';
import { flag } from '../repositories/db.ts';
import type { FamilyRow } from '../repositories/families.ts';
import type { FamilyFile } from '../repositories/family-file.ts';
import type { InstrumentResponseRow } from '../repositories/instrument-responses.ts';
import { presentAgreement } from './agreement.ts';
import { balanceByLevel } from './assessment.ts';
import { presentConsent } from './consent.ts';
import { presentContactSummary } from './contact.ts';
import { presentFamilyNetwork } from './family-network.ts';
import { presentImported } from './imported.ts';
import { presentPerson } from './person.ts';
import { presentSelfReport } from './portal.ts';
import { presentScreening } from './screening.ts';
import { dueScreenings, groupScreenings } from './screening-schedule.ts';

export function presentFamilyHead(f: FamilyRow): FamilyHead {
  return {
    id: f.id,
    name: f.name,
    postcode: f.postcode,
    municipality: f.municipality,
    createdAt: f.created_at,
    updatedAt: f.updated_at,
    version: f.version,
  };
}

function parseScore(json: string): QuestionnaireScore | null {
  try {
    // Written by this server from the engine's own score (see recordInstrumentResponse), so the shape is known.
    return JSON.parse(json) as QuestionnaireScore;
  } catch {
    return null;
  }
}

export function presentInstrumentResult(r: InstrumentResponseRow): InstrumentResult {
  return {
    id: r.id,
    childId: r.child_id,
    contactId: r.contact_id,
    instrumentId: r.instrument_id,
    definitionVersion: r.definition_version,
    score: parseScore(r.score_json),
    createdAt: r.created_at,
  };
}

/** Screenings per screened parent, newest first, and the schedule moments due today. */
function presentParentScreenings(
  file: FamilyFile,
  today: string,
): Pick<FamilyFileOut, 'screenings' | 'dueScreenings'> {
  const roleOf = new Map(file.persons.map((p) => [p.id, p.caregiver_role ?? 'other'] as const));
  const presented = file.screenings.map((r) => presentScreening(r, roleOf.get(r.person_id) ?? 'other'));
  return {
    screenings: groupScreenings(file.persons, presented),
    dueScreenings: dueScreenings(file.persons, file.screenings, today),
  };
}

export function presentFamily(
  file: FamilyFile,
  today: string,
  access: { basis: AccessBasis; expiresAt: string | null },
): FamilyFileOut {
  const persons = file.persons.map(presentPerson);
  const names = new Map(file.persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
  // Object.assign, not spread: on Node 20 an object spread and then given more keys outlives young-generation
  // collections (see engine/object-copy.ts), and this runs on every family read.
  return Object.assign(
    presentFamilyHead(file.family),
    {
      children: persons.filter((p): p is Child => p.kind === 'child'),
      caregivers: persons.filter((p): p is Caregiver => p.kind === 'caregiver'),
      contacts: file.contacts.map(presentContactSummary),
      // Oldest first: the history of suggested and agreed estimates reads as a line over time.
      assessments: file.contacts
        .filter((c) => c.suggested_band !== null)
        .map((c) => ({
          contactId: c.id,
          date: c.date,
          suggestedBand: c.suggested_band ?? 'unclear',
          agreedBand: c.agreed_band,
          balanceByLevel: balanceByLevel(c),
          cumulativeRisk: flag(c.cumulative_risk),
          safetyConcern: flag(c.safety_concern),
          referOutside: flag(c.refer_outside),
        }))
        .reverse(),
      agreements: file.agreements.map((a) => presentAgreement(a, today)),
      consents: file.consents.map((c) => presentConsent(c, today, names)),
      instrumentResults: file.instrumentResponses.map(presentInstrumentResult),
      careTeam: file.careTeam.map(
        (m): CareTeamMember => ({
          id: m.id,
          kind: m.user_id ? 'professional' : 'team',
          memberId: m.user_id ?? m.team_id ?? '',
          name: m.user_id ? m.user_name : m.team_name,
          role: m.user_role,
          startDate: m.start_date,
          endDate: m.end_date,
          active: holdsOn(today, m),
        }),
      ),
    },
    presentFamilyNetwork(file.network, today),
    presentParentScreenings(file, today),
    {
      selfReports: file.selfReports.map((r) => {
        const p = file.persons.find((person) => person.id === r.person_id);
        return Object.assign(presentSelfReport(r), {
          reportedBy: {
            id: r.person_id,
            name: p ? `${p.given_name} ${p.family_name}` : '',
            role: p?.caregiver_role ?? null,
          },
        });
      }),
      imported: presentImported(file.imported),
      access: { basis: access.basis, emergencyExpiresAt: access.expiresAt },
    },
  );
}
