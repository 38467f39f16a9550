import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** The web app is served from our own origin and loads nothing from elsewhere; inline code is never allowed. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const ALWAYS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

function isHttps(request: FastifyRequest, config: Config): boolean {
  // request.protocol honours X-Forwarded-Proto only when trustProxy is configured.
  return config.secureCookies || request.protocol === 'https';
}

export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  reply.headers(ALWAYS);
  if (isHttps(request, config))
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  // Family data must never sit in a browser or proxy cache; static assets of the web app may.
  if (request.url.startsWith('/api/') || request.url === '/api' || !reply.getHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}

export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply, config);
    return payload;
  });
}
