// Currency conversion through a dated table of euro reference rates (ECB convention: units of a
// currency per 1 EUR). Any pair converts via EUR as one exact ratio, rounded once, half-even.
import { AppError } from '../shared/errors.ts';
import { amount, currencyDigits, type Amount } from './money.ts';
import { div, mul, ONE, pow10, ratio, roundToSafeInteger, type Ratio } from './rational.ts';

export const FX_BASE = 'EUR';

export interface FxTable {
  /** Reference date, YYYY-MM-DD. */
  readonly date: string;
  readonly source: string;
  /** Units of each currency per 1 EUR; EUR itself is implicit. */
  readonly rates: ReadonlyMap<string, Ratio>;
}

export function rateOf(table: FxTable, currency: string): Ratio | null {
  if (currency === FX_BASE) return ONE;
  return table.rates.get(currency) ?? null;
}

export const currenciesOf = (table: FxTable): string[] => [FX_BASE, ...table.rates.keys()].sort();

function missing(table: FxTable, currency: string, path: string): AppError {
  return new AppError('validation', `No ${currency} rate in the FX table of ${table.date}`, [
    {
      path,
      message: `Not convertible; the ${table.date} table has ${currenciesOf(table).join(', ')}`,
    },
  ]);
}

/** Minor units of `to` per minor unit of `from`, exactly. Throws a validation AppError if a rate is missing. */
export function conversionRatio(table: FxTable, from: string, to: string): Ratio {
  const fromRate = rateOf(table, from);
  const toRate = rateOf(table, to);
  const fromDigits = currencyDigits(from);
  const toDigits = currencyDigits(to);
  if (fromRate === null || fromDigits === null) throw missing(table, from, 'currency');
  if (toRate === null || toDigits === null) throw missing(table, to, 'targetCurrency');
  if (from === to) return ONE;
  // minorTo = minorFrom / 10^dFrom / rateFrom * rateTo * 10^dTo
  const digits = ratio(pow10(toDigits), pow10(fromDigits));
  return mul(div(toRate, fromRate), digits);
}

/** Converts an amount; the result is rounded half-even to the target's minor unit (JPY 0, BHD 3). */
export function convert(table: FxTable, value: Amount, to: string): Amount {
  if (value.currency === to) return value;
  const r = mul(ratio(BigInt(value.amount), 1n), conversionRatio(table, value.currency, to));
  return amount(roundToSafeInteger(r), to);
}

/** The newest table dated on or before `at` (rates apply from their reference date); null if none. */
export function pickTable(tables: readonly FxTable[], at: Date): FxTable | null {
  const day = at.toISOString().slice(0, 10);
  let best: FxTable | null = null;
  for (const t of tables) {
    if (t.date <= day && (best === null || t.date > best.date)) best = t;
  }
  return best;
}
