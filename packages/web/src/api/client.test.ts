import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, NetworkError, query } from './client.ts';

function fakeFetch(status: number, body?: unknown) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

describe('ApiClient', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const fetch = fakeFetch(200, { ok: true });
    const client = new ApiClient({ fetch });
    client.setCsrfToken('token-1');
    await client.get('/api/worklist');
    await client.post('/api/families', { name: 'x' });
    const getHeaders = fetch.mock.calls[0]?.[1]?.headers as Record<string, string>;
    const postHeaders = fetch.mock.calls[1]?.[1]?.headers as Record<string, string>;
    expect(getHeaders['x-csrf-token']).toBeUndefined();
    expect(postHeaders['x-csrf-token']).toBe('token-1');
    expect(postHeaders['content-type']).toBe('application/json');
    expect(fetch.mock.calls[1]?.[1]?.credentials).toBe('same-origin');
  });

  it('turns an error body into an ApiError with code and field', async () => {
    const client = new ApiClient({
      fetch: fakeFetch(400, { error: 'invalid_input', field: 'children.0.birthDate', message: 'bad date' }),
    });
    const err = await client.post('/api/families', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_input', field: 'children.0.birthDate' });
  });

  it('keeps the current resource of a 409 for conflict resolution', async () => {
    const current = { id: 'c1', version: 4 };
    const client = new ApiClient({ fetch: fakeFetch(409, { error: 'conflict', message: 'stale', current }) });
    const err = (await client.put('/api/contacts/c1', {}).catch((e: unknown) => e)) as ApiError;
    expect(err.body.current).toEqual(current);
  });

  it('reports an expired session, except where a 401 is an expected answer', async () => {
    const client = new ApiClient({
      fetch: fakeFetch(401, { error: 'unauthenticated', message: 'no session' }),
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);
    await client.get('/api/worklist').catch(() => undefined);
    expect(expired).toHaveBeenCalledTimes(1);
    await client.get('/api/session', { quietOn401: true }).catch(() => undefined);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('does not treat mfa_required as an expired session', async () => {
    const client = new ApiClient({ fetch: fakeFetch(401, { error: 'mfa_required' }) });
    const expired = vi.fn();
    client.onSessionExpired(expired);
    await client.post('/api/session', {}).catch(() => undefined);
    expect(expired).not.toHaveBeenCalled();
  });

  it('answers 204 with undefined and a failed fetch with NetworkError', async () => {
    expect(await new ApiClient({ fetch: fakeFetch(204) }).delete('/api/session')).toBeUndefined();
    const broken = new ApiClient({
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    await expect(broken.get('/api/health')).rejects.toBeInstanceOf(NetworkError);
  });

  it('builds query strings without empty values', () => {
    expect(query({ scope: 'mine', q: '', offset: 0, due: undefined })).toBe('?scope=mine&offset=0');
    expect(query({})).toBe('');
  });
});
