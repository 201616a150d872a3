import { createHash } from 'node:crypto';
import {
  deleteIdempotencyBefore,
  findIdempotencyRecord,
  saveIdempotencyRecord,
} from '../db/repos/idempotency.repo.ts';
import { AppError } from '../domain/shared/errors.ts';
import type { ServiceDeps } from './deps.ts';

export interface StoredResponse {
  statusCode: number;
  body: string;
}

const KEY_TTL_HOURS = 24;

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/** The first response stored under this key, or null. A different request under the same key is refused. */
export async function replayIfSeen(
  deps: ServiceDeps,
  scope: string,
  key: string,
  fingerprint: string,
): Promise<StoredResponse | null> {
  const rec = await findIdempotencyRecord(deps.db, scope, key);
  if (rec === undefined) return null;
  if (rec.request_hash !== fingerprint) {
    throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for a different request', [
      { path: 'headers.idempotency-key', message: 'Already used with another method, path or body' },
    ]);
  }
  return { statusCode: rec.status_code, body: rec.response_body };
}

export async function rememberResponse(
  deps: ServiceDeps,
  scope: string,
  key: string,
  fingerprint: string,
  res: StoredResponse,
): Promise<void> {
  const now = deps.now();
  await saveIdempotencyRecord(deps.db, {
    scope,
    key,
    request_hash: fingerprint,
    status_code: res.statusCode,
    response_body: res.body,
    created_at: now.toISOString(),
  });
  // Keys are kept for a day; trimming here keeps the table small without a scheduler.
  if (Math.random() < 0.01) {
    await deleteIdempotencyBefore(deps.db, new Date(now.getTime() - KEY_TTL_HOURS * 3600_000).toISOString());
  }
}
