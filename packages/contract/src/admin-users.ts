import { z } from 'zod';
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
    displayName: z.string().trim().min(1).max(200),
    role: userRole,
    teamId: z.uuid().nullable().optional(),
  })
  .strict();
export type CreateUserBody = z.output<typeof createUserBody>;

export const resetPasswordBody = z
  .object({ resetTotp: z.boolean().default(false) })
  .strict()
  .nullish();

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
    summary: 'Create a user with a temporary password (changed and TOTP-enrolled at first log-in)',
    tags,
    body: createUserBody,
    status: 201,
    response: z.object({ user: adminUser, temporaryPassword: z.string() }),
    errors: [409],
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/reset-password',
    summary: 'Give a user a temporary password; all their sessions end',
    tags,
    params: z.object({ id: z.uuid() }),
    body: resetPasswordBody,
    response: z.object({ temporaryPassword: z.string() }),
  }),
};
