import { z } from 'zod';
import { date, id, idParams, timestamp, version } from './common.ts';
import { defineRoute } from './route.ts';

/** What was agreed with the parent at a contact, and when to come back to it. */
export const agreement = z.object({
  id,
  contactId: id.nullable(),
  text: z.string(),
  /** Only with the parent's permission to bring the topic up again (guideline Thema 2); else null. */
  nextTopic: z.string().nullable(),
  nextTopicPermission: z.boolean(),
  extraContact: z.boolean(),
  followUpDue: date.nullable(),
  status: z.enum(['open', 'done']),
  /** Done because a later contact planned a new follow-up: the id of the agreement that replaced it. */
  supersededBy: id.nullable(),
  overdue: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Agreement = z.output<typeof agreement>;

export const agreementPatch = z.strictObject({
  version,
  status: z.enum(['open', 'done']).optional(),
  followUpDue: date.nullable().optional(),
});
export type AgreementPatchIn = z.output<typeof agreementPatch>;

export const agreements = {
  patch: defineRoute({
    method: 'PATCH',
    path: '/api/agreements/:id',
    summary: 'Mark an agreement done or move its follow-up date',
    tags: ['agreements'],
    params: idParams,
    body: agreementPatch,
    response: agreement,
    errors: [409],
  }),
};
