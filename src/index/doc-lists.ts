// A short list of numbers per doc, stored CSR-style: doc d's items are
// pool[start[d] .. start[d + 1]). Docs are appended in doc order; a removed doc's items stay
// until compact() drops them, so appending never moves anything but the pool on growth.

type Pool = Uint8Array | Uint16Array | Uint32Array;

export class DocLists {
  pool: Pool;
  start: Uint32Array;
  private docs = 0;

  constructor(
    private readonly itemBytes: 1 | 2 | 4,
    capacityDocs: number,
    itemsPerDoc: number,
  ) {
    this.pool = this.newPool(Math.max(16, capacityDocs * itemsPerDoc));
    this.start = new Uint32Array(capacityDocs + 1);
  }

  get used(): number {
    return this.start[this.docs]!;
  }

  /** Appends doc `doc` (which must be the next doc number) with `count` items from `items`. */
  append(doc: number, items: ArrayLike<number>, count: number): void {
    if (doc !== this.docs) throw new Error(`DocLists: expected doc ${this.docs}, got ${doc}`);
    if (doc + 2 > this.start.length) this.growDocs((doc + 1) * 2);
    const at = this.start[doc]!;
    if (at + count > this.pool.length) this.growPool(Math.max((at + count) * 1.5, 16));
    for (let i = 0; i < count; i++) this.pool[at + i] = items[i]!;
    this.start[doc + 1] = at + count;
    this.docs = doc + 1;
  }

  /**
   * Room for up to `max` items of doc `doc` (the next doc number): returns where they go in
   * this.pool (read the pool after this call: it may have grown). Finish with end().
   */
  begin(doc: number, max: number): number {
    if (doc !== this.docs) throw new Error(`DocLists: expected doc ${this.docs}, got ${doc}`);
    if (doc + 2 > this.start.length) this.growDocs((doc + 1) * 2);
    const at = this.start[doc]!;
    if (at + max > this.pool.length) this.growPool(Math.max((at + max) * 1.5, 16));
    return at;
  }

  /** Ends doc `doc` (begun with begin()) after `count` items. */
  end(doc: number, count: number): void {
    this.start[doc + 1] = this.start[doc]! + count;
    this.docs = doc + 1;
  }

  items(doc: number): Pool {
    return this.pool.subarray(this.start[doc], this.start[doc + 1]);
  }

  /** Keeps the docs with remap[d] >= 0, renumbered to remap[d] (ascending, in the same order). */
  compact(remap: Int32Array, oldDocs: number): void {
    let write = 0;
    let next = 0;
    for (let d = 0; d < oldDocs; d++) {
      const from = this.start[d]!;
      const to = this.start[d + 1]!;
      if (remap[d]! < 0) continue;
      this.start[next] = write;
      this.pool.copyWithin(write, from, to);
      write += to - from;
      next++;
    }
    this.start[next] = write;
    this.docs = next;
  }

  /** Gives back the pool's spare room (after a bulk load). */
  trim(): void {
    if (this.pool.length > this.used * 1.05 + 16) this.pool = this.pool.slice(0, this.used + 16);
  }

  /** Drops every doc. */
  clear(): void {
    this.docs = 0;
    this.start[0] = 0;
  }

  growDocs(capacityDocs: number): void {
    if (capacityDocs + 1 <= this.start.length) return;
    const start = new Uint32Array(capacityDocs + 1);
    start.set(this.start);
    this.start = start;
  }

  private growPool(size: number): void {
    const pool = this.newPool(Math.ceil(size));
    pool.set(this.pool);
    this.pool = pool;
  }

  private newPool(size: number): Pool {
    if (this.itemBytes === 1) return new Uint8Array(size);
    return this.itemBytes === 2 ? new Uint16Array(size) : new Uint32Array(size);
  }
}
