import type { FastifyInstance } from 'fastify';

const INTERVAL_MS = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes sessions past their absolute expiry and login counters nobody has touched for a day, so neither table
 * grows with abandoned browsers or a password-spraying attacker's made-up addresses. Idempotent: several server
 * processes on one PostgreSQL may run it at once.
 */
export async function sweepAuthTables(app: FastifyInstance): Promise<void> {
  const now = app.clock();
  const keepCounters = Math.max(
    DAY_MS,
    (app.config.login.lockMinutes + app.config.login.windowMinutes) * 60_000,
  );
  await app.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await app.db
    .deleteFrom('rate_limits')
    .where('window_start', '<', new Date(now.getTime() - keepCounters).toISOString())
    .execute();
}

export function scheduleHousekeeping(app: FastifyInstance): void {
  const timer = setInterval(() => {
    sweepAuthTables(app).catch((err: unknown) => app.log.warn({ err }, 'session housekeeping failed'));
  }, INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
