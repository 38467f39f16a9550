import type { FastifyInstance, RouteOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isWellFormedText } from '../db/well-formed-text.ts';
import { HttpError } from './errors.ts';
import { type ResponseSerializers, responseModeFor, serializerCompilerFor } from './response-serializer.ts';

/** For a POST/PUT/PATCH/DELETE that takes no body: none (Fastify makes that null) or `{}`, nothing else. */
export const emptyBody = z.object({}).strict().nullish();

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function methods(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/** The path of the first string (value or key) with a lone surrogate, or null. */
function illFormedAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illFormedAt(item, path === '' ? String(i) : `${path}.${i}`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (!isWellFormedText(key)) return path === '' ? 'body' : path;
    const found = illFormedAt(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Every body, query and parameter of the API is validated by a zod schema (fastify-type-provider-zod turns them
 * into validators, serializers and the OpenAPI document). A route that forgets one fails at start-up rather
 * than passing unchecked input to its handler; a route without a query schema sees an empty query. Response
 * bodies are checked by zod, or in production written by a serializer compiled from the same schema
 * (response-serializer.ts).
 */
export function registerValidation(
  app: FastifyInstance,
  responses: ResponseSerializers = responseModeFor(),
): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompilerFor(responses));
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const where = `${methods(route).join(',')} ${route.url}`;
    const schema = { ...route.schema };
    if (methods(route).some((m) => BODY_METHODS.has(m)) && !schema.body)
      throw new Error(`${where} has no body schema (use emptyBody when it takes none)`);
    if (route.url.includes(':') && !schema.params) throw new Error(`${where} has no params schema`);
    schema.querystring ??= z.object({});
    route.schema = schema;
  });
  // The schema helpers refuse lone surrogates field by field; this catches the strings no helper covers
  // (passwords, record keys, CSV uploads), before any handler or hash sees them.
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = illFormedAt(part, '');
      if (field !== null)
        throw new HttpError(
          'invalid_input',
          `${field || 'body'}: must be valid Unicode text (it contains a lone surrogate)`,
          field || 'body',
        ).because('invalid_text');
    }
  });
}
