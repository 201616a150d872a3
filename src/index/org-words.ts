// The words of an org as word ids with their field-weighted term frequency (name > skills >
// description), counted straight from the scanner into a reusable array.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import { FIELD_WEIGHT, MAX_WEIGHTED_TF } from './scoring.ts';
import { isIndexWord, scanWords, type WordSink } from './tokenize.ts';
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
    scanWords(org.name, this);
    this.weight = FIELD_WEIGHT.skills;
    for (const skill of org.skills) scanWords(skill, this);
    this.weight = FIELD_WEIGHT.description;
    scanWords(org.description, this);
    const { ids, tfs, tf } = this;
    tfs.length = 0; // then push: cheaper than setting the length up front (holes)
    for (let i = 0; i < ids.length; i++) {
      tfs.push(tf[ids[i]!]!);
      tf[ids[i]!] = 0;
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
