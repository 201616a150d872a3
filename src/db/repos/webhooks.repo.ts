// All SQL for webhooks: endpoints, the event outbox, deliveries (the worker's queue) and attempts.
import type { Kysely } from 'kysely';
import type { WebhookEventType } from '../../domain/webhooks/event-types.ts';
import type {
  Delivery,
  DeliveryAttempt,
  DeliveryStatus,
  Webhook,
} from '../../domain/webhooks/webhook.ts';
import type { Database, WebhookAttemptsTable, WebhooksTable } from '../schema.ts';

function toWebhook(r: WebhooksTable): Webhook {
  return {
    id: r.id,
    orgId: r.org_id,
    url: r.url,
    events: JSON.parse(r.events) as WebhookEventType[],
    description: r.description,
    createdByUserId: r.created_by_user_id,
    createdAt: r.created_at,
  };
}

export async function insertWebhook(
  db: Kysely<Database>,
  w: Webhook,
  secret: string,
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: w.id,
      org_id: w.orgId,
      url: w.url,
      events: JSON.stringify(w.events),
      description: w.description,
      secret,
      created_by_user_id: w.createdByUserId,
      created_at: w.createdAt,
      deleted_at: null,
    })
    .execute();
}

/** A live (not deleted) webhook of `orgId`, or undefined: other orgs' ids look absent. */
export async function findWebhookOf(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<Webhook | undefined> {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row === undefined ? undefined : toWebhook(row);
}

export async function listWebhooksOf(db: Kysely<Database>, orgId: string): Promise<Webhook[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toWebhook);
}

/** Deletes softly (the delivery log keeps its references) and cancels what was still pending. */
export async function deleteWebhook(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('webhooks').set({ deleted_at: at }).where('id', '=', id).execute();
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', next_attempt_at: null, settled_at: at })
    .where('webhook_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export interface NewWebhookEvent {
  id: string;
  orgId: string;
  type: WebhookEventType;
  /** JSON text */
  data: string;
  createdAt: string;
}

export async function insertWebhookEvents(
  db: Kysely<Database>,
  rows: readonly NewWebhookEvent[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_events')
    .values(
      rows.map((e) => ({
        id: e.id,
        org_id: e.orgId,
        type: e.type,
        data: e.data,
        created_at: e.createdAt,
      })),
    )
    .execute();
}

/** The live webhooks of these orgs that subscribe to `type`. */
export async function subscribedWebhooks(
  db: Kysely<Database>,
  orgIds: readonly string[],
  type: WebhookEventType,
): Promise<{ id: string; orgId: string }[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'org_id', 'events'])
    .where('org_id', 'in', orgIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  // The event list is JSON text (portable); an org has a handful of webhooks, so filter here.
  return rows
    .filter((r) => (JSON.parse(r.events) as string[]).includes(type))
    .map((r) => ({ id: r.id, orgId: r.org_id }));
}

export interface NewDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  orgId: string;
  createdAt: string;
  giveUpAt: string;
  replayOf: string | null;
}

export async function insertDeliveries(
  db: Kysely<Database>,
  rows: readonly NewDelivery[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((d) => ({
        id: d.id,
        webhook_id: d.webhookId,
        event_id: d.eventId,
        org_id: d.orgId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: d.createdAt,
        give_up_at: d.giveUpAt,
        replay_of: d.replayOf,
        created_at: d.createdAt,
        settled_at: null,
      })),
    )
    .execute();
}

const deliveryColumns = [
  'd.id',
  'd.webhook_id',
  'd.event_id',
  'd.org_id',
  'd.status',
  'd.attempts',
  'd.next_attempt_at',
  'd.give_up_at',
  'd.replay_of',
  'd.created_at',
  'd.settled_at',
  'e.type',
] as const;

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  org_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  give_up_at: string;
  replay_of: string | null;
  created_at: string;
  settled_at: string | null;
  type: string;
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    eventId: r.event_id,
    eventType: r.type as WebhookEventType,
    orgId: r.org_id,
    status: r.status as DeliveryStatus,
    attemptCount: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    giveUpAt: r.give_up_at,
    replayOf: r.replay_of,
    createdAt: r.created_at,
    settledAt: r.settled_at,
  };
}

export async function findDeliveryOf(
  db: Kysely<Database>,
  webhookId: string,
  id: string,
): Promise<Delivery | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select(deliveryColumns)
    .where('d.id', '=', id)
    .where('d.webhook_id', '=', webhookId)
    .executeTakeFirst();
  return row === undefined ? undefined : toDelivery(row);
}

/** The newest deliveries of a webhook, each with its attempts in order. */
export async function listDeliveries(
  db: Kysely<Database>,
  webhookId: string,
  limit: number,
): Promise<(Delivery & { attempts: DeliveryAttempt[] })[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select(deliveryColumns)
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('delivery_id')
    .orderBy('n')
    .execute();
  const byDelivery = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) {
    const list = byDelivery.get(a.delivery_id) ?? [];
    list.push(toAttempt(a));
    byDelivery.set(a.delivery_id, list);
  }
  return rows.map((r) => ({ ...toDelivery(r), attempts: byDelivery.get(r.id) ?? [] }));
}

function toAttempt(a: WebhookAttemptsTable): DeliveryAttempt {
  return {
    n: a.n,
    at: a.at,
    statusCode: a.status_code,
    durationMs: a.duration_ms,
    error: a.error,
    nextRetryAt: a.next_retry_at,
  };
}

/** A claimed delivery with what the worker needs to send it. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  giveUpAt: string;
  url: string;
  secret: string;
  event: { id: string; type: WebhookEventType; createdAt: string; data: string };
}

/**
 * Claims up to `limit` due deliveries by pushing their due time to `leaseUntil`: another worker
 * skips them meanwhile, and a worker that dies mid-send leaves them due again once the lease
 * ends, so nothing is lost. `skipLocked` (PostgreSQL) lets several processes claim at once
 * without waiting on each other's rows; SQLite serialises writers and runs one process.
 */
export async function claimDueDeliveries(
  trx: Kysely<Database>,
  nowIso: string,
  leaseUntilIso: string,
  limit: number,
  skipLocked: boolean,
): Promise<ClaimedDelivery[]> {
  let q = trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (skipLocked) q = q.forUpdate().skipLocked();
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  await trx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntilIso })
    .where('id', 'in', ids)
    .execute();
  const rows = await trx
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.attempts',
      'd.give_up_at',
      'w.url',
      'w.secret',
      'e.id as event_id',
      'e.type',
      'e.created_at',
      'e.data',
    ])
    .where('d.id', 'in', ids)
    .orderBy('d.next_attempt_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    attempts: r.attempts,
    giveUpAt: r.give_up_at,
    url: r.url,
    secret: r.secret,
    event: {
      id: r.event_id,
      type: r.type as WebhookEventType,
      createdAt: r.created_at,
      data: r.data,
    },
  }));
}

export interface AttemptOutcome {
  attempt: DeliveryAttempt;
  status: DeliveryStatus;
  nextAttemptAt: string | null;
  settledAt: string | null;
}

/**
 * Records the outcome of attempt `expectedAttempts + 1`; false (and nothing written) when the
 * delivery moved on meanwhile (its lease ran out and another worker recorded first, or the
 * webhook was deleted).
 */
export async function recordAttempt(
  trx: Kysely<Database>,
  deliveryId: string,
  expectedAttempts: number,
  o: AttemptOutcome,
): Promise<boolean> {
  const res = await trx
    .updateTable('webhook_deliveries')
    .set({
      attempts: expectedAttempts + 1,
      status: o.status,
      next_attempt_at: o.nextAttemptAt,
      settled_at: o.settledAt,
    })
    .where('id', '=', deliveryId)
    .where('attempts', '=', expectedAttempts)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (res.numUpdatedRows !== 1n) return false;
  await trx
    .insertInto('webhook_attempts')
    .values({
      delivery_id: deliveryId,
      n: o.attempt.n,
      at: o.attempt.at,
      status_code: o.attempt.statusCode,
      duration_ms: o.attempt.durationMs,
      error: o.attempt.error,
      next_retry_at: o.attempt.nextRetryAt,
    })
    .execute();
  return true;
}
