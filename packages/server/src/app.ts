import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { adminUserRoutes } from './auth/admin-user-routes.ts';
import { registerAuthentication } from './auth/authenticate.ts';
import { citizenOidcRoutes } from './auth/citizen-oidc-routes.ts';
import { scheduleHousekeeping } from './auth/housekeeping.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import { portalPasskeyRoutes } from './auth/portal-passkey-routes.ts';
import { portalSessionRoutes } from './auth/portal-session-routes.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import type { Config } from './config.ts';
import type { Dialect } from './db/connect.ts';
import type { Database } from './db/schema.ts';
import { createSecretBox, loadOrCreateKeyFile } from './db/secrets.ts';
import type { Clock } from './http/app-context.ts';
import { answerError, registerErrorHandling } from './http/error-handler.ts';
import { healthRoutes } from './http/health-routes.ts';
import type { ResponseSerializers } from './http/response-serializer.ts';
import { registerValidation } from './http/validation.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerWebApp } from './plugins/web-app.ts';
import { domainRoutes } from './routes/index.ts';

export interface AppOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  clock?: Clock;
  /** Off unless asked for (tests); `nestwerk serve` and the bench's server turn it on. */
  logger?: boolean;
  /** Where log lines go when the logger is on: standard output unless a test reads them. */
  logStream?: { write(line: string): void };
  /** How response bodies are held to the contract; by default from NODE_ENV (see response-serializer.ts). */
  responses?: ResponseSerializers;
}

/** The path without its query: search terms are names and birth dates, which do not belong in a log file. */
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function loggerOptions(config: Config, stream: AppOptions['logStream']): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    // No headers (cookies, CSRF tokens), no bodies (passwords, family data), no query strings.
    serializers: {
      req: (req) => ({ method: req.method, url: pathOf(req.url), remoteAddress: req.ip }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * One line per answered request, instead of Fastify's two (one on arrival, one on completion): what an
 * operator reads is the same — method, path, status, time — at half the lines and half the writes, a cost every
 * request pays. A request that never completes still shows: its error is logged where it is handled.
 */
function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const hops = config.trustProxy;
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ? loggerOptions(config, options.logStream) : false,
    disableRequestLogging: true,
    bodyLimit: config.bodyLimitBytes,
    // A hop count as a function: Fastify's types omit the number its runtime accepts. Hop 0 is the socket peer,
    // so `hops` proxies are trusted and the address before them is the client's.
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    // A slow client must not hold a connection (and a SQLite reader) forever.
    requestTimeout: 60_000,
    routerOptions: { maxParamLength: 200 },
    // A malformed URL is answered before any route or hook runs: in our format, with our headers, without
    // echoing the URL back.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply, config);
      answerError(error, request, reply);
    },
  };
  const app = Fastify(serverOptions);
  app.decorate('db', options.db);
  app.decorate('dialect', options.dialect);
  app.decorate('config', config);
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.decorate('secrets', createSecretBox(config.secretsKey ?? loadOrCreateKeyFile(config.dataDir)));

  // The API speaks JSON only; a text/plain body is refused (415) instead of reaching a handler as a string.
  app.removeContentTypeParser('text/plain');
  if (options.logger) registerRequestLog(app);
  registerValidation(app, options.responses);
  registerErrorHandling(app);
  registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  registerAuthentication(app);
  scheduleHousekeeping(app);
  await registerOpenApi(app);

  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(oidcRoutes);
  await app.register(portalSessionRoutes);
  await app.register(citizenOidcRoutes);
  await app.register(portalPasskeyRoutes);
  await app.register(adminUserRoutes);
  await app.register(domainRoutes);
  await registerWebApp(app, config.webDist);
  await app.ready();
  return app;
}
