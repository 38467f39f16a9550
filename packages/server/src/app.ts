import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
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
import { registerUnreadBodyClose } from './plugins/unread-body.ts';
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

/**
 * Standard output, written in blocks of ≈ 4 KB rather than a write per line: a synchronous write per request
 * was ≈ 6 % of a family read's CPU (bench profile). A quiet server's lines still appear within a second (see
 * buildApp). What a hard kill can lose is the last second of these operational lines, never an audit row (those
 * are in the database before any data leaves); a normal exit and `app.close()` flush it.
 */
function bufferedStdout(): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: 1, sync: false, minLength: 4096 });
}

function loggerOptions(
  config: Config,
  stream: NonNullable<AppOptions['logStream']>,
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    stream,
    // No headers (cookies, CSRF tokens), no bodies (passwords, family data), no query strings.
    serializers: {
      req: (req) => ({ method: req.method, url: pathOf(req.url), remoteAddress: req.ip }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * One line per answered request, instead of Fastify's two (one on arrival, one on completion): what an operator
 * reads is the same — method, path, status, time, client address — at half the lines and writes, a cost every
 * request pays. The line is a flat object, not serialised request and reply objects. Errors keep Fastify's own
 * lines, and a request that never completes still shows where its error is handled.
 */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: pathOf(request.url),
      statusCode: reply.statusCode,
      remoteAddress: request.ip,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const hops = config.trustProxy;
  const stdout = options.logger && !options.logStream ? bufferedStdout() : null;
  const logStream = options.logStream ?? stdout;
  const serverOptions: FastifyServerOptions = {
    logger: options.logger && logStream ? loggerOptions(config, logStream) : false,
    logController: new RequestLog(),
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
  // The log's last block reaches standard output before the process ends.
  if (stdout) {
    const tick = setInterval(() => stdout.flush(() => undefined), 1000);
    tick.unref();
    app.addHook('onClose', (_instance, done) => {
      clearInterval(tick);
      stdout.flush(() => done());
    });
  }
  registerValidation(app, options.responses);
  registerErrorHandling(app);
  registerSecurityHeaders(app, config);
  registerUnreadBodyClose(app);
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
