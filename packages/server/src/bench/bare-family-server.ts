import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { localDate } from '../policies/calendar.ts';
import { presentFamily } from '../presenters/family.ts';
import { loadFamilyFile } from '../repositories/family-file.ts';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * ONLY for `npm run bench`: the family read without anything around it — no session, no policy, no audit row,
 * no transaction, no security headers — running the same file queries and presenter as GET /api/families/:id.
 * The bench reports our authorised, audited read as a ratio of this, measured in the same run.
 */
export async function startBareFamilyServer(db: Kysely<Database>): Promise<BareServer> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/bare/families/:id', async (request, reply) => {
    const file = await loadFamilyFile(db, request.params.id);
    if (!file) return reply.code(404).send({ error: 'not_found' });
    return presentFamily(file, localDate(new Date()), { basis: 'care_relationship', expiresAt: null });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
