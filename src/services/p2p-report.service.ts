// The association's P2P report: won referrals between members, aggregated in SQL over daily
// roll-ups, suppressed below 5 organizations per cell (domain report.ts), in one currency.
// Who may read it: any signed-in organization. It holds suppressed aggregates only (no ids, no
// names, no cell built from fewer than 5 organizations), so the association and its members see
// the same figures.
import type { Kysely } from 'kysely';
import {
  aggregateWins,
  countOrgs,
  dealPlaces,
  placesOf,
  recordWinFact,
  type AggregateQuery,
  type ReportDim,
} from '../db/repos/p2p-report.repo.ts';
import type { Database } from '../db/schema.ts';
import { isCrossBorder } from '../domain/deals/cross-border.ts';
import { currenciesOf, rateOf } from '../domain/deals/fx.ts';
import type { Referral } from '../domain/deals/referral.ts';
import {
  assembleReport,
  MIN_ORGS_PER_CELL,
  type CellAggregate,
  type P2pReport,
  type ReportGroupBy,
} from '../domain/deals/report.ts';
import { isIsoDate } from '../domain/deals/iso-date.ts';
import { validationError, type FieldIssue } from '../domain/shared/errors.ts';
import type { ServiceDeps } from './deps.ts';
import { currentFxTable } from './fx.service.ts';

/** The customer's country: the country of the opportunity's first cell, null when it has none. */
const customerCountryOf = (cells: readonly { country: string }[]): string | null =>
  cells[0]?.country ?? null;

type Deal = Pick<Referral, 'id' | 'fromOrgId' | 'toOrgId' | 'opportunityId'>;

/** Per referral id: are the parties' or the customer's countries different? (Two queries in all.) */
export async function crossBorderFlags(
  deps: Pick<ServiceDeps, 'db'>,
  deals: readonly Deal[],
): Promise<Map<string, boolean>> {
  const p = await placesOf(
    deps.db,
    deals.flatMap((d) => [d.fromOrgId, d.toOrgId]),
    deals.map((d) => d.opportunityId),
  );
  return new Map(
    deals.map((d) => [
      d.id,
      isCrossBorder([
        p.countries.get(d.fromOrgId) ?? null,
        p.countries.get(d.toOrgId) ?? null,
        ...(p.cells.get(d.opportunityId) ?? []).map((c) => c.country),
      ]),
    ]),
  );
}

/** Adds a won referral to the report's facts and roll-ups, in the win's transaction. */
export async function recordWin(trx: Kysely<Database>, r: Referral, now: Date): Promise<void> {
  if (r.value === null) return;
  const p = await dealPlaces(trx, [r.fromOrgId, r.toOrgId], r.opportunityId);
  const senderCountry = p.countries.get(r.fromOrgId) ?? 'unknown';
  const receiverCountry = p.countries.get(r.toOrgId) ?? 'unknown';
  await recordWinFact(trx, {
    referralId: r.id,
    senderOrgId: r.fromOrgId,
    receiverOrgId: r.toOrgId,
    senderCountry,
    receiverCountry,
    customerCountry: customerCountryOf(p.cells),
    crossBorder: isCrossBorder([senderCountry, receiverCountry, ...p.cells.map((c) => c.country)]),
    wonAt: now.toISOString(),
    amount: r.value.amount,
    currency: r.value.currency,
    solutionAreas: p.cells.filter((c) => c.kind === 'solutionArea').map((c) => c.code),
  });
}

export interface ReportRequest {
  groupBy: ReportGroupBy;
  /** YYYY-MM-DD, inclusive; default one year before `to`. */
  from?: string | undefined;
  /** YYYY-MM-DD, inclusive; default today (UTC). */
  to?: string | undefined;
  currency: string;
}

export interface P2pReportResult extends P2pReport {
  from: string;
  to: string;
  minOrgsPerCell: number;
}

const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

function period(req: ReportRequest, now: Date): { from: string; to: string } {
  const issues: FieldIssue[] = [];
  for (const f of ['from', 'to'] as const) {
    const v = req[f];
    if (v !== undefined && !isIsoDate(v)) issues.push({ path: f, message: 'A date (YYYY-MM-DD)' });
  }
  if (issues.length > 0) throw validationError(issues, 'Invalid report period');
  const to = req.to ?? now.toISOString().slice(0, 10);
  const from = req.from ?? `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 10)}`;
  if (from > to) {
    throw validationError([{ path: 'from', message: 'Must not be after `to`' }], 'Invalid period');
  }
  return { from, to };
}

async function aggregates(db: Kysely<Database>, q: AggregateQuery): Promise<CellAggregate[]> {
  const [rows, orgs] = await Promise.all([aggregateWins(db, q), countOrgs(db, q)]);
  const cells = new Map<string, CellAggregate & { sums: Map<string, bigint> }>();
  for (const r of rows) {
    const c = cells.get(r.key) ?? {
      key: r.key,
      count: 0,
      crossBorder: 0,
      orgs: orgs.get(r.key) ?? 0,
      sums: new Map<string, bigint>(),
    };
    c.count += r.wins;
    c.crossBorder += r.crossBorder;
    c.sums.set(r.currency, (c.sums.get(r.currency) ?? 0n) + r.amount);
    cells.set(r.key, c);
  }
  return [...cells.values()];
}

const DIM_OF: Record<ReportGroupBy, ReportDim> = {
  month: 'total',
  country: 'country',
  solutionArea: 'solutionArea',
};

export async function p2pReport(deps: ServiceDeps, req: ReportRequest): Promise<P2pReportResult> {
  const { from, to } = period(req, deps.now());
  const range = { fromDay: from, toDay: dayAfter(to) };
  const fx = (await currentFxTable(deps)).table;
  if (rateOf(fx, req.currency) === null) {
    const known = currenciesOf(fx).join(', ');
    throw validationError([
      { path: 'currency', message: `Not in the FX table of ${fx.date}: ${known}` },
    ]);
  }
  const [cells, totals] = await Promise.all([
    aggregates(deps.db, { dim: DIM_OF[req.groupBy], byMonth: req.groupBy === 'month', ...range }),
    aggregates(deps.db, { dim: 'total', byMonth: false, ...range }),
  ]);
  const total = totals[0] ?? { key: 'total', count: 0, crossBorder: 0, orgs: 0, sums: new Map() };
  const report = assembleReport({ groupBy: req.groupBy, currency: req.currency, fx }, cells, total);
  return { ...report, from, to, minOrgsPerCell: MIN_ORGS_PER_CELL };
}
