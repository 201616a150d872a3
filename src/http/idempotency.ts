// Idempotency-Key on every POST: a retry gets the first result instead of repeating the effect.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/shared/errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { rememberResponse, replayIfSeen, requestFingerprint } from '../services/idempotency.service.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string; fingerprint: string } | null;
  }
}

export function registerIdempotency(app: FastifyInstance, deps: ServiceDeps): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError('validation', 'Invalid Idempotency-Key', [
        { path: 'headers.idempotency-key', message: '1-255 visible ASCII characters' },
      ]);
    }
    const scope = req.actor === null ? 'anonymous' : `${req.actor.userId}:${req.actor.orgId}`;
    const fingerprint = requestFingerprint(req.method, req.url, req.body);
    const seen = await replayIfSeen(deps, scope, key, fingerprint);
    if (seen !== null) {
      return reply
        .status(seen.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(seen.body);
    }
    req.idempotency = { scope, key, fingerprint };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (idem === null || reply.statusCode >= 500 || typeof payload !== 'string') return payload;
    await rememberResponse(deps, idem.scope, idem.key, idem.fingerprint, {
      statusCode: reply.statusCode,
      body: withoutSecrets(payload, req.routeOptions.config.secretFields ?? []),
    });
    return payload;
  });
}

// A one-time secret (a token) is never written to the database; its replay omits it.
function withoutSecrets(payload: string, fields: readonly string[]): string {
  if (fields.length === 0) return payload;
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    for (const f of fields) if (f in body) body[f] = '[shown once; not repeated on retry]';
    return JSON.stringify(body);
  } catch {
    return payload;
  }
}
