// Free text against the word index: every query word must match (AND); the last one matches
// any word it starts (type-ahead), the others exactly. Narrows a result bitset in place and
// leaves each surviving doc's integer relevance score in `scores`.
import type { TextPostings } from './text-postings.ts';
import { tokenize } from './tokenize.ts';
import { popcount } from './bitset.ts';
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
  /** Per-doc scratch for the prefix's best score, overwritten. */
  best: Int32Array;
  scored: boolean;
  words: number;
  docs: number;
  liveDocs: number;
}

/** A word's postings are searched (galloping) instead of scanned when they are this much longer. */
const GALLOP_RATIO = 6;

/** Narrows the result word by word, most selective first (later words then search less). */
export function applyText(plan: TextPlan, postings: TextPostings, s: TextScratch): void {
  if (plan.empty) {
    s.result.fill(0, 0, s.words);
    return;
  }
  if (s.scored) s.scores.fill(0, 0, s.docs);
  const prefixLength = plan.prefix.reduce((n, id) => n + postings.postings(id).length, 0);
  const prefixAt = plan.exact.filter((id) => postings.freq(id) < prefixLength).length;
  for (let step = 0; step <= plan.exact.length; step++) {
    const inResult = popcount(s.result, s.words);
    s.spare.fill(0, 0, s.words);
    if (step === prefixAt) matchPrefix(plan.prefix, postings, s, inResult, step === 0);
    const id = plan.exact[step < prefixAt ? step : step - 1];
    if (step !== prefixAt && id !== undefined)
      scoreWord(postings, id, s, 'add', inResult, s.scores);
    s.result.set(s.spare.subarray(0, s.words));
  }
}

/** Docs with any of the prefix's words; score += the best of those words' scores. */
function matchPrefix(
  ids: number[],
  postings: TextPostings,
  s: TextScratch,
  inResult: number,
  first: boolean,
): void {
  // First, the scores are all 0 and can take the maximum directly.
  const target = first || !s.scored ? s.scores : s.best;
  if (target === s.best) s.best.fill(0, 0, s.docs);
  ids.forEach((id, i) => scoreWord(postings, id, s, i === 0 ? 'add' : 'max', inResult, target));
  if (target !== s.best) return;
  const { spare, scores, best } = s;
  for (let w = 0; w < s.words; w++) {
    let x = spare[w]!;
    while (x !== 0) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      scores[doc] = scores[doc]! + best[doc]!;
    }
  }
}

type Combine = 'add' | 'max';

/** Scores of one word, indexed by weighted term frequency. */
const contribution = new Int32Array(MAX_WEIGHTED_TF + 1);

/** Marks the word's docs that are in the result in `spare`, adding or maxing their score. */
function scoreWord(
  postings: TextPostings,
  id: number,
  s: TextScratch,
  how: Combine,
  inResult: number,
  scores: Int32Array,
): void {
  const { list, length } = postings.postings(id);
  if (s.scored) {
    const scale = scaledIdf(postings.freq(id), s.liveDocs);
    for (let tf = 0; tf <= MAX_WEIGHTED_TF; tf++) contribution[tf] = wordScore(scale, tf);
  }
  if (inResult * GALLOP_RATIO < length) searchPostings(list, length, s, how, scores);
  else if (s.scored) scanPostings(list, length, s, how, scores);
  else markPostings(list, length, s);
}

// The scanning loops are branch-free on purpose: whether a posting's doc is in the result is a
// coin flip for the CPU, and mispredictions cost more than the arithmetic.
function markPostings(list: Uint32Array, length: number, s: TextScratch): void {
  const { result, spare } = s;
  for (let i = 0; i < length; i++) {
    const doc = list[i]! >>> 8;
    const w = doc >>> 5;
    spare[w] = spare[w]! | (result[w]! & (1 << (doc & 31)));
  }
}

function scanPostings(
  list: Uint32Array,
  length: number,
  s: TextScratch,
  how: Combine,
  scores: Int32Array,
): void {
  const { result, spare } = s;
  if (how === 'add') {
    for (let i = 0; i < length; i++) {
      const p = list[i]!;
      const doc = p >>> 8;
      const w = doc >>> 5;
      const hit = (result[w]! >>> (doc & 31)) & 1;
      spare[w] = spare[w]! | (hit << (doc & 31));
      scores[doc] = scores[doc]! + contribution[p & 255]! * hit;
    }
    return;
  }
  for (let i = 0; i < length; i++) {
    const p = list[i]!;
    const doc = p >>> 8;
    const w = doc >>> 5;
    const hit = (result[w]! >>> (doc & 31)) & 1;
    spare[w] = spare[w]! | (hit << (doc & 31));
    scores[doc] = Math.max(scores[doc]!, contribution[p & 255]! * hit);
  }
}

/** For a result much smaller than the postings: find each result doc by galloping search. */
function searchPostings(
  list: Uint32Array,
  length: number,
  s: TextScratch,
  how: Combine,
  scores: Int32Array,
): void {
  const { result, spare, scored } = s;
  let lo = 0;
  for (let w = 0; w < s.words && lo < length; w++) {
    let x = result[w]!;
    while (x !== 0 && lo < length) {
      const low = x & -x;
      const doc = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
      lo = gallop(list, length, lo, doc);
      if (lo === length || list[lo]! >>> 8 !== doc) continue;
      spare[w] = spare[w]! | low;
      if (!scored) continue;
      const v = contribution[list[lo]! & 255]!;
      scores[doc] = how === 'add' ? scores[doc]! + v : Math.max(scores[doc]!, v);
    }
  }
}

/** First position >= from whose doc is >= doc (postings are sorted by doc). */
function gallop(list: Uint32Array, length: number, from: number, doc: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < length && list[hi]! >>> 8 < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > length) hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! >>> 8 < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
