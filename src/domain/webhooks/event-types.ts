// The domain events a partner can subscribe to with a webhook. A string-literal union, so a new
// event type is one line here and every exhaustive switch over it is checked by the compiler.
export const WEBHOOK_EVENT_TYPES = [
  'referral.created',
  'referral.status_changed',
  'referral.expired',
  'agreement.proposed',
  'agreement.accepted',
  'fee.due',
  'dispute.opened',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (s: string): s is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(s);
