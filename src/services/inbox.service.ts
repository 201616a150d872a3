// The inbox: one partner-side view of referrals received and sent, what needs action first, with
// counts over the whole inbox. Pages are read group by group (see domain/deals/inbox.ts) with a
// keyset cursor, so an org with tens of thousands of referrals costs a few index range scans.
import { countInbox, orgNames, pageInboxGroup } from '../db/repos/inbox.repo.ts';
import {
  compareInGroup,
  directionOf,
  inboxCounts,
  INBOX_GROUPS,
  isExpiringSoon,
  needsAction,
  soonLimit,
  sortKeyOf,
  type InboxCounts,
  type InboxDirection,
  type InboxPosition,
} from '../domain/deals/inbox.ts';
import type { Referral } from '../domain/deals/referral.ts';
import { validationError } from '../domain/shared/errors.ts';
import type { Actor, ServiceDeps } from './deps.ts';

export interface InboxItem {
  referral: Referral;
  direction: InboxDirection;
  partner: { orgId: string; name: string };
  needsAction: boolean;
  expiringSoon: boolean;
}

export interface InboxPage {
  counts: InboxCounts;
  items: InboxItem[];
  nextCursor: string | null;
}

export interface InboxQuery {
  direction?: InboxDirection | undefined;
  limit: number;
  cursor?: string | undefined;
}

const badCursor = () =>
  validationError([{ path: 'cursor', message: 'Not a cursor from this inbox' }], 'Invalid cursor');

function encodeCursor(p: InboxPosition): string {
  return Buffer.from(JSON.stringify([p.group, p.key, p.id])).toString('base64url');
}

function decodeCursor(cursor: string): InboxPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3) {
      const [group, key, id] = v as unknown[];
      if (
        typeof group === 'number' &&
        Number.isInteger(group) &&
        group >= 0 &&
        group < INBOX_GROUPS.length &&
        typeof key === 'string' &&
        typeof id === 'string'
      ) {
        return { group, key, id };
      }
    }
  } catch {
    // fall through: not JSON
  }
  throw badCursor();
}

/** Up to `limit` referrals of group `g` from `after`, both its directions merged in order. */
async function readGroup(
  deps: ServiceDeps,
  orgId: string,
  g: number,
  only: InboxDirection | undefined,
  after: { key: string; id: string } | null,
  limit: number,
): Promise<Referral[]> {
  const group = INBOX_GROUPS[g];
  if (group === undefined) return [];
  const parts: Referral[] = [];
  for (const direction of group.directions) {
    if (only !== undefined && direction !== only) continue;
    const q = { orgId, direction, status: group.status, order: group.order, after, limit };
    parts.push(...(await pageInboxGroup(deps.db, q)));
  }
  return parts.sort((a, b) => compareInGroup(a, b, group.order)).slice(0, limit);
}

export async function inbox(
  deps: ServiceDeps,
  actor: Actor,
  query: InboxQuery,
): Promise<InboxPage> {
  const now = deps.now();
  const sides = await countInbox(deps.db, actor.orgId, soonLimit(now));
  const counts = inboxCounts(sides.incoming, sides.outgoing);
  const start = query.cursor === undefined ? null : decodeCursor(query.cursor);
  // One more than asked: if it exists there is a next page.
  const want = query.limit + 1;
  const found: { r: Referral; group: number }[] = [];
  for (let g = start?.group ?? 0; g < INBOX_GROUPS.length && found.length < want; g++) {
    const after = start !== null && g === start.group ? { key: start.key, id: start.id } : null;
    const rows = await readGroup(deps, actor.orgId, g, query.direction, after, want - found.length);
    found.push(...rows.map((r) => ({ r, group: g })));
  }
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  const lastOrder = last === undefined ? undefined : INBOX_GROUPS[last.group]?.order;
  const nextCursor =
    found.length > query.limit && last !== undefined && lastOrder !== undefined
      ? encodeCursor({ group: last.group, key: sortKeyOf(last.r, lastOrder), id: last.r.id })
      : null;
  const partnerIds = page.map(({ r }) => (r.toOrgId === actor.orgId ? r.fromOrgId : r.toOrgId));
  const names = await orgNames(deps.db, [...new Set(partnerIds)]);
  return {
    counts,
    items: page.map(({ r }, i) => {
      const partnerId = partnerIds[i] ?? '';
      return {
        referral: r,
        direction: directionOf(r, actor.orgId),
        partner: { orgId: partnerId, name: names.get(partnerId) ?? '' },
        needsAction: needsAction(r, actor.orgId),
        expiringSoon: isExpiringSoon(r, actor.orgId, now),
      };
    }),
    nextCursor,
  };
}
