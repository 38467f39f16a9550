import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgres']) });

/** For load balancers and `npm start`: no log-in, and a real round trip to the database. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { config: { auth: 'none' }, schema: { tags: ['health'], response: { 200: health, 503: health } } },
      async (request, reply) => {
        try {
          await sql`select 1`.execute(app.db);
          return { status: 'ok' as const, database: app.dialect };
        } catch (err) {
          request.log.error({ err }, 'database unreachable');
          return reply.code(503).send({ status: 'unavailable', database: app.dialect });
        }
      },
    );
}
