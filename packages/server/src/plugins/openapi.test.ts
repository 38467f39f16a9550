import { allRoutes } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../http/test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

/** Fastify writes `/api/families/:id` as `/api/families/{id}` in the document. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

describe('the OpenAPI document and the contract', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let doc: Document;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildApp({ db: db.db, dialect: 'sqlite', config: testConfig() });
    await app.ready();
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  });
  afterAll(async () => {
    await app.close();
    await db.dispose();
  });

  it('describes a body schema for every response of every operation', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = Object.entries(operation.responses ?? {});
        // A redirect (the OIDC log-in) succeeds with a 302 and no body.
        const success = (status: string) => status.startsWith('2') || status === '302';
        if (!responses.some(([status]) => success(status))) missing.push(`${method} ${path}: no 2xx`);
        for (const [status, response] of responses) {
          if (status === '204' || status === '302') continue;
          const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
          if (schemas.length === 0 || schemas.some((s) => s === undefined))
            missing.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves every route of the contract, and no API route outside it', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const contract = allRoutes().filter((r) => !r.hidden);
    const inContract = new Set(contract.map((r) => `${r.method} ${openApiPath(r.path)}`));
    expect([...inContract].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !inContract.has(k))).toEqual([]);
  });

  it('names each route once in the contract', () => {
    const keys = allRoutes().map((r) => `${r.method} ${r.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
