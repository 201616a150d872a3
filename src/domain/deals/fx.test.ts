import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { convert, pickTable, type FxTable } from './fx.ts';
import { parseFxSnapshot, SHIPPED_FX_TABLE, toFxSnapshot } from './fx-snapshot.ts';
import { amount } from './money.ts';

const table = (date: string, rates: Record<string, string>): FxTable => {
  const { table: t, issues } = parseFxSnapshot({ source: 'test', base: 'EUR', date, rates });
  if (t === null) throw new Error(JSON.stringify(issues));
  return t;
};
const T = table('2026-11-27', { USD: '1.1', JPY: '150', BHD: '0.4' });

describe('convert', () => {
  it('uses each currency’s minor-unit digits (JPY 0, BHD 3)', () => {
    expect(convert(T, amount(10_000, 'EUR'), 'JPY')).toEqual(amount(15_000, 'JPY')); // 100.00 EUR
    expect(convert(T, amount(1_000, 'EUR'), 'BHD')).toEqual(amount(4_000, 'BHD')); // 10.00 EUR -> 4.000 BHD
    expect(convert(T, amount(4_000, 'BHD'), 'JPY')).toEqual(amount(1_500, 'JPY'));
  });

  it('converts between two non-euro currencies through EUR in one step', () => {
    // 110.00 USD = 100 EUR = 15,000 JPY
    expect(convert(T, amount(11_000, 'USD'), 'JPY')).toEqual(amount(15_000, 'JPY'));
    // 1 JPY = 0.7333... US cents -> 1 cent
    expect(convert(T, amount(1, 'JPY'), 'USD')).toEqual(amount(1, 'USD'));
  });

  it('rounds exact halves to even', () => {
    // 0.01 EUR = 1.5 JPY -> 2; 0.03 EUR = 4.5 JPY -> 4; 0.05 EUR = 7.5 JPY -> 8
    expect([1, 3, 5].map((c) => convert(T, amount(c, 'EUR'), 'JPY').amount)).toEqual([2, 4, 8]);
  });

  it('returns the same amount for the same currency', () => {
    expect(convert(T, amount(123, 'USD'), 'USD')).toEqual(amount(123, 'USD'));
  });

  it('refuses a currency missing from the table, naming the table', () => {
    expect(() => convert(T, amount(100, 'EUR'), 'CHF')).toThrow(AppError);
    try {
      convert(T, amount(100, 'CHF'), 'EUR');
    } catch (e) {
      expect(e).toMatchObject({ code: 'validation', issues: [{ path: 'currency' }] });
    }
  });
});

describe('pickTable', () => {
  const older = table('2026-11-20', { USD: '1.2' });
  it('takes the newest table dated on or before the moment', () => {
    expect(pickTable([T, older], new Date('2026-11-27T00:00:00Z'))?.date).toBe('2026-11-27');
    expect(pickTable([T, older], new Date('2026-11-26T23:59:59Z'))?.date).toBe('2026-11-20');
    expect(pickTable([T, older], new Date('2026-11-19T00:00:00Z'))).toBeNull();
  });
});

describe('the shipped snapshot', () => {
  it('loads ~30 currencies based on EUR', () => {
    expect(SHIPPED_FX_TABLE.rates.size).toBeGreaterThanOrEqual(28);
    expect(SHIPPED_FX_TABLE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(SHIPPED_FX_TABLE.rates.has('EUR')).toBe(false);
  });

  it('round-trips through the snapshot format', () => {
    const again = parseFxSnapshot(
      JSON.parse(JSON.stringify(toFxSnapshot(SHIPPED_FX_TABLE, 'copy'))),
    );
    expect(again.issues).toEqual([]);
    expect(again.table?.rates).toEqual(SHIPPED_FX_TABLE.rates);
  });
});

describe('parseFxSnapshot', () => {
  it('reports every problem with its path', () => {
    const r = parseFxSnapshot({
      base: 'EUR',
      date: '2026-13-01',
      rates: { USD: '-1', XXY: '1.0', JPY: 160, EUR: '1' },
    });
    expect(r.table).toBeNull();
    expect(r.issues.map((i) => i.path)).toEqual([
      'rates.JPY',
      'date',
      'rates.USD',
      'rates.XXY',
      'rates.EUR',
      'rates',
    ]);
  });

  it('refuses other bases and non-objects', () => {
    expect(parseFxSnapshot({ base: 'USD', date: '2026-11-27', rates: {} }).issues[0]?.path).toBe(
      'base',
    );
    expect(parseFxSnapshot([]).issues).toEqual([{ path: '', message: 'Expected a JSON object' }]);
  });
});
