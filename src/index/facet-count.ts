// Facet counts over a result bitset R. Counting costs about one memory increment per (doc, code)
// visited, so it visits as few docs as it can: R itself, or a base set B containing R whose
// counts are known, counting B \ R and subtracting. Bases: all live docs (per-value totals) and
// each single-value filter (a row of the co-occurrence matrix). Dense values are counted by
// bitset popcount when that is cheaper (see dense-split.ts).
import type { FacetCount, FacetField } from '../domain/directory/directory-query.ts';
import { CODED_LIST_FIELDS } from '../domain/taxonomy/vocabularies.ts';
import { popcountAnd } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import type { DenseSplit } from './dense-split.ts';
import type { DocLists } from './doc-lists.ts';
import type { DocTable } from './doc-table.ts';

export interface FacetInput {
  codes: CodeIndex;
  splits: readonly DenseSplit[];
  table: DocTable;
  result: Uint32Array;
  total: number;
  /** Value ids of the filters that hold exactly one value: R is inside each one's docs. */
  bases: readonly number[];
  counts: Int32Array;
  /** Scratch bitset for B \ R. */
  spare: Uint32Array;
}

// Relative costs, measured: one list item (a random increment) and one word popcount.
const ITEM_COST = 1;
const WORD_COST = 0.55;

export function countFacets(input: FacetInput): Record<FacetField, FacetCount[]> {
  const { codes, table, result, total, counts } = input;
  const values = codes.valueCount;
  let base = -2; // -2: count R itself, -1: all live docs, >= 0: a value's docs
  let cost = total;
  if (table.live - total < cost) [base, cost] = [-1, table.live - total];
  for (const v of input.bases) if (codes.totals[v]! - total < cost) [base, cost] = [v, codes.totals[v]! - total];
  if (base === -2) countVisited(input, result, total);
  else {
    const { words } = table;
    const from = base === -1 ? table.alive : codes.bitsOf(base);
    const outside = input.spare;
    for (let w = 0; w < words; w++) outside[w] = from[w]! & ~result[w]!;
    countVisited(input, outside, cost);
    const known = base === -1 ? codes.totals : codes.pairs.subarray(base * codes.stride);
    for (let v = 0; v < values; v++) counts[v] = known[v]! - counts[v]!;
  }
  const teamingOpen = popcountAnd(result, table.teaming, table.words);
  return toFacets(codes, counts, teamingOpen, total - teamingOpen);
}

/** counts[v] = docs in `visit` (`visited` of them) having value v. */
function countVisited(input: FacetInput, visit: Uint32Array, visited: number): void {
  const { codes, table, counts } = input;
  counts.fill(0, 0, codes.valueCount);
  if (visited === 0) return;
  const docs = Math.max(1, table.count);
  let best: DenseSplit | null = null;
  let bestCost = ((visited * codes.docs.used) / docs) * ITEM_COST;
  for (const split of input.splits) {
    split.sync(codes, table.live, table.count);
    const cost =
      ((visited * split.lists.used) / docs) * ITEM_COST + split.dense.length * table.words * WORD_COST;
    if (cost < bestCost) [best, bestCost] = [split, cost];
  }
  if (best === null) {
    countLists(visit, table.words, codes.docs, counts);
    return;
  }
  countLists(visit, table.words, best.lists, counts);
  for (const v of best.dense) counts[v] = popcountAnd(visit, codes.bitsOf(v), table.words);
}

function countLists(visit: Uint32Array, words: number, lists: DocLists, counts: Int32Array): void {
  const { pool, start } = lists;
  for (let w = 0; w < words; w++) {
    let x = visit[w]!;
    while (x !== 0) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      const end = start[doc + 1]!;
      for (let i = start[doc]!; i < end; i++) counts[pool[i]!]!++;
    }
  }
}

function toFacets(
  codes: CodeIndex,
  counts: Int32Array,
  teamingOpen: number,
  teamingClosed: number,
): Record<FacetField, FacetCount[]> {
  const facets = {} as Record<FacetField, FacetCount[]>;
  CODED_LIST_FIELDS.forEach((field, f) => {
    const list: FacetCount[] = [];
    for (const vid of codes.fieldValues[f]!) {
      const count = counts[vid]!;
      if (count > 0) list.push({ code: codes.codeOf[vid]!, count });
    }
    facets[field] = list.sort(byCountThenCode);
  });
  const teaming: FacetCount[] = [];
  if (teamingOpen > 0) teaming.push({ code: 'yes', count: teamingOpen });
  if (teamingClosed > 0) teaming.push({ code: 'no', count: teamingClosed });
  facets.teaming = teaming.sort(byCountThenCode);
  return facets;
}

function byCountThenCode(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
