import type { FastifyRequest } from 'fastify';
import type { SecretBox } from '../../db/secrets.ts';
import { type Principal, requirePrincipal } from '../../http/principal.ts';
import { localDate } from '../../policies/calendar.ts';
import type { Db } from '../../repositories/db.ts';

/** What every domain handler needs from a request: who, from where, and one consistent "now". */
export interface RequestContext {
  db: Db;
  principal: Principal;
  now: Date;
  /** `now` as an ISO timestamp, for created_at/updated_at and the audit row. */
  at: string;
  /** The local calendar date (care relationships, follow-ups). */
  today: string;
  clientIp: string | null;
  /** How long an emergency access lasts (configuration), also the longest any grant counts. */
  emergencyAccessHours: number;
  /** Seals and finds national identifiers (BSN, INSZ) stored encrypted. */
  secrets: SecretBox;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const principal = requirePrincipal(request);
  const now = request.server.clock();
  return {
    db: request.server.db,
    principal,
    now,
    at: now.toISOString(),
    today: localDate(now),
    clientIp: request.ip || null,
    emergencyAccessHours: request.server.config.emergencyAccessHours,
    secrets: request.server.secrets,
  };
}
