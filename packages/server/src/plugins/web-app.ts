import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Serves the built web app (packages/web/dist) from the same origin as the API, so the strict CSP and
 * SameSite=Strict cookies work without exceptions. Unknown non-API paths get index.html: the client-side router
 * owns them. Unknown API paths get a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      dotfiles: 'ignore',
      // Vite puts content-hashed files under assets/; everything else (index.html) must be revalidated.
      setHeaders: (reply, path) => {
        const immutable = path.startsWith(join(webDist, 'assets'));
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
      allowedPath: (pathName) => !isApi(pathName),
    });
  }
  const hasIndex = webDist !== null && existsSync(join(webDist, 'index.html'));
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi(request.url);
    if (hasIndex && wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    throw new HttpError('not_found', 'No such endpoint.');
  });
}
