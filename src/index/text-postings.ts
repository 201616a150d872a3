// The inverted word index: word -> postings, each posting one Uint32 packing the doc number
// (high 24 bits) and the doc's field-weighted term frequency (low 8 bits). Postings of removed
// docs stay until compact(); callers filter by a live-doc bitset. Document frequencies are kept
// for live docs only, through a forward list of word ids per doc.
import { DocLists } from './doc-lists.ts';
import { WordDict } from './word-dict.ts';

export const MAX_DOCS = 1 << 24;

export interface PostingList {
  list: Uint32Array;
  length: number;
}

export class TextPostings {
  readonly dict = new WordDict();
  private lists: Uint32Array[] = [];
  private lengths = new Uint32Array(1024);
  private docFreq = new Int32Array(1024);
  private readonly forward: DocLists;
  private sortedWords: string[] = [];
  private sortedIds: number[] = [];
  /** Words with ids from here on are not in the sorted list yet. */
  private sortedUpTo = 0;

  constructor(capacityDocs: number) {
    this.forward = new DocLists(true, capacityDocs, 24);
  }

  /** Adds doc `doc` (the next doc number) with its word ids and weighted term frequencies. */
  addDoc(doc: number, ids: readonly number[], tfs: readonly number[]): void {
    if (doc >= MAX_DOCS) throw new Error('text index is full (2^24 docs)');
    if (this.dict.size > this.lists.length) this.addWords();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      this.push(id, ((doc << 8) | tfs[i]!) >>> 0);
      this.docFreq[id]!++;
    }
    this.forward.append(doc, ids, ids.length);
  }

  /** Forgets a doc for document frequencies; its postings are skipped by the live-doc filter. */
  removeDoc(doc: number): void {
    for (const id of this.forward.items(doc)) this.docFreq[id]!--;
  }

  find(word: string): number {
    return this.dict.find(word);
  }

  freq(id: number): number {
    return this.docFreq[id] ?? 0;
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

  /** Posting lists for the words the dictionary gained. */
  private addWords(): void {
    const size = this.dict.size;
    if (size > this.lengths.length) this.growWords(size * 2);
    while (this.lists.length < size) this.lists.push(new Uint32Array(2));
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
    const { words } = this.dict;
    if (this.sortedUpTo === words.length) return;
    if (words.length - this.sortedUpTo > 256) {
      const ids = words.map((_, i) => i);
      ids.sort((a, b) => compareStrings(words[a]!, words[b]!));
      this.sortedIds = ids;
      this.sortedWords = ids.map((i) => words[i]!);
    } else {
      for (let id = this.sortedUpTo; id < words.length; id++) {
        const word = words[id]!;
        const at = lowerBound(this.sortedWords, word);
        this.sortedWords.splice(at, 0, word);
        this.sortedIds.splice(at, 0, id);
      }
    }
    this.sortedUpTo = words.length;
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
