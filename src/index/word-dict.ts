// Word <-> dense id. An open-addressing hash table that can be probed with the characters of
// the text being scanned (findAscii), so looking up a known word allocates nothing. Stop words
// are registered up front and flagged, so the scanner drops them by id.
import { HASH_SEED, hashStep, STOP_WORDS } from './tokenize.ts';

function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** Whether text[start, start + word.length) equals `word` once lowercased (ASCII). */
function sameAscii(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}

export class WordDict {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private stop = new Uint8Array(1024);
  private table = new Int32Array(2048).fill(-1);

  constructor() {
    for (const word of STOP_WORDS) this.stop[this.add(word, hashOf(word))] = 1;
  }

  get size(): number {
    return this.words.length;
  }

  isStop(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** Id of a lowercased word, or -1. */
  find(word: string): number {
    const hash = hashOf(word);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0 || (this.hashes[id] === hash && this.words[id] === word)) return id;
    }
  }

  /** Id of a lowercased word, added when new. */
  idOf(word: string): number {
    const id = this.find(word);
    return id >= 0 ? id : this.add(word, hashOf(word));
  }

  /** Id of the ASCII word text[start, end) lowercased (`hash` from the scanner), added when new. */
  idOfAscii(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0) return this.add(text.slice(start, end).toLowerCase(), hash);
      if (this.hashes[id] === hash && sameAscii(this.words[id]!, text, start, end - start))
        return id;
    }
  }

  private add(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const stop = new Uint8Array(id * 2);
      stop.set(this.stop);
      this.stop = stop;
    }
    this.hashes[id] = hash;
    if (this.words.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.table[slot]! >= 0) slot = (slot + 1) & mask;
    this.table[slot] = id;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}
