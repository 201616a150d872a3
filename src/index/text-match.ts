// Free text against the word index: every query word must match (AND); the last one matches
// any word it starts (type-ahead), the others exactly. Narrows a result bitset in place and
// leaves each surviving doc's integer relevance score in `scores`.
import type { TextPostings } from './text-postings.ts';
import { tokenize } from './tokenize.ts';
import { MAX_WEIGHTED_TF, scaledIdf, wordScore } from './scoring.ts';

export interface TextPlan {
  /** Word ids the doc must have, rarest first. */
  exact: number[];
  /** Word ids starting with the last query word, most frequent first; a doc needs one. */
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
  const prefix = postings.expand(last).sort((a, b) => postings.freq(b) - postings.freq(a));
  const empty = prefix.length === 0 || exact.some((id) => id < 0 || postings.freq(id) === 0);
  if (!empty) exact.sort((a, b) => postings.freq(a) - postings.freq(b));
  return { exact, prefix, empty };
}

export interface TextScratch {
  /** The result bitset, narrowed in place. */
  result: Uint32Array;
  /** A second bitset of the same size, overwritten. */
  spare: Uint32Array;
  /** Filled with the relevance score of each result doc when `scored`. */
  scores: Int32Array;
  scored: boolean;
  words: number;
  docs: number;
  liveDocs: number;
}

// The loops below are branch-free on purpose: whether a posting's doc is in the result is a
// coin flip for the CPU, and mispredictions cost more than the arithmetic.
export function applyText(plan: TextPlan, postings: TextPostings, s: TextScratch): void {
  if (plan.empty) {
    s.result.fill(0, 0, s.words);
    return;
  }
  if (s.scored) s.scores.fill(0, 0, s.docs);
  s.spare.fill(0, 0, s.words);
  // Best score over the prefix's words: the first (largest) one sets it, the others raise it.
  plan.prefix.forEach((id, i) => scoreWord(postings, id, s, i === 0 ? 'add' : 'max'));
  s.result.set(s.spare.subarray(0, s.words));
  for (const id of plan.exact) {
    s.spare.fill(0, 0, s.words);
    scoreWord(postings, id, s, 'add');
    s.result.set(s.spare.subarray(0, s.words));
  }
}

const contribution = new Int32Array(MAX_WEIGHTED_TF + 1);

/** Marks the word's docs that are in the result in `spare`, adding or maxing their score. */
function scoreWord(postings: TextPostings, id: number, s: TextScratch, how: 'add' | 'max'): void {
  const { list, length } = postings.postings(id);
  const { result, spare, scores } = s;
  if (!s.scored) {
    for (let i = 0; i < length; i++) {
      const doc = list[i]! >>> 8;
      const w = doc >>> 5;
      spare[w] = spare[w]! | (result[w]! & (1 << (doc & 31)));
    }
    return;
  }
  const scale = scaledIdf(postings.freq(id), s.liveDocs);
  for (let tf = 0; tf <= MAX_WEIGHTED_TF; tf++) contribution[tf] = wordScore(scale, tf);
  for (let i = 0; i < length; i++) {
    const p = list[i]!;
    const doc = p >>> 8;
    const w = doc >>> 5;
    const shift = doc & 31;
    const hit = (result[w]! >>> shift) & 1;
    spare[w] = spare[w]! | (hit << shift);
    const v = contribution[p & 255]! * hit;
    const old = scores[doc]!;
    scores[doc] = how === 'add' ? old + v : Math.max(old, v);
  }
}
