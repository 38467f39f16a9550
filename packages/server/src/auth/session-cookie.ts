import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/**
 * `__Host-` binds the cookie to this exact origin over TLS (no Domain, Path=/, Secure); browsers refuse it on
 * plain http, so development uses the plain name.
 */
export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-nestwerk_session' : 'nestwerk_session';
}

function options(config: Config) {
  // No Max-Age: the cookie dies with the browser, which matters on shared workstations; the server enforces
  // the idle and absolute timeouts itself.
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies } as const;
}

export function readSessionCookie(request: FastifyRequest, config: Config): string | undefined {
  const value = request.cookies[sessionCookieName(config)];
  return value && value.length <= 128 ? value : undefined;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, options(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), options(config));
}
