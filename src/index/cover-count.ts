// How many of a need's cells each doc covers, as bit-sliced counters over the doc bitsets:
// atLeast[i] holds the docs covering more than i cells (saturating at LEVELS). With what a doc
// loses for each cell it does not cover, this gives the fewest cells a doc must cover to reach a
// score floor, so pruning (match-prune.ts) drops docs 32 at a time instead of bounding each.
import { newBits, popcount } from './bitset.ts';

const LEVELS = 8;

export class CoverCount {
  private readonly levels: Uint32Array[] = [];
  private used = 0;
  private lossAscending = new Float64Array(0);
  private readonly level = new Int32Array(LEVELS);

  /** `covers[c]`: docs covering cell c; `losses[c]`: the least a doc loses without it. */
  compute(covers: readonly Uint32Array[], losses: readonly number[], words: number): void {
    this.used = Math.min(LEVELS, covers.length);
    for (let i = 0; i < this.used; i++) {
      const bits = this.levels[i];
      if (bits === undefined || bits.length < words) this.levels[i] = newBits(words * 32);
    }
    const at = this.levels;
    const top = this.used - 1;
    const n = covers.length;
    const level = this.level;
    // Word by word, the counters in a small scratch array: one write per level and word.
    for (let w = 0; w < words; w++) {
      for (let i = 0; i <= top; i++) level[i] = 0;
      for (let c = 0; c < n; c++) {
        const b = covers[c]![w]!;
        if (b === 0) continue;
        // After c cells no doc covers more than c, so the levels above stay empty.
        for (let i = c < top ? c : top; i > 0; i--) level[i] = level[i]! | (level[i - 1]! & b);
        level[0] = level[0]! | b;
      }
      for (let i = 0; i <= top; i++) at[i]![w] = level[i]!;
    }
    this.lossAscending = Float64Array.from(losses).sort();
  }

  /** Docs covering more than i cells (i below `levelCount`). */
  atLeast(i: number): Uint32Array {
    return this.levels[i]!;
  }

  get levelCount(): number {
    return this.used;
  }

  /** Docs that can lose at most `slack` on cells they do not cover; null when all can. */
  within(slack: number): Uint32Array | null {
    const cells = this.lossAscending.length;
    let lost = 0;
    let uncovered = 0;
    while (uncovered < cells && lost + this.lossAscending[uncovered]! <= slack) {
      lost += this.lossAscending[uncovered++]!;
    }
    const must = Math.min(cells - uncovered, this.used);
    return must <= 0 ? null : this.levels[must - 1]!;
  }

  /**
   * Docs covering the most cells, for a first round of scoring that sets a high threshold: those
   * covering at least L cells for the largest L >= 2 with at least `k` of them (at most `most`);
   * null when no doc covers two cells or too many do.
   */
  seeds(k: number, most: number, words: number): Uint32Array | null {
    for (let i = this.used - 1; i >= 1; i--) {
      const n = popcount(this.levels[i]!, words);
      if (n >= k || (i === 1 && n > 0)) return n <= most ? this.levels[i]! : null;
    }
    return null;
  }
}
