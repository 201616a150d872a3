// Branded numbers keep minor units and basis points apart: a rate cannot be added to an amount,
// and an unchecked number cannot pass as either without going through a constructor.
import currencyCodes from 'currency-codes';
import type { FieldIssue } from '../shared/errors.ts';
import type { Money } from '../profile/profile.ts';

export type MinorUnits = number & { readonly __brand: 'MinorUnits' };
export type BasisPoints = number & { readonly __brand: 'BasisPoints' };

/** Money whose amount is known to be a safe integer. Assignable to the profile's `Money`. */
export interface Amount extends Money {
  readonly amount: MinorUnits;
  readonly currency: string;
}

/** 100 % = 10,000 basis points. */
export const BASIS_POINTS_FULL = 10_000;

export function minorUnits(n: number): MinorUnits {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer amount of minor units: ${n}`);
  return n as MinorUnits;
}

export function basisPoints(n: number): BasisPoints {
  if (!Number.isInteger(n) || n < 0 || n > BASIS_POINTS_FULL) {
    throw new RangeError(`Not a rate in basis points (0..10000): ${n}`);
  }
  return n as BasisPoints;
}

export const amount = (n: number, currency: string): Amount => ({
  amount: minorUnits(n),
  currency,
});

/** Digits after the decimal point for an ISO 4217 currency (JPY 0, EUR 2, BHD 3); null if unknown. */
export function currencyDigits(code: string): number | null {
  const digits = currencyCodes.code(code)?.digits;
  return typeof digits === 'number' ? digits : null;
}

/** Issues for a money value from outside: integer minor units, a known currency, and a sign. */
export function checkMoney(m: Money, path: string, min = 0): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(m.amount)) {
    issues.push({ path: `${path}.amount`, message: 'Must be an integer number of minor units' });
  } else if (m.amount < min) {
    issues.push({ path: `${path}.amount`, message: `Must be at least ${min}` });
  }
  if (currencyDigits(m.currency) === null) {
    issues.push({
      path: `${path}.currency`,
      message: `Unknown code "${m.currency}"; expected an ISO 4217 currency code such as EUR or USD`,
    });
  }
  return issues;
}

/** Narrows checked money to an `Amount`; callers run `checkMoney` first. */
export const toAmount = (m: Money): Amount => amount(m.amount, m.currency);
