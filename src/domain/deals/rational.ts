// Exact arithmetic for money: every conversion and fee is a ratio of bigints, rounded once at the
// end. Floats never touch an amount, so 0.1 + 0.2 problems and double rounding cannot happen.

/** num / den with den > 0. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export const ONE: Ratio = { num: 1n, den: 1n };

export function ratio(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('Ratio with a zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export const add = (a: Ratio, b: Ratio): Ratio =>
  a.den === b.den
    ? ratio(a.num + b.num, a.den)
    : ratio(a.num * b.den + b.num * a.den, a.den * b.den);

export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);

export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * Rounds num/den to the nearest integer; an exact half goes to the even neighbour (banker's
 * rounding), so rounding errors do not drift in one direction over many fees.
 */
export function roundHalfEven(r: Ratio): bigint {
  const { num, den } = r;
  const q = num / den; // truncates toward zero
  const rem = num - q * den;
  if (rem === 0n) return q;
  const twice = 2n * (rem < 0n ? -rem : rem);
  const away = num < 0n ? q - 1n : q + 1n;
  if (twice > den) return away;
  if (twice < den) return q;
  return q % 2n === 0n ? q : away;
}

/** Rounds to a JS number, refusing results beyond Number.MAX_SAFE_INTEGER. */
export function roundToSafeInteger(r: Ratio): number {
  const n = roundHalfEven(r);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('Amount exceeds the safe integer range');
  }
  return Number(n);
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "1.0832" -> 10832/10000 exactly; null for anything but a plain non-negative decimal. */
export function parseDecimal(text: string): Ratio | null {
  const m = DECIMAL.exec(text.trim());
  if (m === null) return null;
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  return ratio(BigInt(whole + frac), pow10(frac.length));
}
