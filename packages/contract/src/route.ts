import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `full`: a logged-in user past the second factor (the default); `pending`: between
 * password and second factor; `session`: any session stage; `optional`: with or without one; `none`: public.
 * `parent`, `parent_pending`, `parent_optional`: the same for a parent portal session (its own cookie), which
 * never counts for the professional modes, nor a professional session for these.
 */
export type Auth =
  | 'none'
  | 'optional'
  | 'pending'
  | 'session'
  | 'full'
  | 'parent'
  | 'parent_pending'
  | 'parent_optional';

/** Error statuses a route can answer besides the ones every route can (see {@link COMMON_ERRORS}). */
export type ErrorStatus = 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

/**
 * One operation of the HTTP API, written once: the server registers it (validation, response whitelist,
 * OpenAPI) and the web client derives its request and reply types from it.
 */
export interface RouteSpec {
  method: Method;
  /** Fastify path syntax: `/api/families/:id`. */
  path: string;
  summary: string;
  tags: readonly string[];
  auth?: Auth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status; 204 answers without a body, and so does 302 (a redirect: `response` is `noContent`). */
  status?: 200 | 201 | 204 | 302;
  /** The success body. Fields not in it never leave the server. */
  response: z.ZodType;
  /** Extra statuses with a body other than the error shape (e.g. 503 from the health check). */
  alternatives?: Readonly<Partial<Record<number, z.ZodType>>>;
  errors?: readonly ErrorStatus[];
  /** Default `application/json`; CSV and HTML exports say so here. */
  produces?: 'application/json' | 'text/csv' | 'text/html' | 'text/css';
  /** Kept out of the OpenAPI document (test-only routes). */
  hidden?: boolean;
}

/** Every route can fail validation, lack a session, fail CSRF or a role check, be throttled, or fail. */
export const COMMON_ERRORS = [400, 401, 403, 429, 500] as const;

/** Identity with a checked, literal type: `defineRoute({...})` keeps the method and path as literals. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Input<T> = T extends z.ZodType ? z.input<T> : never;
type Output<T> = T extends z.ZodType ? z.output<T> : never;

/** Query strings are text on the wire; a client may hand over numbers for the plain-text fields. */
type QueryInput<T> = { [K in keyof T]: string extends T[K] ? T[K] | number : T[K] };

type Part<Name extends string, S, K extends keyof RouteSpec, Loose extends boolean = false> = S extends {
  [P in K]: infer T;
}
  ? T extends z.ZodType
    ? // A part whose every field is optional, or that may be absent (an empty body), may be left out.
      object extends z.input<T>
      ? { [P in Name]?: Loose extends true ? QueryInput<z.input<T>> : z.input<T> }
      : undefined extends z.input<T>
        ? { [P in Name]?: Loose extends true ? QueryInput<z.input<T>> : z.input<T> }
        : { [P in Name]: Loose extends true ? QueryInput<z.input<T>> : z.input<T> }
    : unknown
  : unknown;

/** What a client sends: `params`, `query` and `body` as the route declares them. */
export type RequestOf<S> = Part<'params', S, 'params'> &
  Part<'query', S, 'query', true> &
  Part<'body', S, 'body'>;

/** What a client receives on success. */
export type ReplyOf<S> = S extends { status: 204 | 302 }
  ? undefined
  : S extends { response: infer R }
    ? Output<R>
    : never;

/** What a server handler returns on success (before the response schema whitelists it). */
export type ReplyInputOf<S> = S extends { status: 204 | 302 }
  ? undefined
  : S extends { response: infer R }
    ? Input<R>
    : never;

/** What a server handler receives, after validation. */
export interface ValidatedOf<S> {
  params: S extends { params: infer T } ? Output<T> : Record<string, never>;
  query: S extends { query: infer T } ? Output<T> : Record<string, never>;
  body: S extends { body: infer T } ? Output<T> : undefined;
}
