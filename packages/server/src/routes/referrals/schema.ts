import { z } from 'zod';
import { shareItem } from '../../network/share.ts';
import {
  criterionCode,
  cueCode,
  factorCode,
  imhReasonCode,
  interventionCode,
  partnerKindCode,
} from '../../network/vocabulary.ts';
import { date, id, paging, text, version } from '../shared/schemas.ts';

const codes = <T extends z.ZodType>(item: T, max = 60) => z.array(item).max(max);

/** The five questions of Thema 4 for sharing without consent; a draft may hold some, sending needs all. */
export const noConsentIn = z.strictObject({
  purpose: text(2000).optional(),
  alternativeWithoutSharing: text(2000).optional(),
  consentSought: text(2000).optional(),
  proportionality: text(2000).optional(),
  whatToWhom: text(2000).optional(),
});

/** A consent recorded together with the referral: for this receiver, given by a caregiver of the family. */
const newConsentIn = z.strictObject({
  givenBy: id,
  purpose: text(500),
  scope: text(1000).optional(),
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
  channel: z.enum(['nestwerk', 'phone', 'email', 'post']).optional(),
});

export const versionIn = z.strictObject({ version });

export const referrerStatusIn = z.strictObject({
  version,
  status: z.enum(['received', 'accepted', 'declined', 'in_care', 'closed']),
  reason: text(2000).optional(),
  intakeDate: date.optional(),
});

export const recordedFeedbackIn = z.strictObject({
  text: text(4000),
  /** How the partner reported back. */
  via: z.enum(['phone', 'email', 'post', 'meeting']),
});

export const optionsQuery = z.strictObject({
  recommendation: z.string().max(500).optional(),
  contactId: id.optional(),
  kind: partnerKindCode.optional(),
  ...paging,
});

export type ReferralIn = z.infer<typeof referralIn>;
export type ReferralPatchIn = z.infer<typeof referralPatch>;
export type NoConsentIn = z.infer<typeof noConsentIn>;
export type SendIn = z.infer<typeof sendIn>;
export type ReferrerStatusIn = z.infer<typeof referrerStatusIn>;
export type RecordedFeedbackIn = z.infer<typeof recordedFeedbackIn>;
export type OptionsQueryIn = z.infer<typeof optionsQuery>;
