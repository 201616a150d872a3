import { describe, expect, it } from 'vitest';
import { popcountAnd } from './bitset.ts';
import { BitsetSlots, SIMD_POPCOUNT } from './simd-popcount.ts';

function fill(bits: Uint32Array, words: number, seed: number): void {
  let x = seed;
  for (let w = 0; w < words; w++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bits[w] = w % 7 === 0 ? 0xffffffff : x;
  }
}

describe('BitsetSlots', () => {
  it('runs the SIMD kernel on this Node', () => {
    expect(SIMD_POPCOUNT).toBe(true);
  });

  for (const simd of [true, false]) {
    it(`counts |slot 0 AND slot i| like a plain popcount (${simd ? 'SIMD' : 'JavaScript'})`, () => {
      for (const words of [1, 3, 4, 5, 17, 1000]) {
        const slots = new BitsetSlots(6, words, simd);
        slots.slots.forEach((s, i) => fill(s, words, 7 + i * 31 + words));
        const expected = [1, 2, 3, 4, 5].map((i) =>
          popcountAnd(slots.slots[0]!, slots.slots[i]!, words),
        );
        expect([...slots.countAll()]).toEqual(expected);
        expect(slots.capacityDocs).toBeGreaterThanOrEqual(words * 32);
      }
    });
  }

  it('handles a single slot', () => {
    expect(new BitsetSlots(1, 10).countAll().length).toBe(0);
  });
});
