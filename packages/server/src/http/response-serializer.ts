import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * How a response body is held to its contract schema:
 * - `check` (development and tests): zod checks the body and strips fields not in the schema; a body that does
 *   not match fails the request (500), so a test of a handler that breaks its contract fails.
 * - `compiled` (production): a serializer compiled from the same schema (fast-json-stringify from its JSON
 *   Schema) writes only the schema's fields, in the same order, so nothing outside the contract leaves the
 *   server; it does not re-check types the tests already proved. The zod check was ≈ 12 % of a family read's
 *   CPU (docs/decisions.md, "Response bodies: checked in tests, compiled in production").
 */
export type ResponseMode = 'check' | 'compiled';

/** `compiled` only when NODE_ENV says production: every other run (tests, `npm start`, the e2e suite) checks. */
export function responseModeFor(env: NodeJS.ProcessEnv = process.env): ResponseMode {
  return env.NODE_ENV === 'production' ? 'compiled' : 'check';
}

type JsonSchema = { [key: string]: unknown };

function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `X | null` comes out of zod as `anyOf: [X, {type: 'null'}]`; fast-json-stringify would pick the branch by
 * running a validator on every value, so it is rewritten as `X` with `nullable: true`, which writes the same.
 */
function simplifyNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplifyNullable);
  if (!isJsonSchema(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = simplifyNullable(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const [first, second] = anyOf as unknown[];
    if (
      isJsonSchema(first) &&
      isJsonSchema(second) &&
      second.type === 'null' &&
      Object.keys(second).length === 1
    ) {
      const { anyOf: _dropped, ...rest } = out;
      return { ...rest, ...first, nullable: true };
    }
  }
  return out;
}

export type ZodSchema = z.ZodType | { properties: z.ZodType };

/** The zod schema behind a route's response entry (the type provider accepts both shapes). */
function zodSchemaOf(schema: ZodSchema): z.ZodType {
  return schema instanceof z.ZodType ? schema : schema.properties;
}

/**
 * Production's serializer: compiled once per route and status from the contract schema. A schema JSON Schema
 * cannot express (a custom refinement on output, a transform) keeps the zod check, so no route is ever left
 * without one or the other.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<ZodSchema> = (route) => {
  let json: unknown;
  try {
    json = z.toJSONSchema(zodSchemaOf(route.schema), {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
    });
  } catch {
    return zodSerializerCompiler(route);
  }
  const stringify = fastJson(simplifyNullable(json) as Parameters<typeof fastJson>[0]);
  return (data: unknown) => stringify(data);
};

/** A route's response serializer: one of the two modes, or (tests) a compiler of the caller's own. */
export type ResponseSerializers = ResponseMode | FastifySerializerCompiler<ZodSchema>;

export function serializerCompilerFor(mode: ResponseSerializers): FastifySerializerCompiler<ZodSchema> {
  if (typeof mode === 'function') return mode;
  return mode === 'compiled' ? compiledSerializerCompiler : zodSerializerCompiler;
}
