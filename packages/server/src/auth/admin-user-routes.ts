import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../http/principal.ts';
import { createUser, listUsers, resetPassword } from './admin-users.ts';
import { errorResponse } from './session-schemas.ts';

const tags = ['administration'];
const role = z.enum(['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager', 'analyst']);

const adminUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  totpEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const createBody = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(200),
    role,
    teamId: z.uuid().nullable().optional(),
  })
  .strict();

const resetBody = z
  .object({ resetTotp: z.boolean().default(false) })
  .strict()
  .nullish();

const MANAGER = ['application_manager'] as const;

/** User administration for the application manager (functioneel beheerder) of the same organisation. */
export async function adminUserRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Users of the own organisation',
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(adminUser), total: z.number() }), 403: errorResponse },
      },
    },
    async (request) => listUsers(app, requireRole(request, MANAGER), request.query),
  );

  r.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a user with a temporary password (changed and TOTP-enrolled at first log-in)',
        body: createBody,
        response: { 201: z.object({ user: adminUser, temporaryPassword: z.string() }), 409: errorResponse },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, MANAGER);
      return reply.code(201).send(await createUser(app, request, principal, request.body));
    },
  );

  r.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Give a user a temporary password; all their sessions end',
        params: z.object({ id: z.uuid() }),
        body: resetBody,
        response: { 200: z.object({ temporaryPassword: z.string() }), 404: errorResponse },
      },
    },
    async (request) => {
      const principal = requireRole(request, MANAGER);
      return resetPassword(app, request, principal, request.params.id, {
        resetTotp: request.body?.resetTotp ?? false,
      });
    },
  );
}
