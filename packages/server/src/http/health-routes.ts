import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { serve } from './serve.ts';

/** For load balancers and `npm start`: no log-in, and a real round trip to the database. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.system.health, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, database: app.dialect };
    } catch (err) {
      request.log.error({ err }, 'database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: app.dialect });
    }
  });
}
