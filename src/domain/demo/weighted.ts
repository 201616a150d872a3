// Weighted choice over a fixed table: cumulative weights built once, binary search per pick.
import type { Rng } from './prng.ts';

export class Weighted<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('Weighted needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  static of<K extends string>(weights: Readonly<Record<K, number>>): Weighted<K> {
    return new Weighted(Object.entries(weights) as [K, number][]);
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** Up to `k` distinct items (by rejection; the tables are small and k is smaller). */
  pickDistinct(rng: Rng, k: number, exclude: readonly T[] = []): T[] {
    const out: T[] = [];
    const want = Math.min(k, this.items.length - exclude.length);
    for (let tries = 0; out.length < want && tries < want * 20; tries++) {
      const x = this.pick(rng);
      if (!out.includes(x) && !exclude.includes(x)) out.push(x);
    }
    return out;
  }
}
