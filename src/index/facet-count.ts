// Facet counts over a result bitset R. Counting costs about one memory increment per (doc, code)
// visited, so it visits as few docs as it can: R itself, or a base set B containing R whose
// counts are known, counting B \ R and subtracting. Bases: all live docs (per-value totals) and
// each filter's docs (R is inside every filter): a one-value filter's counts are a row of the
// co-occurrence matrix; an any-of filter v1 | v2 | ... adds rows and subtracts the counts of its
// overlaps (B_vi and the values before it), which it visits. Dense values are counted by bitset
// popcount when that is cheaper (see dense-split.ts).
import type { FacetCount, FacetField } from '../domain/directory/directory-query.ts';
import { newBits, popcount } from './bitset.ts';
import { FACET_FIELDS, type CodeIndex } from './code-index.ts';
import { WORD_COST, type DenseSplit } from './dense-split.ts';
import type { DocLists } from './doc-lists.ts';
import type { DocTable } from './doc-table.ts';

/** The docs of one filter: any of `vids`. */
export interface FilterSet {
  vids: readonly number[];
  /** Docs in the union. */
  size: number;
  /** For i >= 2, |B_vi and (B_v1 or ... or B_vi-1)|: the docs visited to count the union. */
  overlaps: readonly number[];
}

// Relative costs, fitted to measurements at 500,000 docs (one unit is about 6 ns here): a
// visited doc, one of its list items (a random increment); a word popcount is WORD_COST.
const DOC_COST = 1.5;
const ITEM_COST = 1;
/** Below this many docs, dense splits are not worth their memory: count all codes. */
const SPLIT_MIN_DOCS = 1024;

export class FacetCounter {
  private union = newBits(0);
  private visit = newBits(0);
  private known = new Int32Array(0);
  private part = new Int32Array(0);

  constructor(
    private readonly codes: CodeIndex,
    private readonly splits: readonly DenseSplit[],
    private readonly table: DocTable,
  ) {}

  growDocs(capacityDocs: number): void {
    for (const split of this.splits) split.growDocs(capacityDocs);
  }

  /** Forget the dense splits (after a compaction renumbered the docs). */
  reset(): void {
    for (const split of this.splits) split.reset();
  }

  /** counts[v] = docs of `result` (`total` of them, inside every filter set) having value v. */
  count(
    result: Uint32Array,
    total: number,
    filters: readonly FilterSet[],
    counts: Int32Array,
  ): void {
    this.ensureScratch();
    const { live, alive, words } = this.table;
    for (const split of this.activeSplits())
      split.sync(this.codes, live, this.table.count, this.table.capacity);
    let base: FilterSet | null = null;
    let cost = this.plan(live - total).cost;
    for (const f of filters) {
      const c = f.overlaps.reduce(
        (sum, o) => sum + this.plan(o).cost,
        this.plan(f.size - total).cost,
      );
      if (c < cost) [base, cost] = [f, c];
    }
    if (this.plan(total).cost <= cost) {
      this.countSet(result, total, counts);
      return;
    }
    const values = this.codes.valueCount;
    let known: Int32Array = this.codes.totals;
    let from = alive;
    if (base !== null) {
      known = this.unionCounts(base);
      from = this.union;
    }
    const visit = this.visit;
    for (let w = 0; w < words; w++) visit[w] = from[w]! & ~result[w]!;
    this.countSet(visit, (base?.size ?? live) - total, counts);
    for (let v = 0; v < values; v++) counts[v] = known[v]! - counts[v]!;
  }

  /** Counts of the union of a filter's values; leaves the union in this.union. */
  private unionCounts(f: FilterSet): Int32Array {
    const { codes } = this;
    const { words } = this.table;
    const values = codes.valueCount;
    const known = this.known;
    known.fill(0, 0, values);
    const union = this.union;
    union.fill(0, 0, words);
    for (const vid of f.vids) {
      const bits = codes.bitsOf(vid);
      const row = codes.pairRow(vid, this.part);
      for (let v = 0; v < values; v++) known[v] = known[v]! + row[v]!;
      const overlap = this.visit;
      let overlapping = 0;
      for (let w = 0; w < words; w++) {
        const x = bits[w]! & union[w]!;
        overlap[w] = x;
        overlapping |= x;
        union[w] = union[w]! | bits[w]!;
      }
      if (overlapping === 0) continue;
      this.countSet(overlap, popcount(overlap, words), this.part);
      for (let v = 0; v < values; v++) known[v] = known[v]! - this.part[v]!;
    }
    return known;
  }

  /** The cheapest way to count `visited` docs: all their codes, or a dense split (null: all). */
  private plan(visited: number): { split: DenseSplit | null; cost: number } {
    const { codes, table } = this;
    if (visited === 0) return { split: null, cost: 0 };
    const docs = Math.max(1, table.count);
    let best: DenseSplit | null = null;
    let bestCost = visited * (DOC_COST + (codes.docs.used / docs) * ITEM_COST);
    for (const split of this.activeSplits()) {
      // Only docs with a sparse value are visited; dense values cost a popcount each.
      const share = split.withSparseCount / docs;
      const items = split.lists.used / docs;
      const perDoc = share * DOC_COST + items * ITEM_COST;
      const cost = visited * perDoc + (split.dense.length + 1) * table.words * WORD_COST;
      if (cost < bestCost) [best, bestCost] = [split, cost];
    }
    return { split: best, cost: bestCost };
  }

  /** counts[v] = docs in `visit` (`visited` of them) having value v. */
  private countSet(visit: Uint32Array, visited: number, counts: Int32Array): void {
    const { codes, table } = this;
    counts.fill(0, 0, codes.valueCount);
    if (visited === 0) return;
    const best = this.plan(visited).split;
    if (best === null) {
      countLists(visit, null, table.words, codes.docs, counts);
      return;
    }
    countLists(visit, best.withSparse, table.words, best.lists, counts);
    best.countDense(visit, table.words, counts);
  }

  private activeSplits(): readonly DenseSplit[] {
    return this.table.count >= SPLIT_MIN_DOCS ? this.splits : [];
  }

  private ensureScratch(): void {
    const { capacity } = this.table;
    if (this.union.length * 32 < capacity) {
      this.union = newBits(capacity);
      this.visit = newBits(capacity);
    }
    if (this.known.length < this.codes.valueCount) {
      this.known = new Int32Array(this.codes.valueCount * 2);
      this.part = new Int32Array(this.codes.valueCount * 2);
    }
  }
}

/** Adds the list items of the docs in `visit` (and in `only`, unless null) to `counts`. */
function countLists(
  visit: Uint32Array,
  only: Uint32Array | null,
  words: number,
  lists: DocLists,
  counts: Int32Array,
): void {
  const { pool, start } = lists;
  for (let w = 0; w < words; w++) {
    let x = only === null ? visit[w]! : visit[w]! & only[w]!;
    while (x !== 0) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      const end = start[doc + 1]!;
      for (let i = start[doc]!; i < end; i++) counts[pool[i]!]!++;
    }
  }
}

/** Facets from value counts. */
export function toFacets(codes: CodeIndex, counts: Int32Array): Record<FacetField, FacetCount[]> {
  const facets = {} as Record<FacetField, FacetCount[]>;
  FACET_FIELDS.forEach((field, f) => {
    const list: FacetCount[] = [];
    for (const vid of codes.fieldValues[f]!) {
      const count = counts[vid]!;
      if (count > 0) list.push({ code: codes.codeOf[vid]!, count });
    }
    facets[field] = list.sort(byCountThenCode);
  });
  return facets;
}

function byCountThenCode(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
