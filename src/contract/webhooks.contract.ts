// Webhooks: endpoints an org registers for its deal events, and their delivery log.
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks/event-types.ts';
import { text } from './common.contract.ts';

export { WEBHOOK_EVENT_TYPES };

export const WebhookCreateSchema = z.object({
  url: z.string().min(1).max(2048).describe('http(s) URL that receives POSTed events'),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, 'Name at least one event')
    .max(WEBHOOK_EVENT_TYPES.length * 2),
  description: text(500).optional(),
});

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string(),
    createdByUserId: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type WebhookDto = z.infer<typeof WebhookSchema>;

export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z
    .string()
    .describe(
      'Signing secret (whsec_…), shown once: verify Circles-Signature t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
    ),
}).meta({ id: 'WebhookCreated' });

export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) });

export const WebhookDeliveryParams = z.object({
  id: z.string().min(1).max(100),
  deliveryId: z.string().min(1).max(100),
});

export const DeliveryAttemptSchema = z.object({
  n: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable().describe('Null when no HTTP answer came'),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
});

export const DeliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    eventId: z.string(),
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    giveUpAt: z.string().describe('Retries stop then: 24 h after the event (or the replay)'),
    replayOf: z.string().nullable(),
    createdAt: z.string(),
    settledAt: z.string().nullable(),
    attempts: z.array(DeliveryAttemptSchema),
  })
  .meta({ id: 'WebhookDelivery' });
export type DeliveryDto = z.infer<typeof DeliverySchema>;

export const DeliveryListSchema = z.object({ deliveries: z.array(DeliverySchema) });

/** The body a receiver gets. */
export const WebhookEventPayloadSchema = z
  .object({
    id: z.string(),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    created: z.number().int().describe('Unix seconds'),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebhookEventPayload' });
