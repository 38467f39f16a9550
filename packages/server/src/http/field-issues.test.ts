import { createFamilyBody } from '@nestwerk/contract';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handler.ts';
import { HttpError } from './errors.ts';
import { registerValidation } from './validation.ts';

async function post(payload: Record<string, unknown>) {
  const app = Fastify();
  registerValidation(app);
  registerErrorHandling(app);
  app.post('/api/families', { schema: { body: createFamilyBody } }, async () => ({}));
  const res = await app.inject({ method: 'POST', url: '/api/families', payload });
  return { status: res.statusCode, body: res.json() };
}

describe('field issues in error bodies', () => {
  it('lists every field at fault at once, in stable codes with the limits a message needs', async () => {
    const { status, body } = await post({
      name: 'x'.repeat(201),
      postcode: '12',
      children: [{ givenName: '', familyName: 'y'.repeat(101), birthDate: '2026-02-30' }],
      caregivers: [{ givenName: 'Ann', familyName: 'Jansen', role: 'mother', phone: 'bel maar' }],
    });
    expect(status).toBe(400);
    // The English message stays for API clients and logs.
    expect(body.message).toMatch(/^name: /);
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', code: 'too_long', params: { max: 200 } },
        { path: 'postcode', code: 'invalid_postcode' },
        { path: 'children.0.givenName', code: 'required' },
        { path: 'children.0.familyName', code: 'too_long', params: { max: 100 } },
        { path: 'children.0.birthDate', code: 'invalid_date' },
        { path: 'caregivers.0.phone', code: 'invalid_phone' },
      ]),
    );
    expect(body.issues).toHaveLength(6);
  });

  it('says a missing field is required and an unknown one is not expected', async () => {
    const { body } = await post({ children: [{ givenName: 'A', familyName: 'B' }], extra: 1 });
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', code: 'required' },
        { path: 'body', code: 'unknown_field', params: { keys: 'extra' } },
      ]),
    );
  });

  it('gives a domain error on a field its code, or `invalid` when it has none', () => {
    const coded = new HttpError('invalid_input', 'The follow-up lies before the contact date.', 'x').because(
      'date_order',
      { after: 'date' },
    );
    expect(coded.toBody()).toMatchObject({
      field: 'x',
      issues: [{ path: 'x', code: 'date_order', params: { after: 'date' } }],
    });
    expect(new HttpError('invalid_input', 'No.', 'y').toBody()).toMatchObject({
      issues: [{ path: 'y', code: 'invalid' }],
    });
    expect(new HttpError('forbidden', 'No.').toBody()).not.toHaveProperty('issues');
    expect(new HttpError('conflict', 'Changed.', 'version').toBody()).not.toHaveProperty('issues');
    expect(new HttpError('conflict', 'Taken.', 'email').because('taken').toBody()).toMatchObject({
      issues: [{ path: 'email', code: 'taken' }],
    });
  });
});
