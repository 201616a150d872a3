// The inbox: one partner-side view of referrals received and sent, what needs action first
// (received referrals awaiting an answer, soonest expiry first), with counts for the whole inbox.
import { z } from 'zod';
import { ReferralSchema } from './referrals.contract.ts';

export const InboxQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(500).optional(),
});

const ByStatus = z.object({
  New: z.number().int(),
  Active: z.number().int(),
  Closed: z.number().int(),
});

export const InboxCountsSchema = z.object({
  /** Received referrals still New: the caller's org must accept or decline them. */
  needsAction: z.number().int(),
  incoming: z.object({ total: z.number().int(), byStatus: ByStatus }),
  outgoing: z.object({ total: z.number().int(), byStatus: ByStatus }),
  /** Received New referrals that expire within `expiringWithinHours`. */
  expiringSoon: z.number().int(),
  expiringWithinHours: z.number().int(),
});

export const InboxItemSchema = z.object({
  referral: ReferralSchema,
  direction: z.enum(['incoming', 'outgoing']),
  /** The other party. */
  partner: z.object({ orgId: z.string(), name: z.string() }),
  needsAction: z.boolean(),
  expiringSoon: z.boolean(),
});

export const InboxSchema = z
  .object({
    counts: InboxCountsSchema,
    items: z.array(InboxItemSchema),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Inbox' });
export type InboxDto = z.infer<typeof InboxSchema>;
