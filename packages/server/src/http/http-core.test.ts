import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forEachDatabase } from '../testing/databases.ts';
import { registerErrorHandling } from './error-handler.ts';
import { ApiClient, startTestServer, type TestServer } from './test-server.ts';
import { registerValidation } from './validation.ts';

function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('content-security-policy')).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  );
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
}

forEachDatabase('HTTP core', (current, dialect) => {
  let server: TestServer;
  let webDist: string;
  let client: ApiClient;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'nestwerk-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Nestwerk</title><div id="root"></div>');
    writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'console.log("hi")');
    server = await startTestServer({
      db: current().db,
      dialect: current().dialect,
      config: { webDist, bodyLimitBytes: 4096 },
    });
    client = new ApiClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('reports health without a log-in', async () => {
    const res = await client.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: dialect });
  });

  it('sends the security headers and no-store on every API answer, errors included', async () => {
    for (const res of [
      await client.get('/api/health'),
      await client.get('/api/session'),
      await client.get('/api/nope'),
    ]) {
      expectSecurityHeaders(res.headers);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves the web app with the same headers, and index.html for client-side routes', async () => {
    const index = await client.get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="root">');
    expectSecurityHeaders(index.headers);

    const asset = await client.get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expectSecurityHeaders(asset.headers);

    const route = await client.get('/families/0190f2a4-7c1e-7000-8000-000000000000');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    expect(route.headers.get('content-type')).toMatch(/text\/html/);

    expect((await client.get('/../../etc/passwd')).text).not.toContain('root:');
  });

  it('closes the connection after refusing a request whose body has not arrived, and keeps it otherwise', async () => {
    // A client declares a body, sends part of it, and stops: refused at authentication before the body is read.
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /api/families HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Content-Length: 100000\r\n\r\n{"name":"${'x'.repeat(500)}`,
    );
    // The server ends the connection itself: it waits neither for the rest of the body nor for its timeout.
    await ended;
    socket.destroy();
    const [head = ''] = received.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 401 /);
    expect(head.toLowerCase()).toContain('connection: close');
    // A request read whole (here one without a body) keeps its connection for the next.
    const health = await fetch(`${server.url}/api/health`);
    await health.text();
    expect(health.headers.get('connection')).toBe('keep-alive');
  });

  it('answers unknown API paths with a JSON 404, never the web app', async () => {
    const res = await client.get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: 'not_found', message: 'No such endpoint.' });
    expect((await client.request('PUT', '/api/health', { body: {} })).status).toBe(404);
  });

  it('refuses malformed, oversized and non-JSON bodies with a JSON 4xx', async () => {
    const broken = await client.request('POST', '/api/session', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ error: 'invalid_input', field: 'body' });

    const big = await client.post('/api/session', { email: 'a@b.example', password: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: 'payload_too_large' });

    const text = await client.request('POST', '/api/session', {
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject({ error: 'unsupported_media_type' });

    const missing = await client.post('/api/session', { password: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: 'invalid_input', field: 'email' });

    const extra = await client.post('/api/session', { email: 'a@b.example', password: 'x', admin: true });
    expect(extra.json).toMatchObject({ error: 'invalid_input' });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await client.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.json?.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/session', '/api/admin/users']),
    );
    expect(JSON.stringify(paths['/api/session']?.post?.requestBody)).toContain('password');
  });
});

describe('central error handling', () => {
  it('turns an unexpected error into a 500 without internals', async () => {
    const app = Fastify();
    registerValidation(app);
    registerErrorHandling(app);
    app.get('/api/boom', async () => {
      throw new Error('secret table users_v2 is missing at /srv/app/db.ts:42');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'Internal error' });
    expect(res.body).not.toContain('users_v2');
  });

  it('refuses at start-up a route without a body or params schema', () => {
    const app = Fastify();
    registerValidation(app);
    expect(() => app.post('/api/unchecked', async () => ({}))).toThrow(/no body schema/);
    expect(() => app.get('/api/things/:id', async () => ({}))).toThrow(/no params schema/);
  });

  it('names nested fields with dots', async () => {
    const app = Fastify();
    registerValidation(app);
    registerErrorHandling(app);
    app.post(
      '/api/nested',
      { schema: { body: z.object({ children: z.array(z.object({ birthDate: z.iso.date() })) }) } },
      async () => ({}),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/nested',
      payload: { children: [{ birthDate: 'gisteren' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_input', field: 'children.0.birthDate' });
  });
});
