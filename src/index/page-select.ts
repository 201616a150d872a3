// Picks one page of a result bitset in sort order, after a cursor. Two ways, chosen by cost:
// - scan a presorted doc order from the cursor's position, keeping result docs: about
//   want * all / total steps, cheap when the result is a good share of all docs;
// - gather: visit every result doc once and keep the `want` smallest sort keys. Keys are
//   integers built from the name rank (a doc's position in the name order), so no string is
//   compared: name: rank; size: (255 - size rank) * 2^24 + rank; relevance: -score * 2^24 + rank.
//   Relevance always gathers (scores are per query).
import type { DirectorySort } from '../domain/directory/directory-query.ts';
import type { CursorKey } from './cursor.ts';
import type { DocTable } from './doc-table.ts';
import type { SortOrders } from './sort-orders.ts';

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

/** Name ranks stay below 2^24 (the index holds at most 2^24 docs). */
const RANK_SPAN = 1 << 24;

type KeyMode = 'name' | 'size' | 'score';

export function selectPage(p: PageInput): number[] {
  const mode: KeyMode =
    p.sort === 'relevance' && p.scores !== null ? 'score' : p.sort === 'size' ? 'size' : 'name';
  const { orders } = p;
  const scan = mode !== 'score' && p.total * p.total > p.want * orders.length;
  if (scan) {
    const order = mode === 'size' ? orders.bySize : orders.byName;
    const a = p.after;
    let from = 0;
    if (a !== null) {
      from =
        mode === 'size'
          ? orders.sizeAfter(a.rank, a.nameKey, a.id)
          : orders.nameAfter(a.nameKey, a.id);
    }
    return scanOrder(order, orders.length, from, p.result, p.want);
  }
  return gather(p, mode, minKey(p, mode));
}

/** The smallest key a doc after the cursor can have. */
function minKey(p: PageInput, mode: KeyMode): number {
  const a = p.after;
  if (a === null) return -Infinity;
  const pos = p.orders.nameAfter(a.nameKey, a.id);
  if (mode === 'name') return pos;
  if (mode === 'size') return (255 - a.rank) * RANK_SPAN + pos;
  return -a.score * RANK_SPAN + pos;
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

/** Visits every result doc, keeping the `want` smallest keys >= `min`, in key order. */
function gather(p: PageInput, mode: KeyMode, min: number): number[] {
  const { result, want } = p;
  const rank = p.orders.ranks();
  const { sizeRank, words } = p.table;
  const scores = p.scores ?? new Int32Array(0);
  const keys: number[] = [];
  const docs: number[] = [];
  let worst = Infinity;
  for (let w = 0; w < words; w++) {
    let x = result[w]!;
    while (x !== 0) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      // The high part alone (score or size) often settles it: then the rank is not read.
      const high = mode === 'name' ? 0 : mode === 'size' ? 255 - sizeRank[doc]! : -scores[doc]!;
      if (high * RANK_SPAN > worst) continue;
      const key = high * RANK_SPAN + rank[doc]!;
      if (key >= worst || key < min) continue;
      let at = keys.length;
      while (at > 0 && keys[at - 1]! > key) at--;
      keys.splice(at, 0, key);
      docs.splice(at, 0, doc);
      if (keys.length > want) {
        keys.pop();
        docs.pop();
      }
      if (keys.length === want) worst = keys[want - 1]!;
    }
  }
  return docs;
}
