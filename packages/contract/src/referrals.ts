import {
  ALWAYS_SHARED_ITEMS,
  CAREGIVER_ROLES,
  FEEDBACK_SOURCES,
  REFERRAL_CHANNELS,
  REFERRAL_STATUSES,
  SHARE_ITEMS,
  SHARING_QUESTION_CODES,
  type SharingQuestionCode,
} from '@nestwerk/knowledge';
import { z } from 'zod';
import {
  criterionCode,
  cueCode,
  factorCode,
  imhReasonCode,
  interventionCode,
  partnerKindCode,
  shareItem,
  who,
} from './codes.ts';
import { date, id, paging, plainText, text, timestamp, version } from './common.ts';
import { consentScopeIn, consentStatuses, sharingBasis } from './consents.ts';
import { partner } from './partners.ts';

export {
  ALWAYS_SHARED_ITEMS,
  FEEDBACK_SOURCES,
  REFERRAL_CHANNELS,
  REFERRAL_STATUSES,
  SHARE_ITEMS,
  SHARING_QUESTION_CODES,
};

export const referralStatus = z.enum(REFERRAL_STATUSES);
const channel = z.enum(REFERRAL_CHANNELS);

/** A code with its label in the receiver's language (Dutch, Flemish wording in Flanders). */
export const coded = z.object({ code: z.string(), label: z.string() });
export type Coded = z.output<typeof coded>;

/**
 * Exactly what the receiver gets: the preview shows it, sending freezes it, the intake queue serves it.
 * Keys of items that were not chosen are absent, not null.
 */
export const sharedReferral = z.object({
  referralId: id,
  region: z.enum(['nl', 'be']),
  basis: sharingBasis,
  items: z.array(shareItem),
  reason: z.object({ criteria: z.array(coded), imhReasons: z.array(coded), text: z.string().nullable() }),
  referrer: z.object({
    name: z.string(),
    organisation: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
  }),
  child: z
    .object({
      ageMonths: z.number().int().optional(),
      gestationWeeks: z.number().int().optional(),
      givenName: z.string().optional(),
      familyName: z.string().optional(),
      birthDate: date.nullable().optional(),
      dueDate: date.nullable().optional(),
    })
    .optional(),
  cues: z.array(coded).optional(),
  factors: z.array(coded.extend({ kind: z.enum(['hindering', 'protective']) })).optional(),
  interventions: z.array(coded).optional(),
  parentWishes: z.string().nullable().optional(),
  parents: z
    .array(
      z.object({
        role: z.enum(CAREGIVER_ROLES).nullable(),
        name: z.string().optional(),
        phone: z.string().nullable().optional(),
      }),
    )
    .optional(),
  address: z.object({ postcode: z.string().nullable(), municipality: z.string().nullable() }).optional(),
});
export type SharedReferral = z.output<typeof sharedReferral>;

/** The answers to the five questions before sharing without consent, keyed by the knowledge's codes. */
const noConsentAnswers = z.object(
  Object.fromEntries(SHARING_QUESTION_CODES.map((q) => [q, z.string().nullable()])) as Record<
    SharingQuestionCode,
    z.ZodNullable<z.ZodString>
  >,
);

/** The referrer's view: the whole referral, including what was shared and on which basis. */
export const referral = z.object({
  id,
  familyId: id,
  /**
   * Set when the referral came with a FHIR import: the sender's history, shown as it was sent and never acted
   * on here (no sending, reminding, feedback or status change).
   */
  imported: z.object({ organisation: z.string(), importedAt: timestamp }).nullable(),
  /** The family's name and the child's, so the referrer knows whom the referral is about. */
  familyName: z.string(),
  childId: id,
  childName: z.string(),
  contactId: id.nullable(),
  recommendationId: z.string().nullable(),
  partner: z.object({ id, name: z.string(), kind: z.string(), viaNestwerk: z.boolean() }),
  referrer: who,
  status: referralStatus,
  channel: channel.nullable(),
  reason: z.object({
    criteria: z.array(z.string()),
    imhReasons: z.array(z.string()),
    text: z.string().nullable(),
  }),
  interventions: z.array(z.string()),
  cues: z.array(z.string()),
  factors: z.array(z.string()),
  parentWishes: z.string().nullable(),
  referrerPhone: z.string().nullable(),
  items: z.array(shareItem),
  basis: sharingBasis,
  /** Shared without consent: shown prominently wherever the referral appears. */
  flagged: z.boolean(),
  consent: z
    .object({
      id,
      status: z.enum(consentStatuses),
      givenBy: who,
      purpose: z.string(),
      recipient: z.string(),
      /** What the consent covers; null for a legacy consent, which carries no referral. */
      scope: z.array(shareItem).nullable(),
      validUntil: date.nullable(),
      withdrawnAt: timestamp.nullable(),
    })
    .nullable(),
  noConsent: z
    .object({
      answers: noConsentAnswers,
      complete: z.boolean(),
      confirmedBy: who.nullable(),
      confirmedAt: timestamp.nullable(),
    })
    .nullable(),
  /** What went to the receiver, frozen when sent. */
  shared: sharedReferral.nullable(),
  sentAt: timestamp.nullable(),
  sentBy: who.nullable(),
  feedbackDue: date.nullable(),
  feedbackOverdue: z.boolean(),
  feedbackReceivedAt: timestamp.nullable(),
  /** The last reminder about overdue feedback sent to the receiving team, and whether one may go today. */
  reminder: z.object({ lastSentAt: timestamp.nullable(), canSend: z.boolean() }),
  declineReason: z.string().nullable(),
  intakeDate: date.nullable(),
  consentWithdrawnAt: timestamp.nullable(),
  timeline: z.object({
    firstSignalDate: date.nullable(),
    sentAt: timestamp.nullable(),
    receivedAt: timestamp.nullable(),
    acceptedAt: timestamp.nullable(),
    inCareAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    daysFromFirstSignalToCare: z.number().int().nullable(),
  }),
  history: z.array(
    z.object({ status: referralStatus, at: timestamp, by: who.nullable(), note: z.string().nullable() }),
  ),
  feedback: z.array(
    z.object({
      id,
      text: z.string(),
      /** 'nestwerk' when the partner sent it in Nestwerk; otherwise how the referrer heard it. */
      source: z.enum(FEEDBACK_SOURCES),
      recordedBy: who,
      createdAt: timestamp,
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Referral = z.output<typeof referral>;

/** A referral in the family file's list. */
export const referralSummary = z.object({
  id,
  partner: z.object({ id, name: z.string() }),
  status: referralStatus,
  basis: sharingBasis,
  flagged: z.boolean(),
  sentAt: timestamp.nullable(),
  feedbackDue: date.nullable(),
  feedbackOverdue: z.boolean(),
  consentWithdrawnAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type ReferralSummary = z.output<typeof referralSummary>;

/** Partners that offer what is advised, those serving the family's municipality first. */
export const referralOptions = z.object({
  recommendation: z.object({ id: z.string(), category: z.string() }).nullable(),
  interventions: z.array(coded),
  family: z.object({ municipality: z.string().nullable(), country: z.enum(['nl', 'be']) }),
  items: z.array(partner.extend({ offers: z.array(z.string()), inFamilyMunicipality: z.boolean() })),
  total: z.number().int().min(0),
});
export type ReferralOptions = z.output<typeof referralOptions>;

const codes = <T extends z.ZodType>(item: T, max = 60) => z.array(item).max(max);

/** The five questions for sharing without consent; a draft may hold some, sending needs all. */
export const noConsentIn = z.strictObject(
  Object.fromEntries(SHARING_QUESTION_CODES.map((q) => [q, text(2000).optional()])) as Record<
    SharingQuestionCode,
    z.ZodOptional<ReturnType<typeof text>>
  >,
);

/**
 * A consent recorded together with the referral: for this receiver, given by a caregiver of the family. Its
 * scope is what the referral shares unless given; the referral may then share nothing outside it.
 */
const newConsentIn = z.strictObject({
  givenBy: id,
  purpose: text(500),
  scope: consentScopeIn.optional(),
  validUntil: date.optional(),
});

const referralFields = {
  interventions: codes(interventionCode).optional(),
  criteria: codes(criterionCode).optional(),
  imhReasons: codes(imhReasonCode).optional(),
  reasonText: text(4000).optional(),
  parentWishes: text(2000).optional(),
  cues: codes(cueCode).optional(),
  factors: codes(factorCode, 100).optional(),
  items: codes(shareItem, 20).optional(),
  referrerPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,28}$/, 'must be a phone number like 030 123 4567')
    .optional(),
};

export const referralIn = z.strictObject({
  partnerId: id,
  childId: id.optional(),
  contactId: id.optional(),
  recommendationId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z_.]+$/, 'must be a recommendation id')
    .optional(),
  ...referralFields,
  consentId: id.optional(),
  consent: newConsentIn.optional(),
  noConsent: noConsentIn.optional(),
});

export const referralPatch = z.strictObject({
  version,
  partnerId: id.optional(),
  ...referralFields,
  consentId: id.optional(),
  noConsent: noConsentIn.optional(),
});

export const sendIn = z.strictObject({
  version,
  /** Through Nestwerk for a partner on Nestwerk; otherwise how it went out. */
  channel: channel.optional(),
  /**
   * The items ticked on screen when sending: stored with the referral and frozen into what is shared, so what
   * the referrer saw is what goes out, saved or not. Absent: the stored selection.
   */
  items: codes(shareItem, 20).optional(),
});

/** A draft's preview with the items as ticked on screen (comma-separated), before they are stored. */
export const previewQuery = z.strictObject({
  items: z
    .string()
    .max(400)
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
    )
    .pipe(z.array(shareItem).max(20).optional()),
});

export const versionIn = z.strictObject({ version });

/** The statuses a partner (or the referrer on its behalf) moves a sent referral to. */
export const PROGRESS_STATUSES = ['received', 'accepted', 'declined', 'in_care', 'closed'] as const;

export const referrerStatusIn = z.strictObject({
  version,
  status: z.enum(PROGRESS_STATUSES),
  reason: text(2000).optional(),
  intakeDate: date.optional(),
});

export const recordedFeedbackIn = z.strictObject({
  text: text(4000),
  /** How the partner reported back. */
  via: z.enum(FEEDBACK_SOURCES.filter((s) => s !== 'nestwerk') as ['phone', 'email', 'post', 'meeting']),
});

export const optionsQuery = z.strictObject({
  recommendation: plainText(500).optional(),
  contactId: id.optional(),
  kind: partnerKindCode.optional(),
  ...paging,
});

export type ReferralIn = z.output<typeof referralIn>;
export type ReferralPatchIn = z.output<typeof referralPatch>;
export type NoConsentIn = z.output<typeof noConsentIn>;
export type SendIn = z.output<typeof sendIn>;
export type PreviewQueryIn = z.output<typeof previewQuery>;
export type ReferrerStatusIn = z.output<typeof referrerStatusIn>;
export type RecordedFeedbackIn = z.output<typeof recordedFeedbackIn>;
export type OptionsQueryIn = z.output<typeof optionsQuery>;
