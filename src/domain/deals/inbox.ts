// The inbox: one org's referrals, received and sent, in the order they need its attention.
// The order is a sequence of groups, each read from an index in its own order, so a page never
// sorts the whole inbox:
//   0. received and still New (the org must accept or decline): soonest expiry first
//   1. Active, either direction (being worked on): most recently changed first
//   2. sent and still New (waiting for the partner): soonest expiry first
//   3. Closed, either direction: most recently closed first (closed referrals never change)
import type { ReferralStatus } from './referral-state.ts';
import type { Referral } from './referral.ts';

export type InboxDirection = 'incoming' | 'outgoing';
export type InboxOrder = 'expiry' | 'recent';

export interface InboxGroup {
  directions: readonly InboxDirection[];
  status: ReferralStatus;
  order: InboxOrder;
}

export const INBOX_GROUPS: readonly InboxGroup[] = [
  { directions: ['incoming'], status: 'New', order: 'expiry' },
  { directions: ['incoming', 'outgoing'], status: 'Active', order: 'recent' },
  { directions: ['outgoing'], status: 'New', order: 'expiry' },
  { directions: ['incoming', 'outgoing'], status: 'Closed', order: 'recent' },
];

/** Received New referrals expiring within this window count as expiring soon. */
export const EXPIRING_SOON_HOURS = 72;

/** Where a page ends: the group and the last item's sort key and id. */
export interface InboxPosition {
  group: number;
  key: string;
  id: string;
}

export const sortKeyOf = (r: Referral, order: InboxOrder): string =>
  order === 'expiry' ? r.expiresAt : r.updatedAt;

/** Within a group: expiry ascending, or last change descending; id breaks ties the same way. */
export function compareInGroup(a: Referral, b: Referral, order: InboxOrder): number {
  const ka = sortKeyOf(a, order);
  const kb = sortKeyOf(b, order);
  const c = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return order === 'expiry' ? c : -c;
}

export const directionOf = (r: Referral, orgId: string): InboxDirection =>
  r.toOrgId === orgId ? 'incoming' : 'outgoing';

/** The org must answer it: received and still New. */
export const needsAction = (r: Referral, orgId: string): boolean =>
  r.status === 'New' && r.toOrgId === orgId;

export const soonLimit = (now: Date): string =>
  new Date(now.getTime() + EXPIRING_SOON_HOURS * 3_600_000).toISOString();

export function isExpiringSoon(r: Referral, orgId: string, now: Date): boolean {
  return needsAction(r, orgId) && r.expiresAt <= soonLimit(now);
}

export type StatusCounts = Record<ReferralStatus, number>;

export interface InboxCounts {
  needsAction: number;
  incoming: { total: number; byStatus: StatusCounts };
  outgoing: { total: number; byStatus: StatusCounts };
  expiringSoon: number;
  expiringWithinHours: number;
}

export interface DirectionCountRow {
  status: string;
  n: number;
  /** New referrals expiring before the soon limit. */
  soon: number;
}

function byStatus(rows: readonly DirectionCountRow[]): { total: number; byStatus: StatusCounts } {
  const counts: StatusCounts = { New: 0, Active: 0, Closed: 0 };
  for (const r of rows) {
    if (r.status === 'New' || r.status === 'Active' || r.status === 'Closed')
      counts[r.status] += r.n;
  }
  return { total: counts.New + counts.Active + counts.Closed, byStatus: counts };
}

export function inboxCounts(
  incoming: readonly DirectionCountRow[],
  outgoing: readonly DirectionCountRow[],
): InboxCounts {
  const inc = byStatus(incoming);
  return {
    needsAction: inc.byStatus.New,
    incoming: inc,
    outgoing: byStatus(outgoing),
    expiringSoon: incoming.reduce((sum, r) => sum + (r.status === 'New' ? r.soon : 0), 0),
    expiringWithinHours: EXPIRING_SOON_HOURS,
  };
}
