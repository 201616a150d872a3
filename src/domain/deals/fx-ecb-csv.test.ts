import { describe, expect, it } from 'vitest';
import { convert } from './fx.ts';
import { ecbDate, parseEcbCsv } from './fx-ecb-csv.ts';
import { amount } from './money.ts';

// The daily file's layout: ", " separators, a trailing comma, an English date.
const DAILY = `Date, USD, JPY, CZK, GBP, ZAR, 
27 November 2026, 1.1587, 180.62, 24.183, 0.87740, 19.8726, 
`;

// The history file's layout: ISO dates, N/A where a currency was not quoted.
const HISTORY = `Date,USD,JPY,BGN,CYP,
2026-11-27,1.1587,180.62,N/A,N/A,
2026-11-26,1.1602,180.95,N/A,N/A,
2007-12-31,1.4721,164.93,1.9558,0.585274,
`;

describe('parseEcbCsv', () => {
  it('reads the daily file', () => {
    const { tables, issues } = parseEcbCsv(DAILY);
    expect(issues).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.date).toBe('2026-11-27');
    expect([...(tables[0]?.rates.keys() ?? [])]).toEqual(['USD', 'JPY', 'CZK', 'GBP', 'ZAR']);
    expect(convert(tables[0]!, amount(10_000, 'EUR'), 'USD')).toEqual(amount(11_587, 'USD'));
  });

  it('reads the history file newest first, skipping N/A and withdrawn currencies', () => {
    const { tables, issues, skippedCurrencies } = parseEcbCsv(HISTORY);
    expect(skippedCurrencies).toEqual(['CYP']);
    expect(issues).toEqual([]);
    expect(tables.map((t) => [t.date, t.rates.size])).toEqual([
      ['2026-11-27', 2],
      ['2026-11-26', 2],
      ['2007-12-31', 3],
    ]);
  });

  it('names the row and column of bad values, dates and repeats', () => {
    const bad = `Date,USD,JPY,
2026-11-27,abc,180.62,
31 Novembre 2026,1.1,180,
2026-11-26,1.1,180,
2026-11-26,1.1,180,
`;
    expect(parseEcbCsv(bad).issues.map((i) => i.path)).toEqual([
      'rows[0].rates.USD',
      'rows[1].Date',
      'rows[3].Date',
    ]);
  });

  it('refuses a file without the ECB header', () => {
    expect(parseEcbCsv('currency,rate\nUSD,1.1\n').issues[0]?.path).toBe('');
    expect(parseEcbCsv('Date,USD\n"2026-11-27,1.1\n').issues[0]?.message).toMatch(/CSV/);
  });
});

describe('ecbDate', () => {
  it.each([
    ['27 November 2026', '2026-11-27'],
    ['2 December 2026', '2026-12-02'],
    ['2026-11-27', '2026-11-27'],
    ['31 February 2026', null],
    ['November 27, 2026', null],
  ])('%s -> %s', (text, iso) => {
    expect(ecbDate(text)).toBe(iso);
  });
});
