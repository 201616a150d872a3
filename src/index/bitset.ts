// Bitsets over dense doc numbers, one bit per doc in Uint32Array words. The hot loops of the
// index inline the same word arithmetic; these helpers cover everything that is not hot.

export const wordsFor = (docs: number): number => (docs + 31) >>> 5;

export function newBits(docs: number): Uint32Array {
  return new Uint32Array(wordsFor(docs));
}

/** A copy sized for `docs`, keeping the existing bits. */
export function growBits(bits: Uint32Array, docs: number): Uint32Array {
  const next = new Uint32Array(wordsFor(docs));
  next.set(bits.subarray(0, Math.min(bits.length, next.length)));
  return next;
}

export function setBit(bits: Uint32Array, doc: number): void {
  bits[doc >>> 5] = bits[doc >>> 5]! | (1 << (doc & 31));
}

export function clearBit(bits: Uint32Array, doc: number): void {
  bits[doc >>> 5] = bits[doc >>> 5]! & ~(1 << (doc & 31));
}

export function hasBit(bits: Uint32Array, doc: number): boolean {
  return ((bits[doc >>> 5]! >>> (doc & 31)) & 1) === 1;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Number of set bits in the first `words` words. */
export function popcount(bits: Uint32Array, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) {
    let x = bits[w]!;
    if (x === 0) continue;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}

/** Number of bits set in both `a` and `b`. */
export function popcountAnd(a: Uint32Array, b: Uint32Array, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) {
    let x = a[w]! & b[w]!;
    if (x === 0) continue;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}

/** target &= source over the first `words` words. */
export function andInto(target: Uint32Array, source: Uint32Array, words: number): void {
  for (let w = 0; w < words; w++) target[w] = target[w]! & source[w]!;
}

/** target &= ~source over the first `words` words. */
export function andNotInto(target: Uint32Array, source: Uint32Array, words: number): void {
  for (let w = 0; w < words; w++) target[w] = target[w]! & ~source[w]!;
}

/** target |= source over the first `words` words. */
export function orInto(target: Uint32Array, source: Uint32Array, words: number): void {
  for (let w = 0; w < words; w++) target[w] = target[w]! | source[w]!;
}

/** Every set bit, ascending (for tests and cold paths; hot loops inline this). */
export function docsOf(bits: Uint32Array, words: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < words; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      out.push((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
  return out;
}
