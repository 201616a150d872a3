// The docs worth scoring for a match: for each cell, (some evidence for its capability) AND
// (serves its country or a country of its region), OR-ed over cells; then AND every required
// designation and the live docs. Exactly the docs whose capability factor can be above zero.
// Per cell it also keeps, for pruning (match-prune.ts), the docs that reach it that way, those
// that cover it (evidence and serves the country) and those that cover it with full evidence.
// Cells that no doc can have evidence for, or that no doc reaches, get no entry.
// Unions of value bitsets (a capability's evidence, a region's countries) are cached until the
// next write: needs repeat capabilities and regions far more often than the docs change.
import type { Region } from '../domain/matching/regions.ts';
import { newBits } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import { countriesOfRegion, type MatchPlan } from './match-plan.ts';

export interface CellCover {
  cell: number;
  /** Evidence and serves the country (the cell is covered). */
  covers: Uint32Array;
  /** Full evidence and serves the country. */
  perfect: Uint32Array;
  /**
   * Evidence and serves the country or its region: the docs that can score on the cell at all
   * (the same bitset as `covers` when the cell has no region).
   */
  near: Uint32Array;
  /** Whether some doc of `near` has full evidence. */
  nearFull: boolean;
}

export interface Candidates {
  /** Docs with some evidence for some cell where it is needed, with the required designations. */
  cand: Uint32Array;
  covers: CellCover[];
}

/** Unions kept at most; past it the cache starts over (a bitset is docs / 8 bytes). */
const UNIONS_MAX = 256;

export class CandidateSets {
  private cand: Uint32Array = new Uint32Array(0);
  private readonly pool: Uint32Array[] = [];
  private used = 0;
  private readonly unions = new Map<string, Uint32Array>();
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
      this.pool.length = 0;
    }
    if (generation !== this.cachedAt || words !== this.cachedWords) {
      this.unions.clear();
      this.cachedAt = generation;
      this.cachedWords = words;
    }
    const { cand } = this;
    cand.fill(0, 0, words);
    this.used = 0;
    const covers: CellCover[] = [];
    for (let c = 0; c < plan.cellCount; c++) {
      const vids = plan.evidenceVids[c]!;
      if (vids.length === 0) continue;
      const reach = this.reachBits(plan, codes, c, words);
      if (reach === null) continue;
      covers.push(this.cell(plan, codes, c, words, reach));
    }
    for (const vid of plan.requiredVids) {
      if (vid < 0) return { cand: cand.fill(0, 0, words), covers: [] };
      const bits = codes.bitsOf(vid);
      for (let w = 0; w < words; w++) cand[w] = cand[w]! & bits[w]!;
    }
    for (let w = 0; w < words; w++) cand[w] = cand[w]! & alive[w]!;
    // Cell sets are within the candidates already, unless designations are required.
    if (plan.requiredVids.length === 0) return { cand, covers };
    for (const { covers: a, perfect: p, near: n } of covers) {
      for (let w = 0; w < words; w++) {
        a[w] = a[w]! & cand[w]!;
        p[w] = p[w]! & cand[w]!;
        n[w] = n[w]! & cand[w]!;
      }
    }
    return { cand, covers };
  }

  /** Cell c's sets, in one pass that also adds its reaching docs to the candidates. */
  private cell(
    plan: MatchPlan,
    codes: CodeIndex,
    c: number,
    words: number,
    reach: Uint32Array,
  ): CellCover {
    const evidence = this.union(codes, plan.evidenceVids[c]!, words);
    const top = this.union(codes, plan.topVids[c]!, words);
    const tag = plan.tagVid[c]! >= 0 ? codes.bitsOf(plan.tagVid[c]!) : null;
    const vid = plan.servedVid[c]!;
    const served = vid < 0 ? null : codes.bitsOf(vid);
    const covers = this.scratch(this.used++, words);
    const perfect = this.scratch(this.used++, words);
    const near = plan.regions[c] === undefined ? null : this.scratch(this.used++, words);
    const { cand } = this;
    let nearFull = 0;
    for (let w = 0; w < words; w++) {
      const e = evidence[w]!;
      const x = e & reach[w]!;
      cand[w] = cand[w]! | x;
      if (near !== null) near[w] = x;
      const s = served === null ? 0 : served[w]!;
      covers[w] = e & s;
      // Full evidence is evidence too (for a product, with the product's tag).
      const full = top[w]! & (tag === null ? -1 : tag[w]!);
      perfect[w] = full & s;
      nearFull |= full & x;
    }
    return { cell: c, covers, perfect, near: near ?? covers, nearFull: nearFull !== 0 };
  }

  private scratch(i: number, words: number): Uint32Array {
    // Reused across queries: the i-th bitset a query asks for is the i-th of the pool.
    let bits = this.pool[i];
    if (bits === undefined || bits.length < words) this.pool[i] = bits = newBits(words * 32);
    return bits;
  }

  /** The docs having any of `vids`, cached until the docs change. */
  private union(codes: CodeIndex, vids: readonly number[], words: number): Uint32Array {
    const key = vids.join(',');
    let bits = this.unions.get(key);
    if (bits === undefined) {
      if (this.unions.size >= UNIONS_MAX) this.unions.clear();
      bits = newBits(words * 32);
      for (const vid of vids) {
        const more = codes.bitsOf(vid);
        for (let w = 0; w < words; w++) bits[w] = bits[w]! | more[w]!;
      }
      this.unions.set(key, bits);
    }
    return bits;
  }

  /** Docs serving cell c's country or its region; null when none can. */
  private reachBits(
    plan: MatchPlan,
    codes: CodeIndex,
    c: number,
    words: number,
  ): Uint32Array | null {
    const region: Region | undefined = plan.regions[c];
    if (region === undefined) {
      const vid = plan.servedVid[c]!;
      return vid < 0 ? null : codes.bitsOf(vid);
    }
    const vids = countriesOfRegion(region)
      .map((country) => codes.find('countries', country))
      .filter((v) => v >= 0);
    return this.union(codes, vids, words);
  }
}
