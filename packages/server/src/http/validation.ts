import type { FastifyInstance, RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** For a POST/PUT/PATCH/DELETE that takes no body: none (Fastify makes that null) or `{}`, nothing else. */
export const emptyBody = z.object({}).strict().nullish();

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function methods(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/**
 * Every body, query and parameter of the API is validated by a zod schema (fastify-type-provider-zod turns them
 * into validators, serializers and the OpenAPI document). A route that forgets one fails at start-up rather
 * than passing unchecked input to its handler; a route without a query schema sees an empty query.
 */
export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
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
}
