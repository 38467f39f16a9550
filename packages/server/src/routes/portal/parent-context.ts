import type { FastifyRequest } from 'fastify';
import { auditParent } from '../../auth/parent-audit.ts';
import { readOnly } from '../../db/read-only.ts';
import { type ParentPrincipal, requireParent } from '../../http/principal.ts';
import { localDate } from '../../policies/calendar.ts';
import type { Db } from '../../repositories/db.ts';

/** A portal request: the parent (scoped to their own family, always), and one consistent "now". */
export interface ParentContext {
  db: Db;
  parent: ParentPrincipal;
  now: Date;
  at: string;
  today: string;
  clientIp: string | null;
}

export function parentContext(request: FastifyRequest): ParentContext {
  const parent = requireParent(request);
  const now = request.server.clock();
  return {
    db: request.server.db,
    parent,
    now,
    at: now.toISOString(),
    today: localDate(now),
    clientIp: request.ip || null,
  };
}

/** A parent's read of their own family (readOnly: no write lock on SQLite), then its audit row (actor type parent). */
export async function parentRead<T>(
  ctx: ParentContext,
  action: string,
  work: (trx: Db) => Promise<T>,
  details?: Record<string, unknown>,
): Promise<T> {
  const value = await readOnly(ctx.db, work);
  await auditParent(ctx.db, {
    action,
    outcome: 'success',
    parent: ctx.parent,
    clientIp: ctx.clientIp,
    at: ctx.at,
    ...(details ? { details } : {}),
  });
  return value;
}

/** A parent's change: the change and its audit row in one transaction. */
export function parentWrite<T>(
  ctx: ParentContext,
  action: string,
  work: (trx: Db) => Promise<{ value: T; details?: Record<string, unknown> }>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    await auditParent(trx, {
      action,
      outcome: 'success',
      parent: ctx.parent,
      clientIp: ctx.clientIp,
      at: ctx.at,
      ...(done.details ? { details: done.details } : {}),
    });
    return done.value;
  });
}
