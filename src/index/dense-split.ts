// Facet counting splits values in two. Dense values (held by at least `share` of live docs:
// "en", "Azure", customer sizes...) are counted by popcount over copies of their bitsets kept in
// SIMD memory, at a cost that does not depend on the result size; the others through a second
// per-doc list that leaves the dense values out, much shorter than the full one.
// The split is chosen when the list is (re)built: lazily at the first search after a bulk load,
// after a compaction, and when capacity grows. Docs added in between follow the existing split.
// Copies are only ever added to: a removed doc's bits stay, but counting only visits live docs.
import { newBits, wordsFor } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import { DocLists } from './doc-lists.ts';
import { BitsetSlots, SIMD_POPCOUNT } from './simd-popcount.ts';

/** Cost of a popcount over one word, relative to one per-doc list item (measured). */
export const WORD_COST = SIMD_POPCOUNT ? 0.07 : 0.55;

export class DenseSplit {
  dense: number[] = [];
  readonly lists: DocLists;
  /** Docs with at least one sparse value: the only ones the lists need visiting. */
  withSparse = newBits(0);
  withSparseCount = 0;
  private slotOf = new Int32Array(0);
  /** Slot 0: the docs to count; slot i + 1: dense[i]. */
  private copies: BitsetSlots | null = null;
  private covered = 0;
  private readonly scratch: number[] = [];

  /** A value is dense when at least `share` of live docs have it. */
  constructor(
    private readonly share: number,
    capacityDocs: number,
  ) {
    this.lists = new DocLists(2, capacityDocs, 4);
  }

  /** Forget the split (after a compaction renumbered the docs). */
  reset(): void {
    this.covered = 0;
  }

  /** Brings the lists and copies up to `docCount` docs; re-splits when needed. */
  sync(codes: CodeIndex, liveDocs: number, docCount: number, capacityDocs: number): void {
    if (this.covered === docCount) return;
    const stale = this.covered === 0 || (docCount - this.covered) * 2 > docCount;
    const full = this.copies === null || docCount > this.copies.capacityDocs;
    if (stale || full) this.split(codes, liveDocs, capacityDocs);
    for (let doc = this.covered; doc < docCount; doc++) this.appendDoc(codes, doc);
    this.covered = docCount;
  }

  /** counts[dense value] = its docs among `visit`. */
  countDense(visit: Uint32Array, words: number, counts: Int32Array): void {
    if (this.copies === null) return;
    this.copies.slots[0]!.set(visit.subarray(0, words));
    const found = this.copies.countAll();
    this.dense.forEach((v, i) => (counts[v] = found[i]!));
  }

  growDocs(capacityDocs: number): void {
    this.lists.growDocs(capacityDocs);
  }

  private split(codes: CodeIndex, liveDocs: number, capacityDocs: number): void {
    const values = codes.valueCount;
    this.slotOf = new Int32Array(values).fill(-1);
    this.dense = [];
    for (let v = 0; v < values; v++) {
      if (liveDocs > 0 && codes.totals[v]! >= liveDocs * this.share) {
        this.slotOf[v] = this.dense.length + 1;
        this.dense.push(v);
      }
    }
    const words = wordsFor(capacityDocs);
    const copies = new BitsetSlots(this.dense.length + 1, words);
    this.withSparse = newBits(copies.capacityDocs);
    this.withSparseCount = 0;
    this.dense.forEach((v, i) => copies.slots[i + 1]!.set(codes.bitsOf(v).subarray(0, words)));
    this.copies = copies;
    this.lists.clear();
    this.covered = 0;
  }

  private appendDoc(codes: CodeIndex, doc: number): void {
    const sparse = this.scratch;
    sparse.length = 0;
    for (const v of codes.docs.items(doc)) {
      const slot = this.slotOf[v] ?? -1;
      if (slot < 0) sparse.push(v);
      else {
        const bits = this.copies!.slots[slot]!;
        bits[doc >>> 5] = bits[doc >>> 5]! | (1 << (doc & 31));
      }
    }
    this.lists.append(doc, sparse, sparse.length);
    if (sparse.length > 0) {
      this.withSparse[doc >>> 5] = this.withSparse[doc >>> 5]! | (1 << (doc & 31));
      this.withSparseCount++;
    }
  }
}
