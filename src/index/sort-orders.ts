// Live docs kept sorted by name (case-insensitive, then id) and by size (rank desc, then name,
// then id), as Uint32Arrays of doc numbers, plus each doc's position in the name order (its
// name rank, rebuilt lazily after changes) so that pages can compare docs by integers.
// New docs wait in a pending list: a few are inserted one by one (binary search + memmove),
// many (a bulk load) trigger one full sort.
import type { DocTable } from './doc-table.ts';

const REBUILD_MIN = 2048;

export class SortOrders {
  byName: Uint32Array;
  bySize: Uint32Array;
  length = 0;
  private nameRank: Uint32Array;
  private rankValid = false;
  private pending: number[] = [];

  constructor(
    private readonly table: DocTable,
    capacity: number,
  ) {
    this.byName = new Uint32Array(capacity);
    this.bySize = new Uint32Array(capacity);
    this.nameRank = new Uint32Array(capacity);
  }

  /** doc -> position in the name order, for live docs (call flush() first). */
  ranks(): Uint32Array {
    if (!this.rankValid) {
      for (let i = 0; i < this.length; i++) this.nameRank[this.byName[i]!] = i;
      this.rankValid = true;
    }
    return this.nameRank;
  }

  /** Position in the name order of the first doc sorting after (nameKey, id). */
  nameAfter(nameKey: string, id: string): number {
    const { nameKeys, ids } = this.table;
    return lowerBound(this.byName, this.length, (d) => {
      const k = nameKeys[d]!;
      return k < nameKey || (k === nameKey && ids[d]! <= id);
    });
  }

  /** Position in the size order of the first doc sorting after (sizeRank, nameKey, id). */
  sizeAfter(sizeRank: number, nameKey: string, id: string): number {
    const { nameKeys, ids } = this.table;
    const ranks = this.table.sizeRank;
    return lowerBound(this.bySize, this.length, (d) => {
      const r = ranks[d]!;
      if (r !== sizeRank) return r > sizeRank;
      const k = nameKeys[d]!;
      return k < nameKey || (k === nameKey && ids[d]! <= id);
    });
  }

  compareName = (a: number, b: number): number => {
    const ka = this.table.nameKeys[a]!;
    const kb = this.table.nameKeys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = this.table.ids[a]!;
    const ib = this.table.ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  compareSize = (a: number, b: number): number => {
    const ra = this.table.sizeRank[a]!;
    const rb = this.table.sizeRank[b]!;
    return ra !== rb ? rb - ra : this.compareName(a, b);
  };

  add(doc: number): void {
    this.pending.push(doc);
  }

  /** Call before the doc dies. A doc still pending needs nothing: flush() skips dead docs. */
  remove(doc: number): void {
    // Pending docs were appended since the last flush, so they are exactly the docs >= the first.
    if (this.pending.length > 0 && doc >= this.pending[0]!) return;
    this.flush();
    removeSorted(this.byName, this.length, doc, this.compareName);
    removeSorted(this.bySize, this.length, doc, this.compareSize);
    this.length--;
    this.rankValid = false;
  }

  /** Brings the orders up to date with every added doc; true after a bulk load (a full sort). */
  flush(): boolean {
    const pending = this.pending.filter((doc) => this.table.isLive(doc));
    this.pending = [];
    if (pending.length === 0) return false;
    this.rankValid = false;
    if (pending.length >= REBUILD_MIN && pending.length * 8 >= this.length) {
      this.rebuild();
      return true;
    }
    for (const doc of pending) {
      insertSorted(this.byName, this.length, doc, this.compareName);
      insertSorted(this.bySize, this.length, doc, this.compareSize);
      this.length++;
    }
    return false;
  }

  grow(capacity: number): void {
    const byName = new Uint32Array(capacity);
    byName.set(this.byName.subarray(0, this.length));
    this.byName = byName;
    const bySize = new Uint32Array(capacity);
    bySize.set(this.bySize.subarray(0, this.length));
    this.bySize = bySize;
    this.nameRank = new Uint32Array(capacity);
    this.rankValid = false;
  }

  /** Renumbers after DocTable.compact() (flush first); the order of live docs does not change. */
  remap(remap: Int32Array): void {
    this.rankValid = false;
    for (let i = 0; i < this.length; i++) {
      this.byName[i] = remap[this.byName[i]!]!;
      this.bySize[i] = remap[this.bySize[i]!]!;
    }
  }

  private rebuild(): void {
    const { count, sizeRank } = this.table;
    let n = 0;
    for (let doc = 0; doc < count; doc++) if (this.table.isLive(doc)) this.byName[n++] = doc;
    this.length = n;
    this.byName.subarray(0, n).sort(this.compareName);
    // Size order = name order stably partitioned by rank, largest first (a counting sort).
    const starts = new Int32Array(257);
    for (let i = 0; i < n; i++) starts[255 - sizeRank[this.byName[i]!]! + 1]!++;
    for (let r = 1; r < 257; r++) starts[r] = starts[r]! + starts[r - 1]!;
    for (let i = 0; i < n; i++) {
      const doc = this.byName[i]!;
      this.bySize[starts[255 - sizeRank[doc]!]!++] = doc;
    }
  }
}

/** First position in order[0..length) whose doc does not sort before `doc`. */
export function lowerBound(
  order: Uint32Array,
  length: number,
  before: (doc: number) => boolean,
): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(order[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(
  order: Uint32Array,
  length: number,
  doc: number,
  cmp: (a: number, b: number) => number,
): void {
  const at = lowerBound(order, length, (d) => cmp(d, doc) < 0);
  order.copyWithin(at + 1, at, length);
  order[at] = doc;
}

function removeSorted(
  order: Uint32Array,
  length: number,
  doc: number,
  cmp: (a: number, b: number) => number,
): void {
  const at = lowerBound(order, length, (d) => cmp(d, doc) < 0);
  if (order[at] !== doc) throw new Error(`sort order lost doc ${doc}`);
  order.copyWithin(at, at + 1, length);
}
