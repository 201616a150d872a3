// Webhook endpoints an org registers, the deliveries of its events to them, and each attempt.
import type { WebhookEventType } from './event-types.ts';

export interface Webhook {
  id: string;
  orgId: string;
  url: string;
  events: WebhookEventType[];
  description: string;
  createdByUserId: string;
  createdAt: string;
}

/** pending until answered 2xx (delivered), given up after 24 h (failed) or its webhook deleted. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryAttempt {
  n: number;
  at: string;
  /** Null when no HTTP answer came (refused, timed out, DNS). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** When the next try is due; null when this attempt settled the delivery. */
  nextRetryAt: string | null;
}

export interface Delivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  orgId: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  giveUpAt: string;
  replayOf: string | null;
  createdAt: string;
  settledAt: string | null;
}

/** What the worker sends: the body a receiver gets, `{id, type, created, data}`. */
export interface EventPayload {
  id: string;
  type: WebhookEventType;
  /** Unix seconds, as Stripe does. */
  created: number;
  data: unknown;
}

export function payloadOf(e: {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: unknown;
}): EventPayload {
  return {
    id: e.id,
    type: e.type,
    created: Math.floor(Date.parse(e.createdAt) / 1000),
    data: e.data,
  };
}
