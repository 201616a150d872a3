// The inverted word index: word -> postings, each posting one Uint32 packing the doc number
// (high 24 bits) and the doc's field-weighted term frequency (low 8 bits). Postings of removed
// docs stay until compact(); callers filter by a live-doc bitset. Document frequencies are kept
// for live docs only, through a forward list of word ids per doc (sorted, delta + varint coded:
// it is read only when a doc is removed).
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
    this.forward = new DocLists(1, capacityDocs, 64);
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
    appendIds(this.forward, doc, ids);
  }

  /** Forgets a doc for document frequencies; its postings are skipped by the live-doc filter. */
  removeDoc(doc: number): void {
    for (const id of decodeIds(this.forward.items(doc))) this.docFreq[id]!--;
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

  /** Gives back spare room in posting lists (after a bulk load). */
  trim(): void {
    this.lists = this.lists.map((list, id) => {
      const length = this.lengths[id]!;
      return list.length > length * 1.1 + 4 ? list.slice(0, length + 4) : list;
    });
    this.forward.trim();
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

let sortScratch = new Uint32Array(256);

/** Longest LEB128 code of a word id (below 2^35). */
const MAX_ID_BYTES = 5;

/** Appends doc `doc`'s word ids to `forward`, sorted, as LEB128 deltas. */
function appendIds(forward: DocLists, doc: number, ids: readonly number[]): void {
  const n = ids.length;
  if (n > sortScratch.length) sortScratch = new Uint32Array(n * 2);
  const sorted = sortScratch;
  // Insertion sort: a doc has a few dozen words, too few for a native sort call to pay off.
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > id) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = id;
  }
  let at = forward.begin(doc, n * MAX_ID_BYTES);
  const from = at;
  const pool = forward.pool;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const id = sorted[i]!;
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      pool[at++] = (delta & 0x7f) | 0x80;
      delta >>>= 7;
    }
    pool[at++] = delta;
  }
  forward.end(doc, at - from);
}

function decodeIds(bytes: ArrayLike<number>): number[] {
  const ids: number[] = [];
  let previous = 0;
  for (let i = 0; i < bytes.length;) {
    let delta = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      delta += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80);
    previous += delta;
    ids.push(previous);
  }
  return ids;
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
