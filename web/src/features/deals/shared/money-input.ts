// Typed amounts in major units ("1,250.50") <-> integer minor units for the API.
import { currencyDigits } from '../../../lib/format.ts';

/** "1,250.5" in EUR -> 125050; null when it is not a plain non-negative number. */
export function toMinor(text: string, currency: string): number | null {
  const clean = text.replace(/[\s,']/g, '');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const digits = currencyDigits(currency);
  const [whole = '0', frac = ''] = clean.split('.');
  if (frac.length > digits) return null;
  const n = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(n) ? n : null;
}

/** 125050 minor units in EUR -> "1250.5" (for prefilling an input). */
export function toMajorText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return String(minor / 10 ** digits);
}

/** "10" or "12.5" percent -> basis points; null when not a number with at most 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
