import { ApiError, NetworkError } from '../../api/client.ts';

export type LoginMessage =
  | 'login.wrongCredentials'
  | 'login.locked'
  | 'login.rateLimited'
  | 'login.totpWrong'
  | 'login.recoveryWrong'
  | 'app.errorNetwork'
  | 'app.errorGeneric';

/** Which message a failed log-in step shows; the server's stable error codes decide (docs/api.md). */
export function loginErrorMessage(err: unknown, step: 'password' | 'totp' | 'recovery'): LoginMessage {
  if (err instanceof NetworkError) return 'app.errorNetwork';
  if (!(err instanceof ApiError)) return 'app.errorGeneric';
  if (err.code === 'locked') return 'login.locked';
  if (err.code === 'rate_limited' || err.status === 429) return 'login.rateLimited';
  if (err.status === 401 || err.status === 400) {
    if (step === 'recovery') return 'login.recoveryWrong';
    return step === 'totp' ? 'login.totpWrong' : 'login.wrongCredentials';
  }
  return 'app.errorGeneric';
}

/**
 * Only same-site paths are followed after log-in: `next` comes from the address bar. Without one, `/` sends
 * each role to its own start page.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
