import type { ReferralChannel, ReferralStatus } from '../db/schema-network.ts';
import { itemsOf, parseShared, type SharedReferral, type ShareItem } from '../network/share.ts';
import { codesOf } from '../network/vocabulary.ts';
import { localDate } from '../policies/calendar.ts';
import type { ConsentRow } from '../repositories/consents.ts';
import type { PartnerRow } from '../repositories/partners.ts';
import {
  type FeedbackRow,
  isFeedbackOverdue,
  type ReferralRow,
  type StatusHistoryRow,
} from '../repositories/referrals.ts';

export const NO_CONSENT_QUESTIONS = [
  'purpose',
  'alternativeWithoutSharing',
  'consentSought',
  'proportionality',
  'whatToWhom',
] as const;

export type NoConsentQuestion = (typeof NO_CONSENT_QUESTIONS)[number];
export type NoConsentAnswers = Partial<Record<NoConsentQuestion, string>>;

export function parseAnswers(json: string | null): NoConsentAnswers {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object') return {};
    const out: NoConsentAnswers = {};
    for (const q of NO_CONSENT_QUESTIONS) {
      const a = (value as Record<string, unknown>)[q];
      if (typeof a === 'string' && a.trim() !== '') out[q] = a;
    }
    return out;
  } catch {
    return {};
  }
}

/** The questions of Thema 4 still unanswered (in their order). */
export function missingAnswers(answers: NoConsentAnswers): NoConsentQuestion[] {
  return NO_CONSENT_QUESTIONS.filter((q) => !answers[q]);
}

type Who = { id: string; name: string | null };

export interface ReferralOut {
  id: string;
  familyId: string;
  childId: string;
  contactId: string | null;
  recommendationId: string | null;
  partner: { id: string; name: string; kind: string; viaNestwerk: boolean };
  referrer: Who;
  status: ReferralStatus;
  channel: ReferralChannel | null;
  reason: { criteria: string[]; imhReasons: string[]; text: string | null };
  interventions: string[];
  cues: string[];
  factors: string[];
  parentWishes: string | null;
  referrerPhone: string | null;
  items: ShareItem[];
  basis: 'consent' | 'no_consent';
  /** Shared without consent: shown prominently wherever the referral appears. */
  flagged: boolean;
  consent: {
    id: string;
    status: 'active' | 'expired' | 'withdrawn';
    givenBy: Who;
    purpose: string;
    recipient: string;
    validUntil: string | null;
    withdrawnAt: string | null;
  } | null;
  noConsent: {
    answers: Record<NoConsentQuestion, string | null>;
    complete: boolean;
    confirmedBy: Who | null;
    confirmedAt: string | null;
  } | null;
  /** What went to the receiver, frozen when sent. */
  shared: SharedReferral | null;
  sentAt: string | null;
  sentBy: Who | null;
  feedbackDue: string | null;
  feedbackOverdue: boolean;
  feedbackReceivedAt: string | null;
  declineReason: string | null;
  intakeDate: string | null;
  consentWithdrawnAt: string | null;
  timeline: {
    firstSignalDate: string | null;
    sentAt: string | null;
    receivedAt: string | null;
    acceptedAt: string | null;
    inCareAt: string | null;
    closedAt: string | null;
    daysFromFirstSignalToCare: number | null;
  };
  history: Array<{ status: ReferralStatus; at: string; by: Who | null; note: string | null }>;
  feedback: Array<{
    id: string;
    text: string;
    /** 'nestwerk' when the partner sent it in Nestwerk; otherwise how the referrer heard it. */
    source: string;
    recordedBy: Who;
    createdAt: string;
  }>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ReferralParts {
  referral: ReferralRow;
  partner: PartnerRow;
  consent: ConsentRow | undefined;
  history: StatusHistoryRow[];
  feedback: FeedbackRow[];
  /** Display names of users and persons involved, by id. */
  names: ReadonlyMap<string, string>;
}

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

function consentStatus(c: ConsentRow, today: string): 'active' | 'expired' | 'withdrawn' {
  if (c.withdrawn_at) return 'withdrawn';
  return c.valid_until !== null && c.valid_until < today ? 'expired' : 'active';
}

/** The referrer's view: the whole referral, including what was shared and on which basis. */
export function presentReferral(p: ReferralParts, today: string): ReferralOut {
  const r = p.referral;
  const who = (id: string): Who => ({ id, name: p.names.get(id) ?? null });
  const firstAt = (status: ReferralStatus) => p.history.find((h) => h.status === status)?.at ?? null;
  const inCareAt = firstAt('in_care');
  const answers = parseAnswers(r.no_consent_json);
  return {
    id: r.id,
    familyId: r.family_id,
    childId: r.child_id,
    contactId: r.contact_id,
    recommendationId: r.recommendation_id,
    partner: {
      id: p.partner.id,
      name: p.partner.name,
      kind: p.partner.kind,
      viaNestwerk: p.partner.nestwerk_organisation_id !== null,
    },
    referrer: who(r.referrer_id),
    status: r.status,
    channel: r.channel,
    reason: {
      criteria: codesOf(r.criteria_json),
      imhReasons: codesOf(r.imh_reasons_json),
      text: r.reason_text,
    },
    interventions: codesOf(r.interventions_json),
    cues: codesOf(r.cues_json),
    factors: codesOf(r.factors_json),
    parentWishes: r.parent_wishes,
    referrerPhone: r.referrer_phone,
    items: itemsOf(r.items_json),
    basis: r.basis,
    flagged: r.basis === 'no_consent',
    consent: p.consent
      ? {
          id: p.consent.id,
          status: consentStatus(p.consent, today),
          givenBy: who(p.consent.given_by),
          purpose: p.consent.purpose,
          recipient: p.consent.recipient,
          validUntil: p.consent.valid_until,
          withdrawnAt: p.consent.withdrawn_at,
        }
      : null,
    noConsent:
      r.basis === 'no_consent'
        ? {
            answers: {
              purpose: answers.purpose ?? null,
              alternativeWithoutSharing: answers.alternativeWithoutSharing ?? null,
              consentSought: answers.consentSought ?? null,
              proportionality: answers.proportionality ?? null,
              whatToWhom: answers.whatToWhom ?? null,
            },
            complete: missingAnswers(answers).length === 0,
            confirmedBy: r.confirmed_by ? who(r.confirmed_by) : null,
            confirmedAt: r.confirmed_at,
          }
        : null,
    shared: parseShared(r.shared_json),
    sentAt: r.sent_at,
    sentBy: r.sent_by ? who(r.sent_by) : null,
    feedbackDue: r.feedback_due,
    feedbackOverdue: isFeedbackOverdue(r, today),
    feedbackReceivedAt: r.feedback_received_at,
    declineReason: r.decline_reason,
    intakeDate: r.intake_date,
    consentWithdrawnAt: r.consent_withdrawn_at,
    timeline: {
      firstSignalDate: r.first_signal_date,
      sentAt: r.sent_at,
      receivedAt: firstAt('received'),
      acceptedAt: firstAt('accepted'),
      inCareAt,
      closedAt: firstAt('closed'),
      daysFromFirstSignalToCare:
        r.first_signal_date !== null && inCareAt !== null
          ? daysBetween(r.first_signal_date, localDate(new Date(inCareAt)))
          : null,
    },
    history: p.history.map((h) => ({
      status: h.status,
      at: h.at,
      by: h.by_user_id ? who(h.by_user_id) : null,
      note: h.note,
    })),
    feedback: p.feedback.map((f) => ({
      id: f.id,
      text: f.text,
      source: f.source,
      recordedBy: who(f.recorded_by),
      createdAt: f.created_at,
    })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export interface ReferralSummaryOut {
  id: string;
  partner: { id: string; name: string };
  status: ReferralStatus;
  basis: 'consent' | 'no_consent';
  flagged: boolean;
  sentAt: string | null;
  feedbackDue: string | null;
  feedbackOverdue: boolean;
  consentWithdrawnAt: string | null;
  createdAt: string;
}

/** A referral in the family file's list. */
export function presentReferralSummary(
  r: ReferralRow & { partner_name: string },
  today: string,
): ReferralSummaryOut {
  return {
    id: r.id,
    partner: { id: r.partner_id, name: r.partner_name },
    status: r.status,
    basis: r.basis,
    flagged: r.basis === 'no_consent',
    sentAt: r.sent_at,
    feedbackDue: r.feedback_due,
    feedbackOverdue: isFeedbackOverdue(r, today),
    consentWithdrawnAt: r.consent_withdrawn_at,
    createdAt: r.created_at,
  };
}
