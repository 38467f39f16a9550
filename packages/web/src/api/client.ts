import type { EndpointKey, Endpoints, ErrorBody, ReplyOf, RequestOf } from '@nestwerk/contract';

type ApiErrorBody = ErrorBody;

/**
 * The one way the web app talks to the server: same-origin JSON, the CSRF token on every state-changing
 * request, errors turned into {@link ApiError} with the server's stable code. A 401 on a request that used
 * to work means the session expired: listeners are told, so the app can ask for a log-in again while the
 * work in progress stays where it is.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message ?? body.error);
    this.status = status;
    this.code = body.error;
    this.field = body.field;
    this.body = body;
  }
}

/** Thrown when the server cannot be reached at all. */
export class NetworkError extends Error {}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
}

export class ApiClient {
  private csrfToken: string | null = null;
  private readonly expiredListeners = new Set<() => void>();
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;

  constructor(options: ClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** Called when a request that needs a session gets 401 unauthenticated. */
  onSessionExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    options: { quietOn401?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : 'network error');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const errorBody = isErrorBody(parsed)
        ? parsed
        : { error: `http_${response.status}`, message: response.statusText };
      if (response.status === 401 && errorBody.error === 'unauthenticated' && !options.quietOn401) {
        for (const listener of this.expiredListeners) listener();
      }
      throw new ApiError(response.status, errorBody);
    }
    return parsed as T;
  }

  /**
   * Calls one route of the contract by its key, e.g. `call('GET /api/families/:id', { params: { id } })`:
   * the request and the reply are typed from `@nestwerk/contract` (types only, nothing reaches the bundle).
   */
  call<K extends EndpointKey>(
    key: K,
    ...[input, options]: object extends RequestOf<Endpoints[K]>
      ? [input?: RequestOf<Endpoints[K]>, options?: { quietOn401?: boolean }]
      : [input: RequestOf<Endpoints[K]>, options?: { quietOn401?: boolean }]
  ): Promise<ReplyOf<Endpoints[K]>> {
    const space = key.indexOf(' ');
    const method = key.slice(0, space) as Method;
    const parts = (input ?? {}) as { params?: Record<string, string>; query?: QueryParams; body?: unknown };
    const path = key
      .slice(space + 1)
      .replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(parts.params?.[name] ?? ''));
    const body = parts.body ?? (method === 'POST' ? {} : undefined);
    return this.request(method, `${path}${query(parts.query ?? {})}`, body, options);
  }

  get<T>(path: string, options?: { quietOn401?: boolean }): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T>(path: string, body?: unknown, options?: { quietOn401?: boolean }): Promise<T> {
    return this.request<T>('POST', path, body ?? {}, options);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string'
  );
}

/** Builds a query string from defined, non-empty values. */
type QueryParams = Record<string, string | number | undefined | null>;

export function query(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const api = new ApiClient();
