import fastifySwagger from '@fastify/swagger';
import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { serve } from '../http/serve.ts';

/** Must be registered before any route: @fastify/swagger collects routes as they are added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nestwerk API',
        description: 'See docs/api.md for the conventions (errors, sessions, CSRF, optimistic locking).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'nestwerk_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  serve(app, api.system.openapi, () => app.swagger() as unknown as Record<string, unknown>);
}
