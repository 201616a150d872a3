// The delivery worker: claims due deliveries, POSTs each signed event to its endpoint, and records
// the attempt. 2xx settles a delivery; anything else (an error status, a refused connection, a
// timeout, a redirect) schedules a retry with exponential backoff until 24 h after the event, then
// fails it. Claims are leases, so a crash mid-send loses nothing; on PostgreSQL several processes
// claim disjoint rows with FOR UPDATE SKIP LOCKED. A destination the SSRF guard blocks (see
// webhook-destination.ts) is not sent to at all: the attempt is logged and the delivery fails.
import {
  claimDueDeliveries,
  recordAttempt,
  type ClaimedDelivery,
} from '../db/repos/webhooks.repo.ts';
import {
  afterFailure,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from '../domain/webhooks/backoff.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/webhooks/signature.ts';
import { payloadOf, type DeliveryAttempt } from '../domain/webhooks/webhook.ts';
import type { ServiceDeps } from './deps.ts';
import { BlockedDestinationError, type ResolveAll } from './webhook-destination.ts';
import { createWebhookTransport, type FetchLike } from './webhook-transport.ts';

export interface DeliveryOptions {
  timeoutMs: number;
  /**
   * CIRCLES_WEBHOOK_ALLOW_PRIVATE: send to loopback, private… destinations too (local receivers in
   * development and tests). Off unless said: every send is checked by the destination guard.
   */
  allowPrivateNetworks?: boolean;
  /** DNS for the guard (tests fake it); the guard checks whatever it answers. */
  resolve?: ResolveAll;
  batchSize?: number;
  policy?: RetryPolicy;
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

const DEFAULT_BATCH = 50;
/** A claim outlives the request by this much before another worker may take the delivery. */
const LEASE_MARGIN_MS = 60_000;
const MAX_ERROR_LENGTH = 500;

export async function deliverDueWebhooks(
  deps: ServiceDeps,
  opts: DeliveryOptions,
): Promise<DeliveryRun> {
  const now = deps.now();
  const lease = new Date(now.getTime() + opts.timeoutMs + LEASE_MARGIN_MS).toISOString();
  const claimed = await deps.db
    .transaction()
    .execute((trx) =>
      claimDueDeliveries(
        trx,
        now.toISOString(),
        lease,
        opts.batchSize ?? DEFAULT_BATCH,
        deps.storeKind === 'postgres',
      ),
    );
  // Built here, never passed in: there is no way to hand the worker an unguarded fetch.
  const send = createWebhookTransport({
    allowPrivate: opts.allowPrivateNetworks === true,
    ...(opts.resolve === undefined ? {} : { resolve: opts.resolve }),
  });
  const outcomes = await Promise.all(claimed.map((d) => deliverOne(deps, opts, send, d)));
  const run: DeliveryRun = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  for (const o of outcomes) {
    if (o === null) continue;
    run.attempted += 1;
    run[o] += 1;
  }
  return run;
}

type Outcome = 'delivered' | 'retrying' | 'failed';

async function deliverOne(
  deps: ServiceDeps,
  opts: DeliveryOptions,
  send: FetchLike,
  d: ClaimedDelivery,
): Promise<Outcome | null> {
  const body = JSON.stringify(payloadOf({ ...d.event, data: JSON.parse(d.event.data) as unknown }));
  const at = deps.now();
  const started = performance.now();
  const sent = await post(
    send,
    opts.timeoutMs,
    d.url,
    body,
    signatureHeader(d.secret, at, body),
    d.event.id,
  );
  const durationMs = Math.round(performance.now() - started);
  const ok = sent.status !== null && sent.status >= 200 && sent.status < 300;
  const n = d.attempts + 1;
  const next =
    ok || sent.blocked
      ? null
      : afterFailure(n, deps.now(), new Date(d.giveUpAt), opts.policy ?? DEFAULT_RETRY_POLICY);
  const retryAt = next?.kind === 'retry' ? next.at.toISOString() : null;
  const attempt: DeliveryAttempt = {
    n,
    at: at.toISOString(),
    statusCode: sent.status,
    durationMs,
    error: sent.error,
    nextRetryAt: retryAt,
  };
  const outcome: Outcome = ok ? 'delivered' : retryAt === null ? 'failed' : 'retrying';
  const settledAt = retryAt === null ? deps.now().toISOString() : null;
  const recorded = await deps.db.transaction().execute((trx) =>
    recordAttempt(trx, d.id, d.attempts, {
      attempt,
      status: outcome === 'retrying' ? 'pending' : outcome,
      nextAttemptAt: retryAt,
      settledAt,
    }),
  );
  return recorded ? outcome : null;
}

async function post(
  send: FetchLike,
  timeoutMs: number,
  url: string,
  body: string,
  signature: string,
  eventId: string,
): Promise<{ status: number | null; error: string | null; blocked: boolean }> {
  try {
    const res = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Circles-Webhooks/1',
        [SIGNATURE_HEADER]: signature,
        'Circles-Event-Id': eventId,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const error = res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    return { status: res.status, error, blocked: false };
  } catch (err) {
    const blocked = err instanceof BlockedDestinationError;
    return { status: null, error: describe(err, timeoutMs), blocked };
  }
}

function describe(err: unknown, timeoutMs: number): string {
  if (!(err instanceof Error)) return String(err).slice(0, MAX_ERROR_LENGTH);
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `Timed out after ${timeoutMs} ms`;
  }
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`.slice(0, MAX_ERROR_LENGTH);
}
