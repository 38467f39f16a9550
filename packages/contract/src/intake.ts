import { REFERRAL_STATUSES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { date, id, idParams, page, paging, text, timestamp } from './common.ts';
import { PROGRESS_STATUSES, referralStatus, sharedReferral } from './referrals.ts';
import { defineRoute } from './route.ts';

/** Whether the receiver may still read what was shared: withdrawn or expired consent stops it. */
export const SHARING_STATES = ['open', 'consent_withdrawn', 'consent_expired'] as const;
export type SharingStateOut = (typeof SHARING_STATES)[number];
const sharing = z.enum(SHARING_STATES);

/**
 * The receiving organisation's view: built only from the referral's process and its frozen snapshot — no
 * family id, no person id, nothing read from the family file.
 */
export const intakeItem = z.object({
  id,
  status: referralStatus,
  sentAt: timestamp.nullable(),
  feedbackDue: date.nullable(),
  intakeDate: date.nullable(),
  sharing,
  /** Null once sharing has stopped (withdrawn or expired consent). */
  summary: z
    .object({
      child: z
        .object({ ageMonths: z.number().int().optional(), gestationWeeks: z.number().int().optional() })
        .nullable(),
      criteria: z.array(z.string()),
      imhReasons: z.array(z.string()),
      interventions: z.array(z.string()),
      referrer: z.object({ name: z.string(), organisation: z.string() }),
    })
    .nullable(),
});
export type IntakeItem = z.output<typeof intakeItem>;

export const intakeReferral = z.object({
  id,
  status: referralStatus,
  sentAt: timestamp.nullable(),
  feedbackDue: date.nullable(),
  intakeDate: date.nullable(),
  declineReason: z.string().nullable(),
  sharing,
  history: z.array(z.object({ status: referralStatus, at: timestamp })),
  /** The feedback this organisation sent back through Nestwerk. */
  feedback: z.array(z.object({ id, text: z.string(), createdAt: timestamp })),
  /** Null once sharing has stopped: then only the referral's own progress is shown. */
  shared: sharedReferral.nullable(),
});
export type IntakeReferral = z.output<typeof intakeReferral>;

export const intakeQuery = z.strictObject({
  status: z.enum(['open', 'all', ...REFERRAL_STATUSES.filter((s) => s !== 'draft')]).default('open'),
  ...paging,
});

export const intakeStatusIn = z.strictObject({
  status: z.enum(PROGRESS_STATUSES),
  reason: text(2000).optional(),
  intakeDate: date.optional(),
});

export const intakePlanIn = z.strictObject({ intakeDate: date });
export const intakeFeedbackIn = z.strictObject({ text: text(4000) });

export type IntakeQueryIn = z.output<typeof intakeQuery>;
export type IntakeStatusIn = z.output<typeof intakeStatusIn>;

const tags = ['intake'];

/** The receiving partner's side, addressed by the referral's opaque id only. */
export const intake = {
  list: defineRoute({
    method: 'GET',
    path: '/api/intake',
    summary: 'Referrals received by the organisation',
    tags,
    query: intakeQuery,
    response: page(intakeItem),
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/intake/:id',
    summary: 'A received referral: what was shared and its progress',
    tags,
    params: idParams,
    response: intakeReferral,
  }),
  status: defineRoute({
    method: 'POST',
    path: '/api/intake/:id/status',
    summary: 'Move a received referral on: received, accepted, declined, in care, closed',
    tags,
    params: idParams,
    body: intakeStatusIn,
    response: intakeReferral,
    errors: [409, 422],
  }),
  plan: defineRoute({
    method: 'POST',
    path: '/api/intake/:id/plan',
    summary: 'Plan the intake date',
    tags,
    params: idParams,
    body: intakePlanIn,
    response: intakeReferral,
    errors: [409],
  }),
  feedback: defineRoute({
    method: 'POST',
    path: '/api/intake/:id/feedback',
    summary: 'Report back to the referrer',
    tags,
    params: idParams,
    body: intakeFeedbackIn,
    status: 201,
    response: intakeReferral,
    errors: [409],
  }),
};
