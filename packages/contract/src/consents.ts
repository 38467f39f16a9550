import { SHARING_BASES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { partnerKindCode, shareItem, who } from './codes.ts';
import { date, emptyBody, id, idParams, text, timestamp, version } from './common.ts';
import { defineRoute } from './route.ts';

export const consentStatuses = ['active', 'expired', 'withdrawn'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];
export const sharingBasis = z.enum(SHARING_BASES);

/**
 * Who receives: a partner on the organisation's social map, or — for a receiver not on it — a partner kind
 * with the named recipient (e.g. kind `gp`, "Huisartsenpraktijk De Linde").
 */
export const consentRecipientIn = z.union([
  z.strictObject({ partnerId: id }),
  z.strictObject({ kind: partnerKindCode, name: text(300) }),
]);
export type ConsentRecipientIn = z.output<typeof consentRecipientIn>;

/** What the parent agreed may be shared: share items. The reason and the referrer go with every referral. */
export const consentScopeIn = z.array(shareItem).min(1).max(20);

/**
 * A consent records who agreed (a caregiver in the file), to what purpose, with whom, how far, until when
 * (guideline Thema 4: sharing rests on informed consent; what the parents consent to must be clear to them).
 * A referral can rest on it only when it goes to this recipient and shares nothing outside the scope.
 */
export const consentIn = z.strictObject({
  givenBy: id,
  purpose: text(500),
  recipient: consentRecipientIn,
  scope: consentScopeIn,
  validUntil: date.optional(),
});
export type ConsentIn = z.output<typeof consentIn>;

export const consent = z.object({
  id,
  givenBy: who,
  purpose: z.string(),
  /** The named recipient: the partner's name, or the person or practice within the partner kind. */
  recipient: z.string(),
  recipientPartnerId: id.nullable(),
  recipientKind: z.string().nullable(),
  /** The share items agreed to, in canonical order; null for a legacy consent, which carries no referral. */
  scope: z.array(shareItem).nullable(),
  /** A legacy consent's free-text scope, shown as it was written. */
  scopeNote: z.string().nullable(),
  legacy: z.boolean(),
  givenAt: timestamp,
  validUntil: date.nullable(),
  withdrawnAt: timestamp.nullable(),
  status: z.enum(consentStatuses),
  recordedBy: id,
  version,
});
export type Consent = z.output<typeof consent>;

export const consents = {
  create: defineRoute({
    method: 'POST',
    path: '/api/families/:id/consents',
    summary: 'Record a caregiver’s consent to share with a recipient',
    tags: ['consents'],
    params: idParams,
    body: consentIn,
    status: 201,
    response: consent,
    errors: [422],
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/api/consents/:id/withdraw',
    summary: 'Withdraw a consent: referrals resting on it stop sharing',
    tags: ['consents'],
    params: idParams,
    body: emptyBody,
    response: consent,
    errors: [409],
  }),
};
