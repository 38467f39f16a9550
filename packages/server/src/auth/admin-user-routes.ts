import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../http/principal.ts';
import { serve } from '../http/serve.ts';
import { createUser, listUsers, resetPassword } from './admin-users.ts';

const MANAGER = ['application_manager'] as const;

/** User administration for the application manager (functioneel beheerder) of the same organisation. */
export async function adminUserRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.adminUsers.list, (request) => listUsers(app, requireRole(request, MANAGER), request.query));

  serve(app, api.adminUsers.create, async (request) =>
    createUser(app, request, requireRole(request, MANAGER), request.body),
  );

  serve(app, api.adminUsers.resetPassword, async (request) => {
    const principal = requireRole(request, MANAGER);
    return resetPassword(app, request, principal, request.params.id, {
      resetTotp: request.body?.resetTotp ?? false,
    });
  });
}
