import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client.ts';
import { loginErrorMessage, safeNext } from './messages.ts';

describe('log-in messages', () => {
  it('maps the server codes to clear messages', () => {
    expect(loginErrorMessage(new ApiError(401, { error: 'unauthenticated', message: '' }), 'password')).toBe(
      'login.wrongCredentials',
    );
    expect(loginErrorMessage(new ApiError(429, { error: 'locked', message: '' }), 'password')).toBe(
      'login.locked',
    );
    expect(loginErrorMessage(new ApiError(429, { error: 'rate_limited', message: '' }), 'password')).toBe(
      'login.rateLimited',
    );
    expect(loginErrorMessage(new ApiError(401, { error: 'unauthenticated', message: '' }), 'totp')).toBe(
      'login.totpWrong',
    );
    expect(loginErrorMessage(new NetworkError('x'), 'password')).toBe('app.errorNetwork');
    expect(loginErrorMessage(new Error('x'), 'password')).toBe('app.errorGeneric');
  });

  it('follows only same-site paths after log-in', () => {
    expect(safeNext('/families/1')).toBe('/families/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
