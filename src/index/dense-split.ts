// Facet counting splits values in two. Dense values (held by a good share of all docs: "en",
// "Azure", customer sizes...) are counted by popcount over their bitsets, whose cost does not
// depend on the result size; the others through a second per-doc list that leaves the dense
// values out. For big results that list is a fraction of the full one.
// The split is chosen when the list is (re)built: lazily at the first search after a bulk load
// and after each compaction. Docs added in between follow the existing split.
import type { CodeIndex } from './code-index.ts';
import { DocLists } from './doc-lists.ts';

export class DenseSplit {
  dense: number[] = [];
  readonly lists: DocLists;
  private isDense = new Uint8Array(0);
  private covered = 0;
  private readonly scratch: number[] = [];

  /** A value is dense when at least `share` of live docs have it. */
  constructor(
    private readonly share: number,
    capacityDocs: number,
  ) {
    this.lists = new DocLists(false, capacityDocs, 4);
  }

  /** Forget the split (after a compaction renumbered the docs). */
  reset(): void {
    this.covered = 0;
  }

  /** Brings the sparse lists up to `docCount` docs; re-splits when more than half are new. */
  sync(codes: CodeIndex, liveDocs: number, docCount: number): void {
    if (this.covered === docCount) return;
    if (this.covered === 0 || (docCount - this.covered) * 2 > docCount) this.split(codes, liveDocs);
    for (let doc = this.covered; doc < docCount; doc++) this.appendDoc(codes, doc);
    this.covered = docCount;
  }

  growDocs(capacityDocs: number): void {
    this.lists.growDocs(capacityDocs);
  }

  private split(codes: CodeIndex, liveDocs: number): void {
    const values = codes.valueCount;
    this.isDense = new Uint8Array(values);
    this.dense = [];
    for (let v = 0; v < values; v++) {
      if (codes.totals[v]! >= liveDocs * this.share && liveDocs > 0) {
        this.isDense[v] = 1;
        this.dense.push(v);
      }
    }
    this.lists.clear();
    this.covered = 0;
  }

  private appendDoc(codes: CodeIndex, doc: number): void {
    const sparse = this.scratch;
    sparse.length = 0;
    for (const v of codes.docs.items(doc)) if (this.isDense[v] !== 1) sparse.push(v);
    this.lists.append(doc, sparse, sparse.length);
  }
}
