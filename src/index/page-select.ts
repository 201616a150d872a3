// Picks one page of a result bitset in sort order, after a cursor key. Two ways, chosen by cost:
// scan a presorted doc order from the cursor's position keeping result docs (cheap when the
// result is a good share of all docs), or gather the result docs and keep the best few (cheap
// when the result is small). Relevance scans the name order so equal scores fall in name order.
import type { DirectorySort } from '../domain/directory/directory-query.ts';
import type { CursorKey } from './cursor.ts';
import type { DocTable } from './doc-table.ts';
import { lowerBound, type SortOrders } from './sort-orders.ts';

export interface PageInput {
  sort: DirectorySort;
  result: Uint32Array;
  total: number;
  /** Relevance scores of result docs, or null without text (relevance = name order). */
  scores: Int32Array | null;
  after: CursorKey | null;
  /** How many docs to return (the page size plus one, to know whether more follow). */
  want: number;
  table: DocTable;
  orders: SortOrders;
}

type Compare = (a: number, b: number) => number;

export function selectPage(p: PageInput): number[] {
  const byScore = p.sort === 'relevance' && p.scores !== null;
  const order = p.sort === 'size' ? p.orders.bySize : p.orders.byName;
  const length = p.orders.length;
  const words = p.table.words;
  if (byScore) {
    return p.total * 16 < length ? gatherBest(p, scoreCompare(p)) : scanByScore(p);
  }
  const expectedScan = (p.want * length) / Math.max(1, p.total);
  if (words + 4 * p.total < expectedScan) return gatherBest(p, orderCompare(p));
  const from = p.after === null ? 0 : lowerBound(order, length, (d) => keyCompare(p, d) <= 0);
  return scanOrder(order, length, from, p.result, p.want);
}

function orderCompare(p: PageInput): Compare {
  return p.sort === 'size' ? p.orders.compareSize : p.orders.compareName;
}

function scoreCompare(p: PageInput): Compare {
  const scores = p.scores!;
  return (a, b) => scores[b]! - scores[a]! || p.orders.compareName(a, b);
}

/** Compares a doc with the cursor key in the page's sort order (> 0: the doc comes after). */
function keyCompare(p: PageInput, doc: number): number {
  const key = p.after!;
  const { table } = p;
  if (p.sort === 'size' && table.sizeRank[doc] !== key.rank) return key.rank - table.sizeRank[doc]!;
  if (p.sort === 'relevance' && p.scores !== null && p.scores[doc] !== key.score) {
    return key.score - p.scores[doc]!;
  }
  return nameKeyCompare(p, doc);
}

function scanOrder(
  order: Uint32Array,
  length: number,
  from: number,
  result: Uint32Array,
  want: number,
): number[] {
  const out: number[] = [];
  for (let i = from; i < length && out.length < want; i++) {
    const doc = order[i]!;
    if ((result[doc >>> 5]! & (1 << (doc & 31))) !== 0) out.push(doc);
  }
  return out;
}

/** Visits every result doc after the cursor, keeping the `want` first in `cmp` order. */
function gatherBest(p: PageInput, cmp: Compare): number[] {
  const best: number[] = [];
  const { result, want } = p;
  const words = p.table.words;
  for (let w = 0; w < words; w++) {
    let x = result[w]!;
    while (x !== 0) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      if (best.length === want && cmp(doc, best[want - 1]!) >= 0) continue;
      if (p.after !== null && keyCompare(p, doc) <= 0) continue;
      best.splice(insertAt(best, doc, cmp), 0, doc);
      if (best.length > want) best.pop();
    }
  }
  return best;
}

function insertAt(sorted: readonly number[], doc: number, cmp: Compare): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(sorted[mid]!, doc) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scans the name order once; a doc beats the worst kept one only with a strictly higher score,
 * because among equal scores the one seen first (smaller name) wins.
 */
function scanByScore(p: PageInput): number[] {
  const { result, want, orders } = p;
  const scores = p.scores!;
  const order = orders.byName;
  const length = orders.length;
  const cursorScore = p.after?.score ?? Infinity;
  const cursorPos = p.after === null ? 0 : lowerBound(order, length, (d) => nameKeyCompare(p, d) <= 0);
  const keptScores: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < length; i++) {
    const doc = order[i]!;
    if ((result[doc >>> 5]! & (1 << (doc & 31))) === 0) continue;
    const score = scores[doc]!;
    if (score > cursorScore || (score === cursorScore && i < cursorPos)) continue;
    if (kept.length === want && score <= keptScores[want - 1]!) continue;
    let at = kept.length;
    while (at > 0 && keptScores[at - 1]! < score) at--;
    kept.splice(at, 0, doc);
    keptScores.splice(at, 0, score);
    if (kept.length > want) {
      kept.pop();
      keptScores.pop();
    }
  }
  return kept;
}

function nameKeyCompare(p: PageInput, doc: number): number {
  const key = p.after!;
  const name = p.table.nameKeys[doc]!;
  if (name !== key.nameKey) return name < key.nameKey ? -1 : 1;
  const id = p.table.ids[doc]!;
  return id < key.id ? -1 : id > key.id ? 1 : 0;
}
