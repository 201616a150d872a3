// Facet counts over a result bitset. The cost is the number of docs visited times their codes,
// so it visits whichever is smaller: the result, or its complement among live docs (counting
// those and subtracting from the live totals). Dense values are counted by bitset popcount when
// that is cheaper (see dense-split.ts). With no constraint at all the totals are the answer.
import type { FacetCount, FacetField } from '../domain/directory/directory-query.ts';
import { CODED_LIST_FIELDS } from '../domain/taxonomy/vocabularies.ts';
import { popcountAnd } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import type { DenseSplit } from './dense-split.ts';
import type { DocLists } from './doc-lists.ts';
import type { DocTable } from './doc-table.ts';

export interface FacetInput {
  codes: CodeIndex;
  split: DenseSplit;
  table: DocTable;
  result: Uint32Array;
  total: number;
  /** The result is every live doc. */
  everything: boolean;
  counts: Int32Array;
  /** Scratch bitset for the complement. */
  spare: Uint32Array;
}

/** Cost of one word popcount relative to one per-doc list item (measured, roughly). */
const POPCOUNT_COST = 1.5;

export function countFacets(input: FacetInput): Record<FacetField, FacetCount[]> {
  const { codes, table, result, total, counts } = input;
  const values = codes.valueCount;
  if (input.everything) counts.set(codes.totals.subarray(0, values));
  else if (total === 0) counts.fill(0, 0, values);
  else if (total * 2 <= table.live) countVisited(input, result, total);
  else {
    const { alive, words } = table;
    const outside = input.spare;
    for (let w = 0; w < words; w++) outside[w] = alive[w]! & ~result[w]!;
    countVisited(input, outside, table.live - total);
    for (let v = 0; v < values; v++) counts[v] = codes.totals[v]! - counts[v]!;
  }
  const teamingOpen = popcountAnd(result, table.teaming, table.words);
  return toFacets(codes, counts, teamingOpen, total - teamingOpen);
}

/** counts[v] = docs in `visit` (`visited` of them) having value v. */
function countVisited(input: FacetInput, visit: Uint32Array, visited: number): void {
  const { codes, split, table, counts } = input;
  counts.fill(0, 0, codes.valueCount);
  split.sync(codes, table.live, table.count);
  const perDoc = codes.docs.used / Math.max(1, table.count);
  const sparsePerDoc = split.lists.used / Math.max(1, table.count);
  const denseCost = split.dense.length * table.words * POPCOUNT_COST;
  if (visited * perDoc <= visited * sparsePerDoc + denseCost) {
    countLists(visit, table.words, codes.docs, counts);
    return;
  }
  countLists(visit, table.words, split.lists, counts);
  for (const v of split.dense) counts[v] = popcountAnd(visit, codes.bits[v]!, table.words);
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
