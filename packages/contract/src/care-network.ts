import { z } from 'zod';
import { emptyBody, id, idParams, optionalText, text, timestamp, version } from './common.ts';
import { email, phone } from './partners.ts';
import { defineRoute } from './route.ts';

/**
 * The care network ("gezinsnetwerk", wrapped care): everyone involved with the family — professionals here,
 * partners of the social map, anyone else — with one coordinator. Not the care relationships of the family
 * file (`careTeam`), which say who in the organisation has access.
 */
export const careNetworkMember = z.object({
  id,
  name: z.string(),
  role: z.string(),
  organisation: z.string().nullable(),
  partnerId: id.nullable(),
  userId: id.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  coordinator: z.boolean(),
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type CareNetworkMember = z.output<typeof careNetworkMember>;

export const careNetwork = z.object({
  members: z.array(careNetworkMember),
  /** The coordinating member's id; null when nobody coordinates. */
  coordinatorId: id.nullable(),
});
export type CareNetwork = z.output<typeof careNetwork>;

export const careNetworkMemberParams = z.strictObject({ id, memberId: id });

/** Someone involved with the family: a professional here (userId), a partner (partnerId) or anyone else. */
export const careNetworkMemberIn = z.strictObject({
  name: text(200).optional(),
  role: text(200),
  organisation: text(200).optional(),
  partnerId: id.optional(),
  userId: id.optional(),
  phone: phone.optional(),
  email: email.optional(),
  note: text(1000).optional(),
  coordinator: z.boolean().default(false),
});

export const careNetworkMemberPatch = z.strictObject({
  version,
  name: text(200).optional(),
  role: text(200).optional(),
  organisation: optionalText(200),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  note: optionalText(1000),
  /** Makes this member the coordinator (the previous one stops being it). */
  coordinator: z.literal(true).optional(),
});

export type CareNetworkMemberIn = z.output<typeof careNetworkMemberIn>;
export type CareNetworkMemberPatchIn = z.output<typeof careNetworkMemberPatch>;

const tags = ['care network'];

export const careNetworkRoutes = {
  read: defineRoute({
    method: 'GET',
    path: '/api/families/:id/care-network',
    summary: 'The family’s care network: who is involved, and who coordinates',
    tags,
    params: idParams,
    response: careNetwork,
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/families/:id/care-network',
    summary: 'Add someone to the care network',
    tags,
    params: idParams,
    body: careNetworkMemberIn,
    status: 201,
    response: careNetwork,
  }),
  patch: defineRoute({
    method: 'PATCH',
    path: '/api/families/:id/care-network/:memberId',
    summary: 'Change a care network member, or make them the coordinator',
    tags,
    params: careNetworkMemberParams,
    body: careNetworkMemberPatch,
    response: careNetwork,
    errors: [409],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/families/:id/care-network/:memberId',
    summary: 'Remove someone from the care network',
    tags,
    params: careNetworkMemberParams,
    body: emptyBody,
    response: careNetwork,
  }),
};
