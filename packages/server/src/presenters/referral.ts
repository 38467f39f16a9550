import type { Referral, ReferralSummary } from '@nestwerk/contract';
import { type ReferralStatus, SHARING_QUESTION_CODES, type SharingQuestionCode } from '@nestwerk/knowledge';
import { itemsOf, parseShared } from '../network/share.ts';
import { codesOf } from '../network/vocabulary.ts';
import { localDay } from '../policies/calendar.ts';
import type { ConsentRow } from '../repositories/consents.ts';
import type { PartnerRow } from '../repositories/partners.ts';
import {
  type FeedbackRow,
  isFeedbackOverdue,
  type ReferralRow,
  type StatusHistoryRow,
} from '../repositories/referrals.ts';
import { consentScope } from './consent.ts';

export type NoConsentQuestion = SharingQuestionCode;
export type NoConsentAnswers = Partial<Record<SharingQuestionCode, string>>;

export function parseAnswers(json: string | null): NoConsentAnswers {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object') return {};
    const out: NoConsentAnswers = {};
    for (const q of SHARING_QUESTION_CODES) {
      const a = (value as Record<string, unknown>)[q];
      if (typeof a === 'string' && a.trim() !== '') out[q] = a;
    }
    return out;
  } catch {
    return {};
  }
}

/** The five questions still unanswered (in their order). */
export function missingAnswers(answers: NoConsentAnswers): NoConsentQuestion[] {
  return SHARING_QUESTION_CODES.filter((q) => !answers[q]);
}

type Who = { id: string; name: string | null };

export interface ReferralParts {
  referral: ReferralRow;
  partner: PartnerRow;
  consent: ConsentRow | undefined;
  history: StatusHistoryRow[];
  feedback: FeedbackRow[];
  /** Display names of users and persons involved (the child among them), by id. */
  names: ReadonlyMap<string, string>;
  familyName: string;
  /** The last reminder of overdue feedback sent to the receiving team. */
  lastReminderAt: string | null;
  /** Where an imported referral came from; null for one made here. */
  imported: { organisation: string; importedAt: string } | null;
}

/**
 * A reminder goes through Nestwerk to the receiving team, about feedback that is overdue, at most once a
 * calendar day: a nudge, not a stream.
 */
export function mayRemind(
  r: Pick<ReferralRow, 'receiver_organisation_id' | 'feedback_received_at' | 'feedback_due' | 'status'>,
  lastReminderAt: string | null,
  today: string,
): 'ok' | 'not_overdue' | 'not_on_nestwerk' | 'already_today' {
  if (r.receiver_organisation_id === null) return 'not_on_nestwerk';
  if (!isFeedbackOverdue(r, today)) return 'not_overdue';
  if (lastReminderAt !== null && localDay(lastReminderAt) >= today) return 'already_today';
  return 'ok';
}

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

function consentStatus(c: ConsentRow, today: string): 'active' | 'expired' | 'withdrawn' {
  if (c.withdrawn_at) return 'withdrawn';
  return c.valid_until !== null && c.valid_until < today ? 'expired' : 'active';
}

/** The referrer's view: the whole referral, including what was shared and on which basis. */
export function presentReferral(p: ReferralParts, today: string): Referral {
  const r = p.referral;
  const who = (id: string): Who => ({ id, name: p.names.get(id) ?? null });
  const firstAt = (status: ReferralStatus) => p.history.find((h) => h.status === status)?.at ?? null;
  const inCareAt = firstAt('in_care');
  const answers = parseAnswers(r.no_consent_json);
  return {
    id: r.id,
    familyId: r.family_id,
    imported: p.imported,
    familyName: p.familyName,
    childId: r.child_id,
    childName: p.names.get(r.child_id) ?? '',
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
          scope: consentScope(p.consent),
          validUntil: p.consent.valid_until,
          withdrawnAt: p.consent.withdrawn_at,
        }
      : null,
    noConsent:
      r.basis === 'no_consent'
        ? {
            answers: Object.fromEntries(SHARING_QUESTION_CODES.map((q) => [q, answers[q] ?? null])) as Record<
              SharingQuestionCode,
              string | null
            >,
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
    reminder: { lastSentAt: p.lastReminderAt, canSend: mayRemind(r, p.lastReminderAt, today) === 'ok' },
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
          ? daysBetween(r.first_signal_date, localDay(inCareAt))
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

/** A referral in the family file's list. */
export function presentReferralSummary(
  r: ReferralRow & { partner_name: string },
  today: string,
): ReferralSummary {
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
