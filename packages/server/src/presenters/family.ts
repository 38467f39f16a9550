import type { Consent } from '@nestwerk/contract';
import type { Band, Role } from '../db/schema.ts';
import type { AccessBasis } from '../policies/family-access.ts';
import { flag } from '../repositories/db.ts';
import type { FamilyRow } from '../repositories/families.ts';
import type { FamilyFile } from '../repositories/family-file.ts';
import type { InstrumentResponseRow } from '../repositories/instrument-responses.ts';
import { type AgreementOut, presentAgreement } from './agreement.ts';
import { type BalanceByLevel, balanceByLevel } from './assessment.ts';
import { presentConsent } from './consent.ts';
import { type ContactSummaryOut, presentContactSummary } from './contact.ts';
import { type FamilyNetworkOut, presentFamilyNetwork } from './family-network.ts';
import { type CaregiverOut, type ChildOut, presentPerson } from './person.ts';

export interface FamilyHeadOut {
  id: string;
  name: string;
  postcode: string | null;
  municipality: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function presentFamilyHead(f: FamilyRow): FamilyHeadOut {
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

export interface AssessmentHistoryOut {
  contactId: string;
  date: string;
  suggestedBand: Band;
  agreedBand: Band | null;
  balanceByLevel: BalanceByLevel | null;
  cumulativeRisk: boolean;
  safetyConcern: boolean;
  referOutside: boolean;
}

export interface InstrumentResultOut {
  id: string;
  childId: string;
  contactId: string | null;
  instrumentId: string;
  definitionVersion: string;
  score: unknown;
  createdAt: string;
}

export interface CareTeamMemberOut {
  id: string;
  kind: 'professional' | 'team';
  memberId: string;
  name: string | null;
  role: Role | null;
  startDate: string;
  endDate: string | null;
  active: boolean;
}

/** `careNetwork`, `referrals` and `safetyRoute` come from FamilyNetworkOut (issue 5). */
export interface FamilyOut extends FamilyHeadOut, FamilyNetworkOut {
  children: ChildOut[];
  caregivers: CaregiverOut[];
  contacts: ContactSummaryOut[];
  assessments: AssessmentHistoryOut[];
  agreements: AgreementOut[];
  consents: Consent[];
  instrumentResults: InstrumentResultOut[];
  careTeam: CareTeamMemberOut[];
  /** How this user came to see the file: the UI shows a banner while it is open under emergency access. */
  access: { basis: AccessBasis; emergencyExpiresAt: string | null };
}

function parseScore(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function presentInstrumentResult(r: InstrumentResponseRow): InstrumentResultOut {
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

export function presentFamily(
  file: FamilyFile,
  today: string,
  access: { basis: AccessBasis; expiresAt: string | null },
): FamilyOut {
  const persons = file.persons.map(presentPerson);
  const names = new Map(file.persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
  return {
    ...presentFamilyHead(file.family),
    children: persons.filter((p): p is ChildOut => p.kind === 'child'),
    caregivers: persons.filter((p): p is CaregiverOut => p.kind === 'caregiver'),
    contacts: file.contacts.map(presentContactSummary),
    // Oldest first: the history of suggested and agreed estimates reads as a line over time.
    assessments: file.contacts
      .filter((c) => c.suggested_band !== null)
      .map((c) => ({
        contactId: c.id,
        date: c.date,
        suggestedBand: c.suggested_band ?? 'unclear',
        agreedBand: c.agreed_band,
        balanceByLevel: balanceByLevel(c.result_json),
        cumulativeRisk: flag(c.cumulative_risk),
        safetyConcern: flag(c.safety_concern),
        referOutside: flag(c.refer_outside),
      }))
      .reverse(),
    agreements: file.agreements.map((a) => presentAgreement(a, today)),
    consents: file.consents.map((c) => presentConsent(c, today, names)),
    instrumentResults: file.instrumentResponses.map(presentInstrumentResult),
    careTeam: file.careTeam.map((m) => ({
      id: m.id,
      kind: m.user_id ? 'professional' : 'team',
      memberId: m.user_id ?? m.team_id ?? '',
      name: m.user_id ? m.user_name : m.team_name,
      role: m.user_role,
      startDate: m.start_date,
      endDate: m.end_date,
      active: m.start_date <= today && (m.end_date === null || m.end_date >= today),
    })),
    ...presentFamilyNetwork(file.network, today),
    access: { basis: access.basis, emergencyExpiresAt: access.expiresAt },
  };
}
