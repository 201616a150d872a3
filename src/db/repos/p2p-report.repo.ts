// All SQL for the association report: the facts of each won referral, their daily roll-ups per
// dimension, and the GROUP BY that reads them. The report reads days x cells roll-up rows,
// so its cost does not grow with the number of referrals.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type ReportDim = 'total' | 'country' | 'solutionArea';

/** Organizations kept per dimension, cell and day: the suppression threshold. */
export const ORGS_KEPT_PER_DAY = 5;

export interface WinFact {
  referralId: string;
  senderOrgId: string;
  receiverOrgId: string;
  senderCountry: string;
  receiverCountry: string;
  customerCountry: string | null;
  crossBorder: boolean;
  /** UTC ISO 8601. */
  wonAt: string;
  amount: number;
  currency: string;
  solutionAreas: readonly string[];
}

/** The cells a win counts in, per dimension (a deal across two countries counts in both). */
export function cellsOf(f: WinFact): { dim: ReportDim; cell: string }[] {
  const countries = [...new Set([f.senderCountry, f.receiverCountry])];
  const areas = f.solutionAreas.length === 0 ? ['unspecified'] : [...new Set(f.solutionAreas)];
  return [
    { dim: 'total', cell: 'total' },
    ...countries.map((cell) => ({ dim: 'country' as const, cell })),
    ...areas.map((cell) => ({ dim: 'solutionArea' as const, cell })),
  ];
}

/** Records a win and rolls it up, inside the caller's transaction. */
export async function recordWinFact(db: Kysely<Database>, f: WinFact): Promise<void> {
  await db
    .insertInto('p2p_wins')
    .values({
      referral_id: f.referralId,
      sender_org_id: f.senderOrgId,
      receiver_org_id: f.receiverOrgId,
      sender_country: f.senderCountry,
      receiver_country: f.receiverCountry,
      customer_country: f.customerCountry,
      cross_border: f.crossBorder ? 1 : 0,
      won_at: f.wonAt,
      amount: f.amount,
      currency: f.currency,
    })
    .execute();
  const areas = [...new Set(f.solutionAreas)];
  if (areas.length > 0) {
    await db
      .insertInto('p2p_win_areas')
      .values(areas.map((area) => ({ referral_id: f.referralId, area })))
      .execute();
  }
  const day = f.wonAt.slice(0, 10);
  // Rows are locked in one global order (dim, cell, org), so two wins rolling up into the same
  // cells cannot deadlock on PostgreSQL.
  const cells = cellsOf(f).sort((a, b) => `${a.dim}|${a.cell}`.localeCompare(`${b.dim}|${b.cell}`));
  const orgs = [f.senderOrgId, f.receiverOrgId].sort();
  await db
    .insertInto('p2p_daily')
    .values(
      cells.map(({ dim, cell }) => ({
        dim,
        cell,
        day,
        currency: f.currency,
        wins: 1,
        cross_border: f.crossBorder ? 1 : 0,
        amount: f.amount,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['dim', 'day', 'cell', 'currency']).doUpdateSet({
        wins: sql`p2p_daily.wins + excluded.wins`,
        cross_border: sql`p2p_daily.cross_border + excluded.cross_border`,
        amount: sql`p2p_daily.amount + excluded.amount`,
      }),
    )
    .execute();
  // Each (cell, org) pair is kept while its cell has fewer than 5 orgs that day. VALUES columns
  // are named column1.. on both SQLite and PostgreSQL.
  const pairs = cells.flatMap(({ dim, cell }) => orgs.map((org) => sql`(${dim}, ${cell}, ${org})`));
  await sql`insert into p2p_daily_orgs (dim, cell, day, org_id)
    select v.column1, v.column2, ${day}, v.column3 from (values ${sql.join(pairs)}) as v
    where (select count(*) from p2p_daily_orgs o
           where o.dim = v.column1 and o.day = ${day} and o.cell = v.column2) < ${ORGS_KEPT_PER_DAY}
    on conflict do nothing`.execute(db);
}

export interface AggregateRow {
  key: string;
  currency: string;
  wins: number;
  crossBorder: number;
  /** Exact: SUM over bigint may come back as text from PostgreSQL. */
  amount: bigint;
}

export interface AggregateQuery {
  dim: ReportDim;
  /** Group the dimension's cells by month of the day instead of by cell. */
  byMonth: boolean;
  /** YYYY-MM-DD, inclusive. */
  fromDay: string;
  /** YYYY-MM-DD, exclusive. */
  toDay: string;
}

const keyOf = (q: AggregateQuery) =>
  q.byMonth ? sql<string>`substr(day, 1, 7)` : sql<string>`cell`;

export async function aggregateWins(
  db: Kysely<Database>,
  q: AggregateQuery,
): Promise<AggregateRow[]> {
  const key = keyOf(q);
  const rows = await db
    .selectFrom('p2p_daily')
    .select([
      key.as('key'),
      'currency',
      sql<number>`sum(wins)`.as('wins'),
      sql<number>`sum(cross_border)`.as('cross_border'),
      sql<string | number>`sum(amount)`.as('amount'),
    ])
    .where('dim', '=', q.dim)
    .where('day', '>=', q.fromDay)
    .where('day', '<', q.toDay)
    .groupBy([key, 'currency'])
    .execute();
  return rows.map((r) => ({
    key: r.key,
    currency: r.currency,
    wins: Number(r.wins),
    crossBorder: Number(r.cross_border),
    amount: BigInt(String(r.amount)),
  }));
}

/** Distinct organizations per key over the period (exact below the threshold, at least it above). */
export async function countOrgs(
  db: Kysely<Database>,
  q: AggregateQuery,
): Promise<Map<string, number>> {
  const key = keyOf(q);
  const rows = await db
    .selectFrom('p2p_daily_orgs')
    .select([key.as('key'), sql<number>`count(distinct org_id)`.as('orgs')])
    .where('dim', '=', q.dim)
    .where('day', '>=', q.fromDay)
    .where('day', '<', q.toDay)
    .groupBy(key)
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.orgs)]));
}

/**
 * Rebuilds the roll-ups from p2p_wins and p2p_win_areas in SQL (after a bulk load, or to repair
 * them). Runs in the caller's transaction.
 */
export async function rebuildRollups(db: Kysely<Database>): Promise<void> {
  await sql`delete from p2p_daily`.execute(db);
  await sql`delete from p2p_daily_orgs`.execute(db);
  const cells = sql`
    select 'total' as dim, 'total' as cell, substr(won_at, 1, 10) as day, currency, cross_border,
           amount, sender_org_id, receiver_org_id from p2p_wins
    union all
    select 'country', sender_country, substr(won_at, 1, 10), currency, cross_border, amount,
           sender_org_id, receiver_org_id from p2p_wins
    union all
    select 'country', receiver_country, substr(won_at, 1, 10), currency, cross_border, amount,
           sender_org_id, receiver_org_id from p2p_wins where receiver_country <> sender_country
    union all
    select 'solutionArea', coalesce(a.area, 'unspecified'), substr(w.won_at, 1, 10), w.currency,
           w.cross_border, w.amount, w.sender_org_id, w.receiver_org_id
    from p2p_wins w left join p2p_win_areas a on a.referral_id = w.referral_id`;
  await sql`insert into p2p_daily (dim, cell, day, currency, wins, cross_border, amount)
    select dim, cell, day, currency, count(*), sum(cross_border), sum(amount)
    from (${cells}) c group by dim, cell, day, currency`.execute(db);
  await sql`insert into p2p_daily_orgs (dim, cell, day, org_id)
    select dim, cell, day, org_id from (
      select dim, cell, day, org_id,
             row_number() over (partition by dim, cell, day order by org_id) as rn
      from (select dim, cell, day, sender_org_id as org_id from (${cells}) c1
            union
            select dim, cell, day, receiver_org_id from (${cells}) c2) d
    ) ranked where rn <= ${ORGS_KEPT_PER_DAY}`.execute(db);
}

type Cells = { kind: string; code: string; country: string }[];

export interface DealPlaces {
  /** Org id -> HQ country (ISO 3166-1 alpha-2). */
  countries: Map<string, string>;
  /** The opportunity's cells: where the customer needs what. */
  cells: Cells;
}

/** HQ countries of orgs and cells of opportunities, in two queries, for any number of deals. */
export async function placesOf(
  db: Kysely<Database>,
  orgIds: readonly string[],
  opportunityIds: readonly string[],
): Promise<{ countries: Map<string, string>; cells: Map<string, Cells> }> {
  const orgs =
    orgIds.length === 0
      ? []
      : await db
          .selectFrom('orgs')
          .select(['id', 'hq_country'])
          .where('id', 'in', [...new Set(orgIds)])
          .execute();
  const opps =
    opportunityIds.length === 0
      ? []
      : await db
          .selectFrom('opportunities')
          .select(['id', 'cells'])
          .where('id', 'in', [...new Set(opportunityIds)])
          .execute();
  return {
    countries: new Map(orgs.map((o) => [o.id, o.hq_country])),
    cells: new Map(opps.map((o) => [o.id, JSON.parse(o.cells) as Cells])),
  };
}

/** The parties' countries and the opportunity's cells, for the report's facts. */
export async function dealPlaces(
  db: Kysely<Database>,
  orgIds: readonly string[],
  opportunityId: string,
): Promise<DealPlaces> {
  const p = await placesOf(db, orgIds, [opportunityId]);
  return { countries: p.countries, cells: p.cells.get(opportunityId) ?? [] };
}
