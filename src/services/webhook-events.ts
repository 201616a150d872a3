// The transactional outbox: a use case records a domain event inside its own transaction, so the
// change and the event commit together or not at all. Each org told gets its own event row, and a
// pending delivery for each of its webhooks subscribed to the type at that moment; the delivery
// worker (webhook-delivery.service.ts) sends them later, retrying until the receiver answers.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  insertDeliveries,
  insertWebhookEvents,
  subscribedWebhooks,
} from '../db/repos/webhooks.repo.ts';
import type { Database } from '../db/schema.ts';
import type { JsonValue } from '../domain/deals/event-log.ts';
import { DEFAULT_RETRY_POLICY } from '../domain/webhooks/backoff.ts';
import type { WebhookEventType } from '../domain/webhooks/event-types.ts';

export type { WebhookEventType } from '../domain/webhooks/event-types.ts';

export interface DomainEvent {
  /** The orgs to tell (duplicates are told once): usually both parties of a deal. */
  orgIds: readonly string[];
  type: WebhookEventType;
  data: { [key: string]: JsonValue };
  /** When it happened: the service's `deps.now()`. */
  at: Date;
}

/** Enqueues `event` in `trx` (the caller's transaction); returns the event ids, one per org. */
export async function enqueueEvent(trx: Kysely<Database>, event: DomainEvent): Promise<string[]> {
  const orgIds = [...new Set(event.orgIds)];
  if (orgIds.length === 0) return [];
  const created = event.at.toISOString();
  const giveUpAt = new Date(event.at.getTime() + DEFAULT_RETRY_POLICY.windowMs).toISOString();
  const data = JSON.stringify(event.data);
  const rows = orgIds.map((orgId) => ({
    id: `evt_${randomUUID()}`,
    orgId,
    type: event.type,
    data,
    createdAt: created,
  }));
  await insertWebhookEvents(trx, rows);
  const hooks = await subscribedWebhooks(trx, orgIds, event.type);
  const deliveries = rows.flatMap((e) =>
    hooks
      .filter((h) => h.orgId === e.orgId)
      .map((h) => ({
        id: randomUUID(),
        webhookId: h.id,
        eventId: e.id,
        orgId: e.orgId,
        createdAt: created,
        giveUpAt,
        replayOf: null,
      })),
  );
  await insertDeliveries(trx, deliveries);
  return rows.map((r) => r.id);
}
