import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { exportDashboard, readDashboard } from './commands.ts';
import { scheduleDashboardRefresh } from './schedule.ts';

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  scheduleDashboardRefresh(app);
  serve(app, api.dashboard.read, (req) => readDashboard(requestContext(req), req.query));
  serve(app, api.dashboard.export, async (req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="nestwerk-dashboard.csv"')
      .send(await exportDashboard(requestContext(req), req.query)),
  );
}
