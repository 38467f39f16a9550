import {
  COMMON_ERRORS,
  errorBody,
  type ReplyInputOf,
  type RouteSpec,
  type ValidatedOf,
} from '@nestwerk/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** A request after validation, typed from the route's contract entry. */
export type ValidRequest<S extends RouteSpec> = FastifyRequest & ValidatedOf<S>;

/**
 * A handler returns the success body, or the reply itself when it answered otherwise (a cookie and a 401,
 * a CSV stream).
 */
export type Handler<S extends RouteSpec> = (
  request: ValidRequest<S>,
  reply: FastifyReply,
) => Promise<ReplyInputOf<S> | FastifyReply> | ReplyInputOf<S> | FastifyReply;

function responses(spec: RouteSpec): Record<number, z.ZodType> {
  const out: Record<number, z.ZodType> = {};
  for (const status of [...COMMON_ERRORS, ...(spec.errors ?? [])]) out[status] = errorBody;
  if (spec.path.includes(':')) out[404] = errorBody;
  for (const [status, schema] of Object.entries(spec.alternatives ?? {}))
    if (schema) out[Number(status)] = schema;
  out[spec.status ?? 200] = spec.response;
  return out;
}

/**
 * Registers one route of the contract: its schemas validate what comes in, its response schemas whitelist
 * what goes out (a field not in the schema never leaves) and describe it in /api/openapi.json.
 */
export function serve<S extends RouteSpec>(app: FastifyInstance, spec: S, handler: Handler<S>): void {
  const status = spec.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.path,
    config: spec.auth ? { auth: spec.auth } : {},
    schema: {
      tags: [...spec.tags],
      summary: spec.summary,
      ...(spec.hidden ? { hide: true } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.produces && spec.produces !== 'application/json' ? { produces: [spec.produces] } : {}),
      response: responses(spec),
    },
    handler: async (request, reply) => {
      const result = await handler(request as unknown as ValidRequest<S>, reply);
      if (result === reply) return reply;
      // A redirect handler answers itself (it sets the location); a 204 or 302 never carries a body.
      if (status === 204 || status === 302) return reply.code(status).send();
      return reply.code(status).send(result);
    },
  });
}
