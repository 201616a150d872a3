// The association's P2P report: won referrals between members, grouped by country, solution area
// or month; count, value in one reporting currency, and cross-border share. A cell built from
// fewer than 5 distinct organizations is suppressed, so no deal can be read out of the figures.
import { isCrossBorder } from './cross-border.ts';
import { conversionRatio, type FxTable } from './fx.ts';
import { amount, basisPoints, BASIS_POINTS_FULL, type Amount, type BasisPoints } from './money.ts';
import { add, mul, ratio, roundHalfEven, roundToSafeInteger, type Ratio } from './rational.ts';

export const MIN_ORGS_PER_CELL = 5;

export type ReportGroupBy = 'country' | 'solutionArea' | 'month';

export interface WonReferralRow {
  senderOrgId: string;
  receiverOrgId: string;
  senderCountry: string;
  receiverCountry: string;
  customerCountry: string | null;
  solutionAreas: readonly string[];
  /** UTC ISO 8601. */
  wonAt: string;
  value: Amount;
}

export interface ReportQuery {
  groupBy: ReportGroupBy;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  currency: string;
  fx: FxTable;
}

export type ReportCell =
  | { key: string; suppressed: false; count: number; value: Amount; crossBorderShare: BasisPoints }
  | { key: string; suppressed: true };

export interface P2pReport {
  groupBy: ReportGroupBy;
  currency: string;
  fxDate: string;
  cells: ReportCell[];
  total: ReportCell;
}

interface Acc {
  count: number;
  crossBorder: number;
  /** Distinct organizations, collected up to MIN_ORGS_PER_CELL. */
  orgs: Set<string>;
  /** Per currency, exact sums: a number while it is a safe integer, spilling into a bigint. */
  sums: Map<string, number>;
  spilled: Map<string, bigint>;
}

/**
 * The cells a row counts in. A deal between a German and a French partner counts in both
 * countries (each chapter sees its members' business), and in each of its solution areas; so
 * cells can add up to more than the total, which is computed over distinct referrals.
 */
export function keysOf(row: WonReferralRow, groupBy: ReportGroupBy): string[] {
  switch (groupBy) {
    case 'month':
      return [row.wonAt.slice(0, 7)];
    case 'country':
      return row.senderCountry === row.receiverCountry
        ? [row.senderCountry]
        : [row.senderCountry, row.receiverCountry];
    case 'solutionArea':
      if (row.solutionAreas.length === 0) return ['unspecified'];
      return row.solutionAreas.length === 1
        ? [...row.solutionAreas]
        : [...new Set(row.solutionAreas)];
  }
}

function addValue(acc: Acc, value: Amount): void {
  const c = value.currency;
  const sum = acc.sums.get(c) ?? 0;
  if (Math.abs(sum) > Number.MAX_SAFE_INTEGER - Math.abs(value.amount)) {
    acc.spilled.set(c, (acc.spilled.get(c) ?? 0n) + BigInt(sum));
    acc.sums.set(c, value.amount);
  } else {
    acc.sums.set(c, sum + value.amount);
  }
}

function accumulate(acc: Acc, row: WonReferralRow, crossBorder: boolean): void {
  acc.count += 1;
  if (crossBorder) acc.crossBorder += 1;
  // Only the threshold matters, so a cell stops collecting organizations once it reaches it.
  if (acc.orgs.size < MIN_ORGS_PER_CELL) acc.orgs.add(row.senderOrgId).add(row.receiverOrgId);
  addValue(acc, row.value);
}

const emptyAcc = (): Acc => ({
  count: 0,
  crossBorder: 0,
  orgs: new Set(),
  sums: new Map(),
  spilled: new Map(),
});

/** A cell's figures before suppression, from rows here or from a GROUP BY in the store. */
export interface CellAggregate {
  key: string;
  count: number;
  crossBorder: number;
  /** Distinct organizations in the cell; only whether it reaches MIN_ORGS_PER_CELL matters. */
  orgs: number;
  /** Exact sums of minor units per currency. */
  sums: ReadonlyMap<string, bigint>;
}

function aggregateOf(key: string, acc: Acc): CellAggregate {
  const sums = new Map<string, bigint>();
  for (const [currency, sum] of acc.sums) {
    sums.set(currency, BigInt(sum) + (acc.spilled.get(currency) ?? 0n));
  }
  return { key, count: acc.count, crossBorder: acc.crossBorder, orgs: acc.orgs.size, sums };
}

/** Sums every currency into the reporting currency exactly, then rounds once (half-even). */
function cellValue(a: CellAggregate, q: Pick<ReportQuery, 'currency' | 'fx'>): Amount {
  let exact: Ratio = ratio(0n, 1n);
  for (const [currency, whole] of a.sums) {
    exact = add(exact, mul(ratio(whole, 1n), conversionRatio(q.fx, currency, q.currency)));
  }
  return amount(roundToSafeInteger(exact), q.currency);
}

function toCell(a: CellAggregate, q: Pick<ReportQuery, 'currency' | 'fx'>): ReportCell {
  if (a.orgs < MIN_ORGS_PER_CELL || a.count === 0) return { key: a.key, suppressed: true };
  const share = roundHalfEven(ratio(BigInt(a.crossBorder * BASIS_POINTS_FULL), BigInt(a.count)));
  return {
    key: a.key,
    suppressed: false,
    count: a.count,
    value: cellValue(a, q),
    crossBorderShare: basisPoints(Number(share)),
  };
}

/**
 * With a visible total, a single suppressed cell could be recovered by subtraction (exactly so
 * for months): suppress the smallest visible cell as well.
 */
function protectSuppressed(cells: ReportCell[], total: ReportCell): ReportCell[] {
  if (total.suppressed || cells.filter((c) => c.suppressed).length !== 1) return cells;
  let smallest: ReportCell | null = null;
  for (const c of cells) {
    if (!c.suppressed && (smallest === null || smallest.suppressed || c.count < smallest.count))
      smallest = c;
  }
  return cells.map((c) => (c === smallest ? { key: c.key, suppressed: true } : c));
}

export function p2pReport(rows: Iterable<WonReferralRow>, q: ReportQuery): P2pReport {
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  const cells = new Map<string, Acc>();
  const total = emptyAcc();
  for (const row of rows) {
    if (row.wonAt < from || row.wonAt >= to) continue;
    const crossBorder = isCrossBorder([
      row.senderCountry,
      row.receiverCountry,
      row.customerCountry,
    ]);
    accumulate(total, row, crossBorder);
    for (const key of keysOf(row, q.groupBy)) {
      let acc = cells.get(key);
      if (acc === undefined) cells.set(key, (acc = emptyAcc()));
      accumulate(acc, row, crossBorder);
    }
  }
  return assembleReport(
    { groupBy: q.groupBy, currency: q.currency, fx: q.fx },
    [...cells.keys()].map((key) => aggregateOf(key, cells.get(key) ?? emptyAcc())),
    aggregateOf('total', total),
  );
}

/** The report from per-cell aggregates (however computed): suppression, conversion, order. */
export function assembleReport(
  q: Pick<ReportQuery, 'groupBy' | 'currency' | 'fx'>,
  cells: readonly CellAggregate[],
  total: CellAggregate,
): P2pReport {
  const totalCell = toCell({ ...total, key: 'total' }, q);
  const built = [...cells]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((a) => toCell(a, q));
  return {
    groupBy: q.groupBy,
    currency: q.currency,
    fxDate: q.fx.date,
    cells: protectSuppressed(built, totalCell),
    total: totalCell,
  };
}
