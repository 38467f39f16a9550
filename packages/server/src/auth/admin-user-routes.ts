import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../http/principal.ts';
import { serve } from '../http/serve.ts';
import { approveRequest, cancelRequest, rejectRequest } from './admin-approval-decisions.ts';
import { listApprovals } from './admin-approvals.ts';
import { endCareRelationship, userCareRelationships } from './admin-care-relationships.ts';
import { listTeams, listUsers } from './admin-user-list.ts';
import {
  changeAssignment,
  createUser,
  disableUser,
  enableUser,
  offboardUser,
  resetPassword,
} from './admin-users.ts';
import { auditAuth } from './auth-audit.ts';

const MANAGER = ['application_manager'] as const;
/** Who may be asked to approve: team leads for clinical accounts, application managers for the others. */
const DECIDERS = ['application_manager', 'team_lead'] as const;

/** User administration for the application manager (functioneel beheerder) of the same organisation. */
export async function adminUserRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.adminUsers.list, async (request) => {
    const principal = requireRole(request, MANAGER);
    const page = await listUsers(app, principal, request.query);
    // Who may log in, with which role: personal data of staff, so looking at it is logged like any other read.
    await auditAuth(app.db, {
      action: 'admin.user.list',
      outcome: 'success',
      user: { id: principal.userId, role: principal.role, organisationId: principal.organisationId },
      clientIp: request.ip,
      basis: 'admin',
      details: { offset: request.query.offset, limit: request.query.limit, shown: page.items.length },
    });
    return page;
  });
  serve(app, api.adminUsers.teams, (request) => listTeams(app, requireRole(request, MANAGER)));
  serve(app, api.adminUsers.create, (request) =>
    createUser(app, request, requireRole(request, MANAGER), request.body),
  );
  serve(app, api.adminUsers.resetPassword, (request) =>
    resetPassword(app, request, requireRole(request, MANAGER), request.params.id, {
      resetTotp: request.body?.resetTotp ?? false,
    }),
  );
  serve(app, api.adminUsers.changeAssignment, (request) =>
    changeAssignment(app, request, requireRole(request, MANAGER), request.params.id, request.body),
  );
  serve(app, api.adminUsers.disable, (request) =>
    disableUser(app, request, requireRole(request, MANAGER), request.params.id),
  );
  serve(app, api.adminUsers.enable, (request) =>
    enableUser(app, request, requireRole(request, MANAGER), request.params.id),
  );
  serve(app, api.adminUsers.offboard, (request) =>
    offboardUser(app, request, requireRole(request, MANAGER), request.params.id),
  );
  serve(app, api.adminUsers.careRelationships, (request) =>
    userCareRelationships(app, requireRole(request, MANAGER), request.params.id),
  );
  serve(app, api.adminUsers.endCareRelationship, (request) =>
    endCareRelationship(app, request, requireRole(request, MANAGER), request.params.id),
  );

  serve(app, api.adminApprovals.list, (request) =>
    listApprovals(app, requireRole(request, DECIDERS), request.query),
  );
  serve(app, api.adminApprovals.approve, (request) =>
    approveRequest(
      app,
      request,
      requireRole(request, DECIDERS),
      request.params.id,
      request.body?.note ?? null,
    ),
  );
  serve(app, api.adminApprovals.reject, (request) =>
    rejectRequest(
      app,
      request,
      requireRole(request, DECIDERS),
      request.params.id,
      request.body?.note ?? null,
    ),
  );
  serve(app, api.adminApprovals.cancel, (request) =>
    cancelRequest(app, request, requireRole(request, MANAGER), request.params.id),
  );
}
