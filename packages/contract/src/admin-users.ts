import { z } from 'zod';
import { approvalRequest } from './admin-approvals.ts';
import { date, emptyBody, id, idParams, text } from './common.ts';
import { defineRoute } from './route.ts';
import { userRole } from './session.ts';

/** A user as the application manager sees it in the user administration. */
export const adminUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: userRole,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  totpEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Only while the lockout lasts. */
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.output<typeof adminUser>;

export const adminUserQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AdminUserQuery = z.output<typeof adminUserQuery>;

export const createUserBody = z
  .object({
    email: z.email().max(254),
    displayName: text(200),
    role: userRole,
    teamId: z.uuid().nullable().optional(),
  })
  .strict();
export type CreateUserBody = z.output<typeof createUserBody>;

export const resetPasswordBody = z
  .object({ resetTotp: z.boolean().default(false) })
  .strict()
  .nullish();

/** A new role and team for a user; `teamId: null` takes the user out of every team. */
export const changeAssignmentBody = z.strictObject({ role: userRole, teamId: z.uuid().nullable() });

/**
 * One care relationship of a user, as the application manager sees it: which family (by id only — the
 * manager sees no family content), from when until when.
 */
export const adminCareRelationship = z.object({
  id,
  familyId: id,
  startDate: date,
  endDate: date.nullable(),
  active: z.boolean(),
});
export type AdminCareRelationship = z.output<typeof adminCareRelationship>;

/** A change that took effect at once, or the request that waits for a second person. */
const createdOrRequested = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), user: adminUser, temporaryPassword: z.string() }),
  z.object({ outcome: z.literal('pending_approval'), request: approvalRequest }),
]);
const enabledOrRequested = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('enabled'), user: adminUser }),
  z.object({ outcome: z.literal('pending_approval'), request: approvalRequest }),
]);

const tags = ['administration'];

/** User administration for the application manager (functioneel beheerder) of the same organisation. */
export const adminUsers = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/users',
    summary: 'Users of the own organisation',
    tags,
    query: adminUserQuery,
    response: z.object({ items: z.array(adminUser), total: z.number() }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/users',
    summary:
      'Create a user. A clinical role becomes a request for a team lead to approve; other roles are created at once ' +
      'with a temporary password (changed and TOTP-enrolled at first log-in)',
    tags,
    body: createUserBody,
    status: 201,
    response: createdOrRequested,
    errors: [409],
  }),
  teams: defineRoute({
    method: 'GET',
    path: '/api/admin/teams',
    summary: 'Teams of the own organisation',
    tags,
    response: z.object({ items: z.array(z.object({ id, name: z.string() })) }),
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/reset-password',
    summary:
      'Request a temporary password (and optionally a new second factor) for a user; takes effect when a second ' +
      'person approves',
    tags,
    params: z.object({ id: z.uuid() }),
    body: resetPasswordBody,
    status: 201,
    response: z.object({ request: approvalRequest }),
    errors: [409],
  }),
  changeAssignment: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/assignment',
    summary: 'Request a new role and/or team for a user; takes effect when a second person approves',
    tags,
    params: idParams,
    body: changeAssignmentBody,
    status: 201,
    response: z.object({ request: approvalRequest }),
    errors: [409],
  }),
  disable: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/disable',
    summary: 'Disable a user: every session ends at once, log-in is refused',
    tags,
    params: idParams,
    body: emptyBody,
    response: z.object({ user: adminUser }),
  }),
  enable: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/enable',
    summary: 'Enable a disabled user; for a clinical role a request for a second person to approve',
    tags,
    params: idParams,
    body: emptyBody,
    response: enabledOrRequested,
    errors: [409],
  }),
  offboard: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/offboard',
    summary: 'Offboard a user: disable, end every care relationship, withdraw pending requests about them',
    tags,
    params: idParams,
    body: emptyBody,
    response: z.object({ user: adminUser, endedRelationships: z.number() }),
  }),
  careRelationships: defineRoute({
    method: 'GET',
    path: '/api/admin/users/:id/care-relationships',
    summary: 'The personal care relationships of a user, current and past (family ids only)',
    tags,
    params: idParams,
    response: z.object({ items: z.array(adminCareRelationship) }),
  }),
  endCareRelationship: defineRoute({
    method: 'POST',
    path: '/api/admin/care-relationships/:id/end',
    summary: 'End a care relationship now: it no longer grants access',
    tags,
    params: idParams,
    body: emptyBody,
    response: z.object({ relationship: adminCareRelationship }),
  }),
};
