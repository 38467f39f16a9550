import { api } from '@nestwerk/contract';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from './error-handler.ts';
import { compiledSerializerCompiler, type ResponseMode, responseModeFor } from './response-serializer.ts';
import { registerValidation } from './validation.ts';

const item = z.object({
  id: z.string(),
  score: z.number().int(),
  note: z.string().nullable(),
  nationalId: z.object({ system: z.enum(['bsn', 'insz']), lastDigits: z.string() }).nullable(),
  tags: z.array(z.string()),
  due: z.iso.date().optional(),
  flag: z.boolean(),
});
const body = z.object({ items: z.array(item), total: z.number(), kind: z.literal('list') });

async function appAnswering(mode: ResponseMode, value: unknown) {
  const app = Fastify();
  registerValidation(app, mode);
  registerErrorHandling(app);
  app.get('/api/things', { schema: { response: { 200: body } } }, async () => value);
  const res = await app.inject({ method: 'GET', url: '/api/things' });
  await app.close();
  return res;
}

const good = {
  items: [
    { id: 'a', score: 3, note: null, nationalId: null, tags: [], flag: false },
    {
      id: 'b\u00eb "quoted" \\ \n',
      score: -1,
      note: 'lone \uD800 surrogate',
      nationalId: { system: 'bsn', lastDigits: '123' },
      tags: ['x', 'y'],
      due: '2026-03-01',
      flag: true,
    },
  ],
  total: 2.5,
  kind: 'list',
};

describe('response bodies', () => {
  it('are checked in tests: a body that breaks its contract fails the request', async () => {
    expect(responseModeFor()).toBe('check');
    expect(responseModeFor({ NODE_ENV: 'production' })).toBe('compiled');
    const res = await appAnswering('check', { ...good, total: 'two' });
    expect(res.statusCode).toBe(500);
    const missing = await appAnswering('check', { items: good.items, total: 2 });
    expect(missing.statusCode).toBe(500);
  });

  it('are written the same by the compiled serializer and by the zod check (optional fields may come last)', async () => {
    const checked = await appAnswering('check', good);
    const compiled = await appAnswering('compiled', good);
    expect(checked.statusCode).toBe(200);
    expect(compiled.statusCode).toBe(200);
    expect(JSON.parse(compiled.body)).toEqual(JSON.parse(checked.body));
    // Escapes as JSON.stringify does: a lone surrogate leaves as \ud800, never as an ill-formed byte.
    expect(compiled.body).toContain('lone \\ud800 surrogate');
    expect(JSON.parse(compiled.body)).toEqual(good);
  });

  it('never let a field outside the contract leave, in either mode', async () => {
    const leaky = {
      ...good,
      passwordHash: 'secret',
      items: good.items.map((i) => ({ ...i, internalNote: 'secret' })),
    };
    for (const mode of ['check', 'compiled'] as const) {
      const res = await appAnswering(mode, leaky);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('secret');
      expect(JSON.parse(res.body)).toEqual(good);
    }
  });

  it('compile for every response of the API, so production starts', () => {
    let compiled = 0;
    for (const group of Object.values(api))
      for (const spec of Object.values(group)) {
        const serialize = compiledSerializerCompiler({
          schema: spec.response,
          method: spec.method,
          url: spec.path,
          httpStatus: String(spec.status ?? 200),
        });
        expect(typeof serialize).toBe('function');
        compiled++;
      }
    expect(compiled).toBeGreaterThan(50);
  });
});
