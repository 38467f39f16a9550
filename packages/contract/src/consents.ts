import { SHARING_BASES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { who } from './codes.ts';
import { date, emptyBody, id, idParams, text, timestamp, version } from './common.ts';
import { defineRoute } from './route.ts';

export const consentStatuses = ['active', 'expired', 'withdrawn'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];
export const sharingBasis = z.enum(SHARING_BASES);

/**
 * A consent records who agreed (a caregiver in the file), to what purpose, with whom, how far, until when
 * (guideline Thema 4: sharing rests on informed consent; what the parents consent to must be clear to them).
 */
export const consentIn = z.strictObject({
  givenBy: id,
  purpose: text(500),
  recipient: text(300),
  scope: text(1000).optional(),
  validUntil: date.optional(),
});
export type ConsentIn = z.output<typeof consentIn>;

export const consent = z.object({
  id,
  givenBy: who,
  purpose: z.string(),
  recipient: z.string(),
  scope: z.string().nullable(),
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
