// Who is calling, attached to each request by the auth hook (src/http/auth.ts).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/shared/errors.ts';
import type { Actor, RequestMeta } from '../services/deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Top-level response fields that are secrets: never stored for idempotent replay. */
    secretFields?: readonly string[];
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (req.actor === null) throw new AppError('unauthenticated', 'Sign in or send a Bearer token');
  return req.actor;
}

export function metaOf(req: FastifyRequest): RequestMeta {
  return { requestId: req.id };
}
