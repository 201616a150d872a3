// The docs worth scoring for a match: for each cell, (some evidence for its capability) AND
// (serves its country or a country of its region), OR-ed over cells; then AND every required
// designation and the live docs. Exactly the docs whose capability factor can be above zero.
// Per cell it also keeps, for pruning (match-prune.ts), the docs that cover the cell (evidence
// and serves the country) and those that cover it with full evidence. Cells that no doc can
// have evidence for, or whose country no doc serves, get no entry.
// Region unions (a dozen country bitsets each) are cached until the next write.
import type { Region } from '../domain/matching/regions.ts';
import { newBits, popcount } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import { countriesOfRegion, type MatchPlan } from './match-plan.ts';

export interface CellCover {
  cell: number;
  /** Evidence and serves the country (the cell is covered). */
  covers: Uint32Array;
  /** Full evidence and serves the country. */
  perfect: Uint32Array;
}

export interface Candidates {
  /** Docs with some evidence for some cell where it is needed, with the required designations. */
  cand: Uint32Array;
  covers: CellCover[];
}

export class CandidateSets {
  private cand: Uint32Array = new Uint32Array(0);
  private evidence: Uint32Array = new Uint32Array(0);
  private top: Uint32Array = new Uint32Array(0);
  private readonly pool: Uint32Array[] = [];
  private used = 0;
  private readonly regionBits = new Map<Region, Uint32Array>();
  private cachedAt = -1;
  private cachedWords = -1;

  /** Bitsets valid until the next call, over the first `words` words. */
  compute(
    plan: MatchPlan,
    codes: CodeIndex,
    alive: Uint32Array,
    words: number,
    generation: number,
  ): Candidates {
    if (this.cand.length < words) {
      this.cand = newBits(words * 32);
      this.evidence = newBits(words * 32);
      this.top = newBits(words * 32);
      this.pool.length = 0;
    }
    if (generation !== this.cachedAt || words !== this.cachedWords) {
      this.regionBits.clear();
      this.cachedAt = generation;
      this.cachedWords = words;
    }
    const { cand, evidence } = this;
    cand.fill(0, 0, words);
    this.used = 0;
    const covers: CellCover[] = [];
    for (let c = 0; c < plan.cellCount; c++) {
      const vids = plan.evidenceVids[c]!;
      if (vids.length === 0) continue;
      const reach = this.reachBits(plan, codes, c, words);
      if (reach === null) continue;
      orOf(codes, vids, evidence, words);
      for (let w = 0; w < words; w++) cand[w] = cand[w]! | (evidence[w]! & reach[w]!);
      covers.push(this.cover(plan, codes, c, words));
    }
    for (const vid of plan.requiredVids) {
      if (vid < 0) return { cand: cand.fill(0, 0, words), covers: [] };
      const bits = codes.bitsOf(vid);
      for (let w = 0; w < words; w++) cand[w] = cand[w]! & bits[w]!;
    }
    for (let w = 0; w < words; w++) cand[w] = cand[w]! & alive[w]!;
    // Covers are within the candidates already, unless designations are required.
    if (plan.requiredVids.length === 0) return { cand, covers };
    for (const { covers: a, perfect: p } of covers) {
      for (let w = 0; w < words; w++) {
        a[w] = a[w]! & cand[w]!;
        p[w] = p[w]! & cand[w]!;
      }
    }
    return { cand, covers };
  }

  /**
   * Docs covering the most cells, for a first round of scoring that sets a high threshold: those
   * covering at least L cells for the largest L >= 2 with at least `k` of them (at most
   * `most`); null when fewer than two cells have covers or no doc covers two.
   */
  multiCover(
    covers: readonly CellCover[],
    words: number,
    k: number,
    most: number,
  ): Uint32Array | null {
    const levels = 4;
    if (covers.length < 2) return null;
    const at = this.used;
    const counts = Array.from({ length: levels }, (_, i) => this.scratch(at + i, words));
    for (const c of counts) c.fill(0, 0, words);
    for (const { covers: bits } of covers) {
      for (let w = 0; w < words; w++) {
        const b = bits[w]!;
        if (b === 0) continue;
        // counts[i]: docs covering more than i cells so far (saturating at `levels`).
        for (let i = levels - 1; i > 0; i--)
          counts[i]![w] = counts[i]![w]! | (counts[i - 1]![w]! & b);
        counts[0]![w] = counts[0]![w]! | b;
      }
    }
    for (let i = levels - 1; i >= 1; i--) {
      const n = popcount(counts[i]!, words);
      if (n >= k || (i === 1 && n > 0)) return n <= most ? counts[i]! : null;
    }
    return null;
  }

  /** After `evidence` holds cell c's evidence docs: its cover and perfect-cover bitsets. */
  private cover(plan: MatchPlan, codes: CodeIndex, c: number, words: number): CellCover {
    const covers = this.scratch(this.used++, words);
    const perfect = this.scratch(this.used++, words);
    const vid = plan.servedVid[c]!;
    if (vid < 0) {
      covers.fill(0, 0, words);
      perfect.fill(0, 0, words);
      return { cell: c, covers, perfect };
    }
    const served = codes.bitsOf(vid);
    const { evidence, top } = this;
    orOf(codes, plan.topVids[c]!, top, words);
    const tag = plan.tagVid[c]! >= 0 ? codes.bitsOf(plan.tagVid[c]!) : null;
    for (let w = 0; w < words; w++) {
      covers[w] = evidence[w]! & served[w]!;
      perfect[w] = top[w]! & served[w]! & (tag === null ? ~0 : tag[w]!);
    }
    return { cell: c, covers, perfect };
  }

  private scratch(i: number, words: number): Uint32Array {
    // Reused across queries: the i-th bitset a query asks for is the i-th of the pool.
    let bits = this.pool[i];
    if (bits === undefined || bits.length < words) this.pool[i] = bits = newBits(words * 32);
    return bits;
  }

  /** Docs serving cell c's country or its region; null when none can. */
  private reachBits(
    plan: MatchPlan,
    codes: CodeIndex,
    c: number,
    words: number,
  ): Uint32Array | null {
    const region = plan.regions[c];
    if (region === undefined) {
      const vid = plan.servedVid[c]!;
      return vid < 0 ? null : codes.bitsOf(vid);
    }
    let bits = this.regionBits.get(region);
    if (bits === undefined) {
      bits = newBits(words * 32);
      const vids = countriesOfRegion(region).map((country) => codes.find('countries', country));
      orOf(
        codes,
        vids.filter((v) => v >= 0),
        bits,
        words,
      );
      this.regionBits.set(region, bits);
    }
    return bits;
  }
}

function orOf(codes: CodeIndex, vids: readonly number[], into: Uint32Array, words: number): void {
  into.fill(0, 0, words);
  for (const vid of vids) {
    const bits = codes.bitsOf(vid);
    for (let w = 0; w < words; w++) into[w] = into[w]! | bits[w]!;
  }
}
