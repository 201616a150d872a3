// The inverted word index: word -> postings, each posting one Uint32 packing the doc number
// (high 24 bits) and the doc's field-weighted term frequency (low 8 bits). Postings of removed
// docs stay until compact(); callers filter by a live-doc bitset. Document frequencies are kept
// for live docs only, through a forward list of word ids per doc.
import { DocLists } from './doc-lists.ts';

export const MAX_DOCS = 1 << 24;

export interface PostingList {
  list: Uint32Array;
  length: number;
}

export class TextPostings {
  private readonly wordIds = new Map<string, number>();
  private words: string[] = [];
  private lists: Uint32Array[] = [];
  private lengths = new Uint32Array(1024);
  private docFreq = new Int32Array(1024);
  private readonly forward: DocLists;
  private sortedWords: string[] = [];
  private sortedIds: number[] = [];
  private unsorted: number[] = [];
  private readonly scratch: number[] = [];

  constructor(capacityDocs: number) {
    this.forward = new DocLists(true, capacityDocs, 24);
  }

  get wordCount(): number {
    return this.words.length;
  }

  /** Adds doc `doc` (the next doc number) with its words and weighted term frequencies. */
  addDoc(doc: number, weightedTf: ReadonlyMap<string, number>): void {
    if (doc >= MAX_DOCS) throw new Error('text index is full (2^24 docs)');
    const ids = this.scratch;
    ids.length = 0;
    for (const [word, tf] of weightedTf) {
      const id = this.idOf(word);
      this.push(id, ((doc << 8) | tf) >>> 0);
      this.docFreq[id]!++;
      ids.push(id);
    }
    this.forward.append(doc, ids, ids.length);
  }

  /** Forgets a doc for document frequencies; its postings are skipped by the live-doc filter. */
  removeDoc(doc: number): void {
    for (const id of this.forward.items(doc)) this.docFreq[id]!--;
  }

  find(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }

  freq(id: number): number {
    return this.docFreq[id]!;
  }

  postings(id: number): PostingList {
    return { list: this.lists[id]!, length: this.lengths[id]! };
  }

  /** Ids of the words starting with `prefix` that some live doc has. */
  expand(prefix: string): number[] {
    this.sortPending();
    const out: number[] = [];
    for (let i = lowerBound(this.sortedWords, prefix); i < this.sortedWords.length; i++) {
      if (!this.sortedWords[i]!.startsWith(prefix)) break;
      const id = this.sortedIds[i]!;
      if (this.docFreq[id]! > 0) out.push(id);
    }
    return out;
  }

  /** Drops the postings of docs with remap[d] < 0 and renumbers the others to remap[d]. */
  compact(remap: Int32Array, oldDocs: number): void {
    for (let id = 0; id < this.lists.length; id++) {
      const list = this.lists[id]!;
      const length = this.lengths[id]!;
      let write = 0;
      for (let i = 0; i < length; i++) {
        const p = list[i]!;
        const doc = remap[p >>> 8]!;
        if (doc >= 0) list[write++] = ((doc << 8) | (p & 255)) >>> 0;
      }
      this.lengths[id] = write;
    }
    this.forward.compact(remap, oldDocs);
  }

  growDocs(capacityDocs: number): void {
    this.forward.growDocs(capacityDocs);
  }

  private idOf(word: string): number {
    const known = this.wordIds.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.wordIds.set(word, id);
    this.lists.push(new Uint32Array(2));
    if (id >= this.lengths.length) this.growWords(id * 2);
    this.unsorted.push(id);
    return id;
  }

  private push(id: number, posting: number): void {
    let list = this.lists[id]!;
    const length = this.lengths[id]!;
    if (length === list.length) {
      const grown = new Uint32Array(length * 2);
      grown.set(list);
      this.lists[id] = list = grown;
    }
    list[length] = posting;
    this.lengths[id] = length + 1;
  }

  private growWords(size: number): void {
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const docFreq = new Int32Array(size);
    docFreq.set(this.docFreq);
    this.docFreq = docFreq;
  }

  /** New words join the sorted word list lazily: one by one when few, by a full sort when many. */
  private sortPending(): void {
    if (this.unsorted.length === 0) return;
    if (this.unsorted.length > 256) {
      const ids = this.words.map((_, i) => i);
      ids.sort((a, b) => compareStrings(this.words[a]!, this.words[b]!));
      this.sortedIds = ids;
      this.sortedWords = ids.map((i) => this.words[i]!);
    } else {
      for (const id of this.unsorted) {
        const word = this.words[id]!;
        const at = lowerBound(this.sortedWords, word);
        this.sortedWords.splice(at, 0, word);
        this.sortedIds.splice(at, 0, id);
      }
    }
    this.unsorted = [];
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
