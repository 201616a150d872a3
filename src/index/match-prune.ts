// Exact top-k without scoring every candidate. A feature is a bitset of docs that have some
// quality and the least a doc lacking it loses against the best possible key (`loss`). The scan
// first scores the docs that have the most important features (enough of them to fill k), which
// sets a threshold; a doc lacking a feature whose loss exceeds `ubMax - threshold` cannot reach
// the top k, so only docs having all such features are scored next. Docs in `always` (sparse
// signals that lift a key above `ubMax`) are scored in the first round.
import { popcount32 } from './bitset.ts';
import type { CoverCount } from './cover-count.ts';
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
  /** Word numbers, one per word. */
  list: Int32Array;
}

/** What to rank: the docs, their features and the best key any of them can reach. */
export interface PruneInput {
  domain: Uint32Array;
  words: number;
  features: readonly Feature[];
  ubMax: number;
  /** Docs with sparse signals that lift a key above `ubMax`: scored first, always. */
  always: readonly number[];
  /** Likely strong docs the caller knows of, scored in the first round. */
  seeds?: Uint32Array | null;
  /** Cell cover counts, to drop docs that leave too many cells uncovered a word at a time. */
  counts?: readonly CoverCount[];
  /** The least a doc loses beyond its features (a per-doc bound), checked after them. */
  docLoss?: ((doc: number) => number) | null;
}

/**
 * Offers to `top` the key of every doc of `domain` that can be among its k best; `key` returns
 * null for a doc that is not eligible. Returns how many docs were scored.
 */
export function prunedTopK(
  input: PruneInput,
  top: TopK,
  key: (doc: number) => number | null,
  s: PruneScratch,
): number {
  const { domain, words, features, ubMax, always } = input;
  const seeds = input.seeds ?? null;
  const counts = input.counts ?? [];
  if (top.k === 0) return 0;
  const ordered = features.filter((f) => f.loss > 0).sort((x, y) => y.loss - x.loss);
  // Scored in the first round: the docs with the most important features among the seeds
  // (likely strong docs the caller knows of) or, short of k of those, among all docs.
  const cur = s.a;
  const count = narrowest(seeds ?? domain, domain, words, ordered, top.k, cur, s.list);
  if (seeds !== null && count < top.k) {
    narrowest(domain, domain, words, ordered, top.k, s.b, s.list);
    for (let w = 0; w < words; w++) cur[w] = cur[w]! | s.b[w]!;
  }
  let scored = 0;
  const seen = s.seen;
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
  const docLoss = input.docLoss ?? null;
  return scored + scanBounded(domain, seen, words, ordered, ubMax, top, visit, counts, docLoss);
}

/**
 * The docs of `base` within `domain` having the most important features (in loss order) of
 * which there are still at least k, written to `into`, with their number. Once the first words
 * are known, only the words still holding docs are visited.
 */
function narrowest(
  base: Uint32Array,
  domain: Uint32Array,
  words: number,
  ordered: readonly Feature[],
  k: number,
  into: Uint32Array,
  list: Int32Array,
): number {
  let count = 0;
  let m = 0;
  for (let w = 0; w < words; w++) {
    const x = base[w]! & domain[w]!;
    into[w] = x;
    if (x !== 0) {
      count += popcount32(x);
      list[m++] = w;
    }
  }
  for (const f of ordered) {
    const bits = f.bits;
    let n = 0;
    for (let j = 0; j < m; j++) {
      const w = list[j]!;
      const x = into[w]! & bits[w]!;
      if (x !== 0) n += popcount32(x);
    }
    if (n < k) break;
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const w = list[j]!;
      const x = into[w]! & bits[w]!;
      into[w] = x;
      if (x !== 0) list[kept++] = w;
    }
    m = kept;
    count = n;
  }
  return count;
}

/**
 * Visits the docs of `domain` not `seen` whose bound (ubMax minus the losses of every feature
 * they lack) can still reach the heap's worst key, which rises as the scan goes. Word by word,
 * docs that lack a feature or two whose losses exceed the slack, or cover too few cells, are
 * dropped 32 at a time first.
 */
function scanBounded(
  domain: Uint32Array,
  seen: Uint32Array,
  words: number,
  features: readonly Feature[],
  ubMax: number,
  top: TopK,
  visit: (doc: number) => void,
  counts: readonly CoverCount[],
  docLoss: ((doc: number) => number) | null,
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
  let enough: Uint32Array[] = [];
  let visited = 0;
  for (let w = 0; w < words; w++) {
    let x = domain[w]! & ~seen[w]!;
    if (x === 0) continue;
    if (floor !== pairsAt && ((w & 255) === 0 || Number.isNaN(pairsAt))) {
      ({ singles, pairs } = needed(loss, ubMax - floor));
      enough = counts.map((c) => c.within(ubMax - floor)).filter((b) => b !== null);
      pairsAt = floor;
    }
    for (let e = 0; e < enough.length && x !== 0; e++) x &= enough[e]![w]!;
    for (let j = 0; j < singles.length && x !== 0; j++) x &= bits[singles[j]!]![w]!;
    for (let p = 0; p < pairs.length && x !== 0; p += 2)
      x &= bits[pairs[p]!]![w]! | bits[pairs[p + 1]!]![w]!;
    if (x === 0) continue;
    for (let i = 0; i < n; i++) masks[i] = bits[i]![w]!;
    while (x !== 0) {
      const low = x & -x;
      x ^= low;
      let bound = ubMax;
      for (let i = 0; i < n; i++) if ((masks[i]! & low) === 0) bound -= loss[i]!;
      if (bound < floor) continue;
      const doc = (w << 5) + 31 - Math.clz32(low);
      if (docLoss !== null && bound - docLoss(doc) < floor) continue;
      visited++;
      visit(doc);
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
