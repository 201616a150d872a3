// Free text against the word index: every query word must match (AND); the last one matches
// any word it starts (type-ahead), the others exactly. Narrows a result bitset in place and
// leaves each surviving doc's integer relevance score in `scores`.
import type { TextPostings } from './text-postings.ts';
import { tokenize } from './tokenize.ts';
import { scaledIdf, SATURATION } from './scoring.ts';

export interface TextPlan {
  /** Word ids the doc must have, rarest first. */
  exact: number[];
  /** Word ids starting with the last query word; a doc needs one of them. */
  prefix: number[];
  /** Some query word matches no live doc. */
  empty: boolean;
}

/** The plan for `text`, or null when it has no searchable word (no text constraint). */
export function planText(text: string, postings: TextPostings): TextPlan | null {
  const words = tokenize(text);
  const last = words.pop();
  if (last === undefined) return null;
  const exact = [...new Set(words)].map((w) => postings.find(w));
  const prefix = postings.expand(last);
  const empty = prefix.length === 0 || exact.some((id) => id < 0 || postings.freq(id) === 0);
  if (!empty) exact.sort((a, b) => postings.freq(a) - postings.freq(b));
  return { exact, prefix, empty };
}

export interface TextScratch {
  /** The result bitset, narrowed in place. */
  result: Uint32Array;
  /** A second bitset of the same size, overwritten. */
  spare: Uint32Array;
  scores: Int32Array;
  words: number;
  docs: number;
  liveDocs: number;
}

export function applyText(plan: TextPlan, postings: TextPostings, s: TextScratch): void {
  if (plan.empty) {
    s.result.fill(0, 0, s.words);
    return;
  }
  s.scores.fill(0, 0, s.docs);
  s.spare.fill(0, 0, s.words);
  for (const id of plan.prefix) bestOf(postings, id, s);
  s.result.set(s.spare.subarray(0, s.words));
  for (const id of plan.exact) {
    s.spare.fill(0, 0, s.words);
    addAll(postings, id, s);
    s.result.set(s.spare.subarray(0, s.words));
  }
}

/** For docs in the result: mark them in `spare`, score = max(score, this word's score). */
function bestOf(postings: TextPostings, id: number, s: TextScratch): void {
  const { list, length } = postings.postings(id);
  const scale = scaledIdf(postings.freq(id), s.liveDocs);
  const { result, spare, scores } = s;
  for (let i = 0; i < length; i++) {
    const p = list[i]!;
    const doc = p >>> 8;
    const w = doc >>> 5;
    const bit = 1 << (doc & 31);
    if ((result[w]! & bit) === 0) continue;
    spare[w] = spare[w]! | bit;
    const v = Math.round(scale * SATURATION[p & 255]!);
    if (v > scores[doc]!) scores[doc] = v;
  }
}

/** For docs in the result: mark them in `spare`, score += this word's score. */
function addAll(postings: TextPostings, id: number, s: TextScratch): void {
  const { list, length } = postings.postings(id);
  const scale = scaledIdf(postings.freq(id), s.liveDocs);
  const { result, spare, scores } = s;
  for (let i = 0; i < length; i++) {
    const p = list[i]!;
    const doc = p >>> 8;
    const w = doc >>> 5;
    const bit = 1 << (doc & 31);
    if ((result[w]! & bit) === 0) continue;
    spare[w] = spare[w]! | bit;
    scores[doc] = scores[doc]! + Math.round(scale * SATURATION[p & 255]!);
  }
}
