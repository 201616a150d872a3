// SQL for the inbox: per-direction counts and one group's page, each answered from the
// (org, status, expires_at) and (org, status, updated_at) indexes of migration 004.
import { sql, type Kysely } from 'kysely';
import type { DirectionCountRow, InboxDirection, InboxOrder } from '../../domain/deals/inbox.ts';
import type { ReferralStatus } from '../../domain/deals/referral-state.ts';
import type { Referral } from '../../domain/deals/referral.ts';
import type { Database } from '../schema.ts';
import { toReferral } from './referrals.repo.ts';

const orgColumn = (d: InboxDirection) => (d === 'incoming' ? 'to_org_id' : 'from_org_id');

/**
 * Referrals per direction and status, and how many New ones expire by `soonIso`: one round trip,
 * each half an index-only range over one side's (org, status, expires_at) index.
 */
export async function countInbox(
  db: Kysely<Database>,
  orgId: string,
  soonIso: string,
): Promise<Record<InboxDirection, DirectionCountRow[]>> {
  const side = (direction: InboxDirection) =>
    db
      .selectFrom('referrals')
      .select(sql<string>`${sql.lit(direction)}`.as('direction'))
      .select('status')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .select(
        sql<
          number | string | null
        >`sum(case when status = 'New' and expires_at <= ${soonIso} then 1 else 0 end)`.as('soon'),
      )
      .where(orgColumn(direction), '=', orgId)
      .groupBy('status');
  const rows = await side('incoming').unionAll(side('outgoing')).execute();
  const out: Record<InboxDirection, DirectionCountRow[]> = { incoming: [], outgoing: [] };
  for (const r of rows) {
    const d: InboxDirection = r.direction === 'incoming' ? 'incoming' : 'outgoing';
    out[d].push({ status: r.status, n: Number(r.n), soon: Number(r.soon ?? 0) });
  }
  return out;
}

export interface GroupPageQuery {
  orgId: string;
  direction: InboxDirection;
  status: ReferralStatus;
  order: InboxOrder;
  /** Start strictly after this (sort key, id) position; null for the group's start. */
  after: { key: string; id: string } | null;
  limit: number;
}

/** One direction of one inbox group, in the group's order, from the position `after`. */
export async function pageInboxGroup(db: Kysely<Database>, q: GroupPageQuery): Promise<Referral[]> {
  const keyCol = q.order === 'expiry' ? 'expires_at' : 'updated_at';
  const dir = q.order === 'expiry' ? 'asc' : 'desc';
  let query = db
    .selectFrom('referrals')
    .selectAll()
    .where(orgColumn(q.direction), '=', q.orgId)
    .where('status', '=', q.status);
  if (q.after !== null) {
    const { key, id } = q.after;
    const op = q.order === 'expiry' ? '>' : '<';
    // A row-value comparison: an index range on (key, id), not a filter over the group's start.
    query = query.where((eb) => eb(eb.refTuple(keyCol, 'id'), op, eb.tuple(key, id)));
  }
  const rows = await query.orderBy(keyCol, dir).orderBy('id', dir).limit(q.limit).execute();
  return rows.map(toReferral);
}

export async function orgNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
