import type {
  Contact,
  ContactSummary,
  ContactWithAssessment,
  StoredFactor as Factor,
} from '@nestwerk/contract';
import type { AgreementRow } from '../repositories/agreements.ts';
import type { AssessmentRow } from '../repositories/assessments.ts';
import type { ContactRow, ContactSummaryRow } from '../repositories/contacts.ts';
import type { ObservationRow } from '../repositories/observations.ts';
import type { ParentFactorRow } from '../repositories/parent-factors.ts';
import { presentAgreement } from './agreement.ts';
import { presentAssessment } from './assessment.ts';

export function presentContactSummary(c: ContactSummaryRow): ContactSummary {
  return {
    id: c.id,
    childId: c.child_id,
    type: c.type,
    date: c.date,
    status: c.status,
    professional: { id: c.professional_id, displayName: c.professional_name },
    childAgeMonths: c.child_age_months,
    gestationWeeks: c.gestation_weeks,
    suggestedBand: c.suggested_band,
    agreedBand: c.agreed_band,
    agreedBandNotDiscussed: c.agreed_band_not_discussed === 1,
  };
}

export interface ContactParts {
  contact: ContactRow;
  professionalName: string | null;
  observations: ObservationRow[];
  parentFactors: ParentFactorRow[];
  assessment: AssessmentRow | undefined;
  agreement: AgreementRow | undefined;
}

function factorValue(v: string): Factor['value'] {
  return v === 'present' || v === 'absent' ? v : 'unknown';
}

export function presentContact(parts: ContactParts, today: string): Contact {
  const { contact: c, observations, assessment, agreement } = parts;
  const cues: Record<string, true> = {};
  const criteria: Record<string, true> = {};
  const factors: Record<string, Factor> = {};
  for (const o of observations) {
    if (o.kind === 'cue') cues[o.code] = true;
    else if (o.kind === 'criterion') criteria[o.code] = true;
    else
      factors[o.code] = { value: factorValue(o.value), reportedBy: o.reported_by, recordedAt: o.recorded_at };
  }
  const parentFactors: Contact['parentFactors'] = {};
  for (const f of parts.parentFactors) {
    const mine = parentFactors[f.person_id] ?? {};
    mine[f.code as keyof typeof mine] = {
      value: f.value,
      reportedBy: f.reported_by,
      recordedAt: f.recorded_at,
    };
    parentFactors[f.person_id] = mine;
  }
  return {
    id: c.id,
    familyId: c.family_id,
    childId: c.child_id,
    professional: { id: c.professional_id, displayName: parts.professionalName },
    type: c.type,
    date: c.date,
    status: c.status,
    childAgeMonths: c.child_age_months,
    gestationWeeks: c.gestation_weeks,
    cues,
    factors,
    criteria,
    parentFactors,
    agreedBand: assessment?.agreed_band ?? null,
    agreedBandNotDiscussed: assessment?.agreed_band_not_discussed === 1,
    agreedNote: assessment?.agreed_note ?? null,
    agreement: agreement ? presentAgreement(agreement, today) : null,
    notes: c.notes,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    version: c.version,
  };
}

export function presentContactWithAssessment(parts: ContactParts, today: string): ContactWithAssessment {
  return {
    contact: presentContact(parts, today),
    assessment: parts.assessment ? presentAssessment(parts.assessment) : null,
  };
}
