import { describe, expect, it } from 'vitest';
import { parseDecimal, ratio, roundHalfEven } from './rational.ts';

describe('roundHalfEven', () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [12n, 4n, 3n],
    [1_234_567n * 1000n, 10_000n, 123_457n],
  ])('%i / %i -> %i', (num, den, expected) => {
    expect(roundHalfEven(ratio(num, den))).toBe(expected);
  });
});

describe('parseDecimal', () => {
  it('reads decimal text exactly', () => {
    expect(parseDecimal('1.0832')).toEqual({ num: 10832n, den: 10000n });
    expect(parseDecimal(' 160 ')).toEqual({ num: 160n, den: 1n });
    expect(parseDecimal('0.87740')).toEqual({ num: 87740n, den: 100000n });
  });

  it.each(['', '-1', '1e3', '1,5', '.5', 'N/A'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
