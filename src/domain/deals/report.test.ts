import { describe, expect, it } from 'vitest';
import { isCrossBorder } from './cross-border.ts';
import { parseFxSnapshot } from './fx-snapshot.ts';
import { amount } from './money.ts';
import { p2pReport, type ReportQuery, type WonReferralRow } from './report.ts';

const fx = parseFxSnapshot({
  source: 'test',
  base: 'EUR',
  date: '2026-11-27',
  rates: { JPY: '150', USD: '1.25' },
}).table!;

const row = (s: string, r: string, over: Partial<WonReferralRow> = {}): WonReferralRow => ({
  senderOrgId: s,
  receiverOrgId: r,
  senderCountry: 'DE',
  receiverCountry: 'DE',
  customerCountry: null,
  solutionAreas: ['ModernWork'],
  wonAt: '2026-10-15T12:00:00.000Z',
  value: amount(100_000, 'EUR'),
  ...over,
});

const query = (groupBy: ReportQuery['groupBy']): ReportQuery => ({
  groupBy,
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2027-01-01T00:00:00Z'),
  currency: 'EUR',
  fx,
});

describe('p2pReport: suppression', () => {
  it('shows a cell built from 5 organizations and suppresses one built from 4', () => {
    const five = [row('o1', 'o2'), row('o3', 'o4'), row('o5', 'o1')];
    const four = [row('o1', 'o2'), row('o3', 'o4'), row('o1', 'o4')];
    expect(p2pReport(five, query('month')).total).toMatchObject({ suppressed: false, count: 3 });
    expect(p2pReport(four, query('month')).total).toEqual({ key: 'total', suppressed: true });
  });

  it('counts distinct organizations, not deals: many deals between 2 firms stay hidden', () => {
    const pair = Array.from({ length: 50 }, () => row('o1', 'o2'));
    expect(p2pReport(pair, query('month')).cells).toEqual([{ key: '2026-10', suppressed: true }]);
  });

  it('also hides the smallest visible cell when a single suppressed cell could be recovered from the total', () => {
    const oct = [row('a1', 'a2'), row('a3', 'a4'), row('a5', 'a6'), row('a1', 'a3')];
    const nov = [row('b1', 'b2'), row('b3', 'b4'), row('b5', 'b1')].map((r) => ({
      ...r,
      wonAt: '2026-11-03T00:00:00.000Z',
    }));
    const dec = [{ ...row('c1', 'c2'), wonAt: '2026-12-01T00:00:00.000Z' }];
    const report = p2pReport([...oct, ...nov, ...dec], query('month'));
    expect(report.cells.map((c) => [c.key, c.suppressed])).toEqual([
      ['2026-10', false],
      ['2026-11', true], // complementary: 3 deals, the smallest visible
      ['2026-12', true], // 2 organizations
    ]);
    expect(report.total).toMatchObject({ suppressed: false, count: 8 });
  });
});

describe('p2pReport: figures', () => {
  const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
  const rows: WonReferralRow[] = [
    row('o1', 'o2', { value: amount(100_000, 'EUR') }),
    row('o3', 'o4', { value: amount(1_500_000, 'JPY') }), // 10,000.00 EUR
    row('o5', 'o6', { value: amount(12_500, 'USD'), receiverCountry: 'FR' }), // 100.00 EUR, cross-border
  ];

  it('adds values in the reporting currency and gives the cross-border share in basis points', () => {
    const r = p2pReport(rows, query('month'));
    expect(r.cells).toEqual([
      {
        key: '2026-10',
        suppressed: false,
        count: 3,
        value: amount(1_110_000, 'EUR'),
        crossBorderShare: 3333,
      },
    ]);
    expect(r.fxDate).toBe('2026-11-27');
    const usd = p2pReport(rows, { ...query('month'), currency: 'USD' });
    expect(usd.total).toMatchObject({ value: amount(1_387_500, 'USD') });
  });

  it('stays exact when a currency sum passes 2^53 minor units', () => {
    const big = ['o1', 'o2', 'o3', 'o4', 'o5'].map((o, i) =>
      row(o, `p${i}`, { value: amount(2_000_000_000_000_000, 'JPY') }),
    );
    // 10^16 JPY = 66,666,666,666,666.666... EUR -> 6,666,666,666,666,667 cents
    expect(p2pReport(big, query('month')).total).toMatchObject({
      value: amount(6_666_666_666_666_667, 'EUR'),
    });
  });

  it('a deal between two countries counts in both; the total counts it once', () => {
    const wide = [
      ...rows,
      ...orgs.map((o, i) =>
        row(o, orgs[(i + 1) % 6]!, { senderCountry: 'FR', receiverCountry: 'FR' }),
      ),
    ];
    const r = p2pReport(wide, query('country'));
    expect(r.cells.map((c) => [c.key, c.suppressed ? null : c.count])).toEqual([
      ['DE', 3],
      ['FR', 7],
    ]);
    expect(r.total).toMatchObject({ count: 9 });
  });

  it('counts a customer abroad as cross-border', () => {
    const abroad = rows.map((r) => ({ ...r, customerCountry: 'US' }));
    expect(p2pReport(abroad, query('month')).total).toMatchObject({ crossBorderShare: 10_000 });
  });

  it('groups by solution area, with unspecified for none', () => {
    const mixed = rows.map((r, i) => ({
      ...r,
      solutionAreas: i === 0 ? [] : ['Security', 'Security', 'DataAI'],
    }));
    const all = [...mixed, ...mixed.map((r) => ({ ...r, solutionAreas: [] }))];
    expect(p2pReport(all, query('solutionArea')).cells.map((c) => c.key)).toEqual([
      'DataAI',
      'Security',
      'unspecified',
    ]);
  });

  it('keeps to the period: from inclusive, to exclusive', () => {
    const q = {
      ...query('month'),
      from: new Date('2026-10-15T12:00:00.000Z'),
      to: new Date('2026-10-15T12:00:00.001Z'),
    };
    expect(p2pReport(rows, q).total).toMatchObject({ count: 3 });
    expect(p2pReport(rows, { ...q, to: q.from }).total).toEqual({ key: 'total', suppressed: true });
  });
});

describe('isCrossBorder', () => {
  it.each([
    [['DE', 'DE', null], false],
    [['DE', 'FR', null], true],
    [['DE', 'DE', 'AT'], true],
    [[null, null, null], false],
  ] as const)('%j -> %s', (countries, expected) => {
    expect(isCrossBorder(countries)).toBe(expected);
  });
});
