// Error code -> HTTP status (exhaustive), and RFC 9457 problem+json bodies.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from '../domain/shared/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  precondition_required: 428,
  rate_limited: 429,
};

const TITLES: Record<ErrorCode, string> = {
  validation: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  csrf: 'CSRF token missing or invalid',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  uri_too_long: 'URI too long',
  unsupported_media_type: 'Unsupported media type',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  precondition_required: 'Precondition required',
  rate_limited: 'Too many requests',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors: FieldIssue[];
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function problemOf(err: AppError, instance?: string): Problem {
  return {
    type: `https://circles.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: TITLES[err.code],
    status: STATUS[err.code],
    detail: err.message,
    ...(instance === undefined ? {} : { instance }),
    errors: [...err.issues],
  };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation',
  FST_ERR_RATE_LIMIT: 'rate_limited',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_BAD_URL: 'validation',
};

/** Turns anything thrown into an AppError; unknown errors return null (a genuine 500). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'body';
    const issues = fe.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter((s) => s !== '')].join('.'),
      message: v.message ?? 'Invalid value',
    }));
    return new AppError('validation', 'The request does not match the schema', issues);
  }
  if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('validation', 'Malformed JSON body', [{ path: 'body', message: fe.message }]);
  }
  const mapped = typeof fe.code === 'string' ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped !== undefined) return new AppError(mapped, fe.message);
  if (fe.statusCode === 429) return new AppError('rate_limited', fe.message);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation', fe.message);
  }
  return null;
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  const problem = problemOf(err, req.url.split('?')[0]);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
