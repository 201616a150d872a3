// Webhook endpoints of the caller's org: register (the signing secret is shown once), list,
// delete, read the delivery log, replay a delivery. Owners and admins only: an endpoint receives
// the org's deal events. Another org's webhook ids are not_found.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  deleteWebhook,
  findDeliveryOf,
  findWebhookOf,
  insertDeliveries,
  insertWebhook,
  listDeliveries,
  listWebhooksOf,
} from '../db/repos/webhooks.repo.ts';
import { DEFAULT_RETRY_POLICY } from '../domain/webhooks/backoff.ts';
import type { WebhookEventType } from '../domain/webhooks/event-types.ts';
import type { Delivery, DeliveryAttempt, Webhook } from '../domain/webhooks/webhook.ts';
import { checkWebhookUrl } from '../domain/webhooks/webhook-url.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { checkWebhookDestination, type DestinationPolicy } from './webhook-destination.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';

export const MAX_WEBHOOKS_PER_ORG = 20;
export const DELIVERY_LOG_LIMIT = 100;

export interface WebhookInput {
  url: string;
  events: readonly WebhookEventType[];
  description?: string | undefined;
}

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only owners and admins manage webhooks');
}

/** `whsec_` + 32 random bytes: shown once; kept in the store because signing needs it. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export async function createWebhook(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: WebhookInput,
  destinations: DestinationPolicy,
): Promise<{ webhook: Webhook; secret: string }> {
  requireAdmin(actor);
  const issues = checkWebhookUrl(input.url);
  if (issues.length === 0) {
    // The SSRF guard: no loopback, private, link-local… destination, by address or by DNS.
    const blocked = await checkWebhookDestination(input.url, destinations);
    if (blocked !== null) issues.push(blocked);
  }
  if (input.events.length === 0)
    issues.push({ path: 'events', message: 'Name at least one event' });
  if (issues.length > 0) throw validationError(issues, 'Invalid webhook');
  const webhook: Webhook = {
    id: randomUUID(),
    orgId: actor.orgId,
    url: input.url,
    events: [...new Set(input.events)],
    description: input.description ?? '',
    createdByUserId: actor.userId,
    createdAt: deps.now().toISOString(),
  };
  const secret = newSecret();
  await deps.db.transaction().execute(async (trx) => {
    if ((await listWebhooksOf(trx, actor.orgId)).length >= MAX_WEBHOOKS_PER_ORG) {
      throw new AppError('conflict', `At most ${MAX_WEBHOOKS_PER_ORG} webhooks per organization`);
    }
    await insertWebhook(trx, webhook, secret);
    await recordAudit(trx, deps, actor, meta, {
      action: 'webhook.created',
      targetType: 'webhook',
      targetId: webhook.id,
      details: { url: webhook.url, events: webhook.events },
    });
  });
  return { webhook, secret };
}

export async function listWebhooks(deps: ServiceDeps, actor: Actor): Promise<Webhook[]> {
  requireAdmin(actor);
  return listWebhooksOf(deps.db, actor.orgId);
}

async function ownWebhook(deps: ServiceDeps, actor: Actor, id: string): Promise<Webhook> {
  const w = await findWebhookOf(deps.db, actor.orgId, id);
  if (w === undefined) throw notFound('Webhook');
  requireAdmin(actor);
  return w;
}

export async function removeWebhook(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<void> {
  await ownWebhook(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    await deleteWebhook(trx, id, deps.now().toISOString());
    await recordAudit(trx, deps, actor, meta, {
      action: 'webhook.deleted',
      targetType: 'webhook',
      targetId: id,
    });
  });
}

export type DeliveryWithAttempts = Delivery & { attempts: DeliveryAttempt[] };

export async function webhookDeliveries(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<DeliveryWithAttempts[]> {
  await ownWebhook(deps, actor, id);
  return listDeliveries(deps.db, id, DELIVERY_LOG_LIMIT);
}

/**
 * Sends the same event again (same event id, so receivers can deduplicate) as a new delivery,
 * due now, with a fresh 24-hour retry window; the original delivery's log is kept as it was.
 */
export async function replayDelivery(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  webhookId: string,
  deliveryId: string,
): Promise<DeliveryWithAttempts> {
  await ownWebhook(deps, actor, webhookId);
  const original = await findDeliveryOf(deps.db, webhookId, deliveryId);
  if (original === undefined) throw notFound('Delivery');
  const now = deps.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await insertDeliveries(trx, [
      {
        id,
        webhookId,
        eventId: original.eventId,
        orgId: actor.orgId,
        createdAt: now.toISOString(),
        giveUpAt: new Date(now.getTime() + DEFAULT_RETRY_POLICY.windowMs).toISOString(),
        replayOf: original.id,
      },
    ]);
    await recordAudit(trx, deps, actor, meta, {
      action: 'webhook.delivery_replayed',
      targetType: 'webhook',
      targetId: webhookId,
      details: { deliveryId: original.id, replayId: id, eventId: original.eventId },
    });
  });
  const replay = await findDeliveryOf(deps.db, webhookId, id);
  if (replay === undefined) throw notFound('Delivery');
  return { ...replay, attempts: [] };
}
