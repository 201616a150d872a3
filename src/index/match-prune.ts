// Exact top-k without scoring every candidate. A feature is a bitset of docs that have some
// quality and the least a doc lacking it loses against the best possible key (`loss`). The scan
// first scores the docs that have the most important features (enough of them to fill k), which
// sets a threshold; a doc lacking a feature whose loss exceeds `ubMax - threshold` cannot reach
// the top k, so only docs having all such features are scored next. Docs in `always` (sparse
// signals that lift a key above `ubMax`) are scored in the first round.
import { popcount } from './bitset.ts';
import type { TopK } from './top-k.ts';

export interface Feature {
  bits: Uint32Array;
  loss: number;
}

/** Float slack: quantized factor values may round up by 2^-21 of a weight. */
const MARGIN = 1e-3;

export interface PruneScratch {
  a: Uint32Array;
  b: Uint32Array;
  seen: Uint32Array;
}

/**
 * Offers to `top` the key of every doc of `domain` that can be among its k best; `key` returns
 * null for a doc that is not eligible. Returns how many docs were scored.
 */
export function prunedTopK(
  domain: Uint32Array,
  words: number,
  features: readonly Feature[],
  ubMax: number,
  always: readonly number[],
  top: TopK,
  key: (doc: number) => number | null,
  s: PruneScratch,
  seeds: Uint32Array | null = null,
): number {
  if (top.k === 0) return 0;
  const ordered = features.filter((f) => f.loss > 0).sort((x, y) => y.loss - x.loss);
  let cur = s.a;
  let next = s.b;
  cur.set(domain.subarray(0, words));
  for (const f of ordered) {
    for (let w = 0; w < words; w++) next[w] = cur[w]! & f.bits[w]!;
    if (popcount(next, words) < top.k) break;
    [cur, next] = [next, cur];
  }
  let scored = 0;
  const seen = s.seen;
  // Scored in the first round: the docs with the most important features, the seeds (likely
  // strong docs the caller knows of), and sparse signals.
  if (seeds !== null) for (let w = 0; w < words; w++) cur[w] = cur[w]! | (seeds[w]! & domain[w]!);
  seen.set(cur.subarray(0, words));
  const score = (doc: number) => {
    scored++;
    const k = key(doc);
    if (k !== null) top.offer(k, doc);
  };
  // Without a sparse signal no key exceeds ubMax (sums of exact points, monotone roundings):
  // once the heap's worst key is ubMax, a doc can only tie, and enters only if it wins the tie.
  const visit = (doc: number) => {
    if (top.size === top.k && top.worstKey() >= ubMax && !top.winsTieWithWorst(doc)) return;
    score(doc);
  };
  for (const doc of always) {
    const bit = 1 << (doc & 31);
    if ((domain[doc >>> 5]! & bit) === 0) continue;
    cur[doc >>> 5] = cur[doc >>> 5]! & ~bit; // scored here, never skipped as a tie
    seen[doc >>> 5] = seen[doc >>> 5]! | bit;
    score(doc);
  }
  eachDoc(cur, words, visit);
  const threshold = top.size < top.k ? -Infinity : top.worstKey();
  const slack = ubMax - threshold + MARGIN;
  const rest = next;
  for (let w = 0; w < words; w++) rest[w] = domain[w]! & ~seen[w]!;
  for (const f of ordered) {
    if (f.loss <= slack) continue;
    for (let w = 0; w < words; w++) rest[w] = rest[w]! & f.bits[w]!;
  }
  return scored + scanBounded(rest, words, ordered, ubMax, top, visit);
}

/**
 * Visits the docs of `rest` whose bound (ubMax minus the losses of every feature they lack)
 * can still reach the heap's worst key, which rises as the scan goes. Word by word, docs that
 * lack two features whose losses together exceed the slack are dropped 32 at a time first.
 */
function scanBounded(
  rest: Uint32Array,
  words: number,
  features: readonly Feature[],
  ubMax: number,
  top: TopK,
  visit: (doc: number) => void,
): number {
  const n = features.length;
  const bits = features.map((f) => f.bits);
  const loss = Float64Array.from(features, (f) => f.loss);
  const masks = new Int32Array(n);
  let floor = top.size < top.k ? -Infinity : top.worstKey() - MARGIN;
  // Features a doc must have, and pairs of which it must have one, at the current floor.
  let singles: number[] = [];
  let pairs: number[] = [];
  let pairsAt = NaN;
  let visited = 0;
  for (let w = 0; w < words; w++) {
    let x = rest[w]!;
    if (x === 0) continue;
    if ((w & 255) === 0 && floor !== pairsAt) {
      ({ singles, pairs } = needed(loss, ubMax - floor));
      pairsAt = floor;
    }
    for (let i = 0; i < n; i++) masks[i] = bits[i]![w]!;
    for (const i of singles) x &= masks[i]!;
    for (let p = 0; p < pairs.length && x !== 0; p += 2)
      x &= masks[pairs[p]!]! | masks[pairs[p + 1]!]!;
    while (x !== 0) {
      const low = x & -x;
      x ^= low;
      let bound = ubMax;
      for (let i = 0; i < n; i++) if ((masks[i]! & low) === 0) bound -= loss[i]!;
      if (bound < floor) continue;
      visited++;
      visit((w << 5) + 31 - Math.clz32(low));
      if (top.size === top.k) floor = top.worstKey() - MARGIN;
    }
  }
  return visited;
}

/** Features whose loss alone exceeds the slack, and pairs whose losses together do. */
function needed(loss: Float64Array, slack: number): { singles: number[]; pairs: number[] } {
  const singles: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < loss.length; i++) {
    if (loss[i]! > slack) singles.push(i);
    else {
      for (let j = i + 1; j < loss.length; j++) {
        if (loss[j]! <= slack && loss[i]! + loss[j]! > slack) pairs.push(i, j);
      }
    }
  }
  return { singles, pairs };
}

function eachDoc(bits: Uint32Array, words: number, visit: (doc: number) => void): void {
  for (let w = 0; w < words; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      visit((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}
