import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createSecretBox } from '../db/secrets.ts';
import { DEMO_DOMAIN } from '../demo/staff.ts';
import { localDate } from '../policies/calendar.ts';
import { presentFamily } from '../presenters/family.ts';
import { loadFamilyFile } from '../repositories/family-file.ts';
import { auditRead } from '../routes/shared/audit-batch.ts';
import type { RequestContext } from '../routes/shared/context.ts';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

const ACCESS = { basis: 'care_relationship', expiresAt: null } as const;

/**
 * ONLY for `npm run bench`: the family read without anything around it — no session, no policy, no audit row,
 * no transaction, no security headers — running the same file queries and presenter as GET /api/families/:id.
 * The bench reports our authorised, audited read as a ratio of this, measured in the same run.
 *
 * `/bare/audited-families/:id` is the same read plus only its durable audit row, through the same group commit
 * as the app's reads (committed, and on SQLite synced, before the answer), in the demo nurse's name. It is the
 * floor under the audited read's ratio: what keeping NEN 7513's promise costs before the session, the access
 * check, the security headers and the request log add theirs.
 */
export async function startBareFamilyServer(db: Kysely<Database>): Promise<BareServer> {
  const app = Fastify({ logger: false });
  const secrets = createSecretBox(randomBytes(32));
  let nurse: Promise<RequestContext['principal']> | null = null;
  const demoNurse = () => {
    nurse ??= db
      .selectFrom('users')
      .select(['id', 'role', 'organisation_id', 'team_id', 'display_name'])
      .where('email', '=', `verpleegkundige@${DEMO_DOMAIN}`)
      .executeTakeFirstOrThrow()
      .then((u) => ({
        userId: u.id,
        role: u.role,
        organisationId: u.organisation_id,
        teamId: u.team_id,
        sessionIdHash: '',
        displayName: u.display_name,
      }));
    return nurse;
  };

  app.get<{ Params: { id: string } }>('/bare/families/:id', async (request, reply) => {
    const file = await loadFamilyFile(db, request.params.id);
    if (!file) return reply.code(404).send({ error: 'not_found' });
    return presentFamily(file, localDate(new Date()), ACCESS);
  });
  app.get<{ Params: { id: string } }>('/bare/audited-families/:id', async (request, reply) => {
    const file = await loadFamilyFile(db, request.params.id);
    if (!file) return reply.code(404).send({ error: 'not_found' });
    const now = new Date();
    const ctx: RequestContext = {
      db,
      principal: await demoNurse(),
      now,
      at: now.toISOString(),
      today: localDate(now),
      clientIp: request.ip || null,
      emergencyAccessHours: 0,
      secrets,
    };
    // The row a family read writes (routes/families/commands.ts): who, which family, which persons.
    await auditRead(ctx, {
      action: 'family.read',
      outcome: 'success',
      purpose: 'care',
      basis: 'care_relationship',
      basisDetail: null,
      familyId: file.family.id,
      personIds: file.persons.map((p) => p.id),
      details: null,
    });
    return presentFamily(file, ctx.today, ACCESS);
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
