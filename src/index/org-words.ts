// The words of an org as word ids with their field-weighted term frequency (name > skills >
// description), counted straight from the scanner into a reusable array.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import { FIELD_WEIGHT, MAX_WEIGHTED_TF } from './scoring.ts';
import { ASCII_LOWER, HASH_SEED, finishWord, isIndexWord, type WordSink } from './tokenize.ts';
import type { WordDict } from './word-dict.ts';

export class WordCounter implements WordSink {
  /** Word ids of the last counted org, in first-seen order, and their weighted frequencies. */
  readonly ids: number[] = [];
  readonly tfs: number[] = [];
  private tf = new Uint8Array(1024);
  private weight = 0;

  constructor(private readonly dict: WordDict) {}

  count(org: IndexedOrg): void {
    this.ids.length = 0;
    this.weight = FIELD_WEIGHT.name;
    this.scan(org.name);
    this.weight = FIELD_WEIGHT.skills;
    for (const skill of org.skills) this.scan(skill);
    this.weight = FIELD_WEIGHT.description;
    this.scan(org.description);
    const { ids, tfs, tf } = this;
    tfs.length = 0; // then push: cheaper than setting the length up front (holes)
    for (let i = 0; i < ids.length; i++) {
      tfs.push(tf[ids[i]!]!);
      tf[ids[i]!] = 0;
    }
  }

  /**
   * scanWords for this sink, with ASCII words looked up inline (the start-up load tokenizes
   * every profile); a word with a non-ASCII character ends the slow way (finishWord).
   */
  private scan(text: string): void {
    const length = text.length;
    const lowerOf = ASCII_LOWER;
    let i = 0;
    while (i < length) {
      let code = text.charCodeAt(i);
      if (code >= 128) {
        i = finishWord(text, i, i, code, this);
        continue;
      }
      let lower = lowerOf[code]!;
      if (lower === 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = HASH_SEED;
      let ascii = true;
      do {
        hash = Math.imul(hash ^ lower, 16777619); // hashStep, inlined
        if (++i === length) break;
        code = text.charCodeAt(i);
        if (code >= 128) {
          i = finishWord(text, start, i, code, this);
          ascii = false;
          break;
        }
        lower = lowerOf[code]!;
      } while (lower !== 0);
      if (ascii && i - start > 1) this.add(this.dict.idOfAscii(text, start, i, hash));
    }
  }

  ascii(text: string, start: number, end: number, hash: number): void {
    if (end - start > 1) this.add(this.dict.idOfAscii(text, start, end, hash));
  }

  other(word: string): void {
    if (isIndexWord(word)) this.add(this.dict.idOf(word));
  }

  private add(id: number): void {
    if (this.dict.isStop(id)) return;
    if (id >= this.tf.length) {
      const tf = new Uint8Array(Math.max(id + 1, this.tf.length * 2));
      tf.set(this.tf);
      this.tf = tf;
    }
    const before = this.tf[id]!;
    if (before === 0) this.ids.push(id);
    this.tf[id] = Math.min(MAX_WEIGHTED_TF, before + this.weight);
  }
}
