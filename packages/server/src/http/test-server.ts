import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Dialect } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { ResponseSerializers } from './response-serializer.ts';

/** A clock tests move by hand: idle timeouts and lockouts without waiting. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T09:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

/** One key per test process: test servers never write a key file into the working directory. */
const TEST_SECRETS_KEY = randomBytes(32);

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), webDist: null, secretsKey: TEST_SECRETS_KEY, ...overrides };
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a real port (127.0.0.1:random), as the browser and other clients meet it. */
export async function startTestServer(options: {
  db: Kysely<Database>;
  dialect: Dialect;
  config?: Partial<Config>;
  clock?: TestClock;
  responses?: ResponseSerializers;
}): Promise<TestServer> {
  const clock = options.clock ?? new TestClock();
  const config = testConfig(options.config);
  const app = await buildApp({
    db: options.db,
    dialect: options.dialect,
    config,
    clock: clock.now,
    responses: options.responses,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: address, clock, config, close: () => app.close() };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  json: Record<string, unknown> | undefined;
}

/**
 * A browser-like client: keeps the session cookie, and sends the CSRF token it last received on every
 * state-changing request (unless told not to).
 */
export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.csrf !== false && this.csrfToken && method !== 'GET')
      headers['x-csrf-token'] ??= this.csrfToken;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      redirect: 'manual',
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      if (!pair) continue;
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value === '' || /expires=Thu, 01 Jan 1970/i.test(setCookie) ? undefined : pair;
    }
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return { status: response.status, headers: response.headers, text, json };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body === undefined ? {} : { body });
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}
