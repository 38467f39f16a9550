import type { FastifyInstance } from 'fastify';
import { refreshDashboardCounts } from '../../repositories/dashboard-counts.ts';

/** The figures are per quarter: hourly is fresh enough, and the rebuild never runs on a request's time. */
const INTERVAL_MS = 60 * 60_000;

export function scheduleDashboardRefresh(app: FastifyInstance): void {
  const timer = setInterval(() => {
    refreshDashboardCounts(app.db, app.clock().toISOString()).catch((err: unknown) =>
      app.log.warn({ err }, 'dashboard refresh failed'),
    );
  }, INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
