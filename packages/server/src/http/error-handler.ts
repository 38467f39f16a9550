import { toFieldIssues, type ValidationIssue } from '@nestwerk/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, HttpError } from './errors.ts';

/** Fastify's own 4xx errors, answered in our words: their messages may echo hostile header values. */
const FASTIFY_ERRORS: Record<string, { error: ErrorCode; field?: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    error: 'unsupported_media_type',
    message: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    error: 'invalid_input',
    field: 'body',
    message: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    error: 'invalid_input',
    field: 'body',
    message: 'The body is empty but its content-type says JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    error: 'invalid_input',
    field: 'content-length',
    message: 'The content-length header does not match the body.',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    error: 'invalid_input',
    field: 'content-type',
    message: 'Invalid content-type.',
  },
  FST_ERR_BAD_URL: { error: 'invalid_input', field: 'url', message: 'The URL is malformed.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    error: 'invalid_input',
    field: 'url',
    message: 'A part of the URL is too long.',
  },
  FST_ERR_ASYNC_CONSTRAINT: { error: 'invalid_input', message: 'The request was not accepted.' },
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
};

/** `/children/0/birthDate` → `children.0.birthDate`; an issue with the whole part names the part. */
function fieldOf(issue: ValidationIssue | undefined, context: string | undefined): string {
  const path = (issue?.instancePath ?? '').split('/').filter(Boolean).join('.');
  // Ajv reports a missing property on its parent; zod on the property itself.
  const missing = issue?.params?.missingProperty;
  if (typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  return path || context || 'body';
}

/** All issues at once, so a form can mark every field at fault; `field` and `message` name the first. */
function validationBody(err: FastifyError): Record<string, unknown> {
  const all = (err.validation ?? []) as ValidationIssue[];
  const issue = all[0];
  const field = fieldOf(issue, err.validationContext);
  return {
    error: 'invalid_input',
    field,
    message: `${field}: ${issue?.message ?? 'invalid value'}`,
    issues: toFieldIssues(all, err.validationContext),
  };
}

function isSyntaxError(err: unknown): boolean {
  return err instanceof SyntaxError || (err as { name?: unknown }).name === 'SyntaxError';
}

export function answerError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) return reply.code(err.status).send(err.toBody());
  const fe = err as Partial<FastifyError>;
  if (Array.isArray(fe.validation)) return reply.code(400).send(validationBody(fe as FastifyError));
  const known = fe.code ? FASTIFY_ERRORS[fe.code] : undefined;
  if (known) {
    const status = known.error === 'invalid_input' ? 400 : new HttpError(known.error, '').status;
    return reply.code(status).send(known);
  }
  if (isSyntaxError(err) && fe.statusCode === 400)
    return reply
      .code(400)
      .send({ error: 'invalid_input', field: 'body', message: 'The body is not valid JSON.' });
  const status = fe.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const error = BY_STATUS[status] ?? 'invalid_input';
    return reply
      .code(BY_STATUS[status] ? status : 400)
      .send({ error, message: 'The request was not accepted.' });
  }
  request.log.error({ err }, 'unexpected error');
  return reply.code(500).send({ error: 'internal', message: 'Internal error' });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => answerError(err, request, reply));
}
