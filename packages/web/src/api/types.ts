/**
 * The shapes of docs/api.md, as the web app uses them. The web app may not import the server (layering), so
 * the contract is restated here; `client.test.ts` and the e2e tests keep both sides honest.
 */

import type { CareNetwork, ReferralSummary, SafetyRoute } from '@nestwerk/contract';
import type { Assessment, FactorValue, RelationshipBand } from '@nestwerk/engine';
import type { CueCode, FactorCode, FactorLevel, ReferralCriterionCode } from '@nestwerk/knowledge';

export type WorklistScope = 'mine' | 'team';
export type DueFilter = 'overdue' | 'week' | 'all';

export interface WorklistChild {
  id: string;
  givenName: string;
  birthDate: string | null;
  dueDate: string | null;
}

export interface WorklistItem {
  familyId: string;
  name: string;
  children: WorklistChild[];
  nextFollowUp: string | null;
  overdue: boolean;
  flags: {
    cumulativeRisk: boolean;
    problematicSuspected: boolean;
    safety: boolean;
    feedbackOverdue?: boolean;
  };
  lastContact: string | null;
  overdueFeedback?: number;
  safetyRoute?: { id: string; currentStep: number } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

import type { CaregiverRole } from '@nestwerk/knowledge';

export { CAREGIVER_ROLES, type CaregiverRole } from '@nestwerk/knowledge';

export interface ChildIn {
  givenName: string;
  familyName: string;
  birthDate?: string;
  dueDate?: string;
  firstChild?: boolean;
}

export interface CaregiverIn {
  givenName: string;
  familyName: string;
  role: CaregiverRole;
  birthYear?: number;
  lowEducation?: boolean;
  phone?: string;
}

export interface FamilyIn {
  name: string;
  postcode?: string;
  municipality?: string;
  children: ChildIn[];
  caregivers: CaregiverIn[];
}

export interface Person {
  id: string;
  kind: 'child' | 'caregiver';
  givenName: string;
  familyName: string;
  birthDate?: string | null;
  dueDate?: string | null;
  firstChild?: boolean | null;
  role?: CaregiverRole | null;
  birthYear?: number | null;
  lowEducation?: boolean | null;
  phone?: string | null;
  version: number;
}

export type ContactType = 'consult' | 'home_visit' | 'phone' | 'prenatal_visit';
export const CONTACT_TYPES: readonly ContactType[] = ['consult', 'home_visit', 'phone', 'prenatal_visit'];

export interface ContactSummary {
  id: string;
  childId: string;
  type: ContactType;
  date: string;
  status: 'draft' | 'final';
  professional?: { id: string; displayName: string | null } | null;
  suggestedBand?: RelationshipBand | null;
  agreedBand?: RelationshipBand | null;
}

export type LevelTallies = Record<FactorLevel, { hindering: number; protective: number }>;

export interface AssessmentSummary {
  contactId: string;
  date: string;
  suggestedBand: RelationshipBand;
  agreedBand: RelationshipBand | null;
  /** Null for rows stored before the tally was kept. */
  balanceByLevel: LevelTallies | null;
  cumulativeRisk: boolean;
  safetyConcern: boolean;
}

export interface Agreement {
  id: string;
  contactId: string | null;
  text: string;
  nextTopic: string | null;
  nextTopicPermission: boolean;
  extraContact: boolean;
  followUpDue: string | null;
  status: 'open' | 'done';
  version: number;
}

export interface Consent {
  id: string;
  givenBy: { id: string; name: string | null };
  purpose: string;
  recipient: string;
  scope?: string | null;
  validUntil?: string | null;
  withdrawnAt?: string | null;
}

export interface InstrumentResult {
  id: string;
  childId: string;
  instrumentId: string;
  createdAt: string;
  score: unknown;
}

export interface Family {
  id: string;
  name: string;
  postcode: string | null;
  municipality: string | null;
  version: number;
  children: Person[];
  caregivers: Person[];
  contacts: ContactSummary[];
  assessments: AssessmentSummary[];
  agreements: Agreement[];
  consents: Consent[];
  instrumentResults: InstrumentResult[];
  careTeam: Array<{ id: string; kind: 'professional' | 'team'; name: string | null; active: boolean }>;
  /** The care network around the family (who is involved), referrals and the safety route. */
  careNetwork?: CareNetwork;
  referrals?: ReferralSummary[];
  safetyRoute?: SafetyRoute | null;
  /** How this user sees the file; emergency access shows a banner until it expires. */
  access?: { basis: string; emergencyExpiresAt: string | null };
}

export interface FamilyPatch {
  version: number;
  name?: string;
  postcode?: string;
  municipality?: string;
}

export interface RecordedFactor {
  value: FactorValue;
  reportedBy: 'parent' | 'professional';
}

export interface AgreementIn {
  text: string;
  nextTopic?: string;
  nextTopicPermission: boolean;
  extraContact: boolean;
  followUpDue?: string;
}

export interface ContactIn {
  childId: string;
  type: ContactType;
  date: string;
  status: 'draft' | 'final';
  cues: Partial<Record<CueCode, true>>;
  factors: Partial<Record<FactorCode, RecordedFactor>>;
  criteria: Partial<Record<ReferralCriterionCode, true>>;
  agreedBand?: RelationshipBand;
  agreedNote?: string;
  agreement?: AgreementIn;
  notes?: string;
}

/** A stored contact: like ContactIn, with what the server adds (who, when, the stored agreement). */
export interface Contact
  extends Omit<ContactIn, 'agreement' | 'factors' | 'agreedBand' | 'agreedNote' | 'notes'> {
  id: string;
  familyId: string;
  version: number;
  factors: Partial<Record<FactorCode, RecordedFactor & { recordedAt?: string }>>;
  agreedBand?: RelationshipBand | null;
  agreedNote?: string | null;
  notes?: string | null;
  agreement?:
    | (Partial<Omit<Agreement, 'nextTopic' | 'followUpDue'>> & {
        text: string;
        nextTopic?: string | null;
        nextTopicPermission: boolean;
        extraContact: boolean;
        followUpDue?: string | null;
      })
    | null;
  updatedAt?: string;
  professional?: { id: string; displayName: string | null } | null;
}

export interface ContactWithAssessment {
  contact: Contact;
  assessment: Assessment | null;
}

export interface InstrumentResponseIn {
  childId: string;
  instrumentId: string;
  answers: Record<string, number | null>;
}
