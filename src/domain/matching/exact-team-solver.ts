// Exact solver for team-problem.ts by branch and bound over assignments, for small instances
// (tests compare the heuristic against it). Depth-first over cells, most constrained first; each
// cell tries its candidates strongest first, then "nobody". A branch is cut when even its
// optimistic completion (nothing more uncovered, no more excess, every remaining cell at its
// best strength, no new member) is not better than the best complete assignment found so far.
import {
  NONE,
  TeamEvaluator,
  compareValues,
  type TeamProblem,
  type TeamValue,
} from './team-problem.ts';
import { ableLists } from './team-search.ts';

interface Search {
  readonly p: TeamProblem;
  readonly order: readonly number[];
  readonly options: readonly Int32Array[];
  /** Σ over order[k..] of ω_c · best strength of c. */
  readonly bestRest: Float64Array;
  readonly assign: Int32Array;
  readonly load: Float64Array;
  readonly ev: TeamEvaluator;
  best: Int32Array;
  bestValue: TeamValue;
  members: number;
  uncovered: number;
  excess: number;
  strength: number;
}

export function solveExact(p: TeamProblem): Int32Array {
  const s = setUp(p);
  branch(s, 0);
  return s.best;
}

function setUp(p: TeamProblem): Search {
  const n = p.cellCount;
  const options = ableLists(p);
  const rank = new Int32Array(n);
  p.byWeight.forEach((c, i) => (rank[c] = i));
  const order = Array.from(p.byWeight).sort(
    (x, y) => options[x]!.length - options[y]!.length || rank[x]! - rank[y]!,
  );
  const bestRest = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) {
    const c = order[k]!;
    const top = options[c]![0];
    bestRest[k] =
      bestRest[k + 1]! + (top === undefined ? 0 : p.share[c]! * p.strength[top * n + c]!);
  }
  const none = new Int32Array(n).fill(NONE);
  const ev = new TeamEvaluator(p);
  return {
    ev,
    p,
    order,
    options,
    bestRest,
    assign: none.slice(),
    load: new Float64Array(p.candidateCount),
    best: none,
    bestValue: ev.value(none),
    members: 0,
    uncovered: 0,
    excess: 0,
    strength: 0,
  };
}

function optimistic(s: Search, k: number): TeamValue {
  return {
    overMembers: 0,
    uncovered: s.uncovered,
    excess: s.excess,
    objective: s.strength + s.bestRest[k]! - s.p.memberCost * s.members,
    members: s.members,
    maxShareUsed: 0,
  };
}

function branch(s: Search, k: number): void {
  if (compareValues(optimistic(s, k), s.bestValue) <= 0) return;
  if (k === s.order.length) {
    s.best = s.assign.slice();
    s.bestValue = s.ev.value(s.best);
    return;
  }
  const c = s.order[k]!;
  for (const m of s.options[c]!) {
    if (s.load[m] === 0 && s.members === s.p.maxMembers) continue;
    place(s, c, m, k);
  }
  const uncovered = s.uncovered;
  if (s.p.coverable[c] === 1) s.uncovered += s.p.share[c]!;
  branch(s, k + 1);
  s.uncovered = uncovered;
}

function place(s: Search, c: number, m: number, k: number): void {
  const { p } = s;
  const w = p.share[c]!;
  const saved = { load: s.load[m]!, members: s.members, excess: s.excess, strength: s.strength };
  const load = saved.load + w;
  if (saved.load === 0) s.members++;
  s.excess += Math.max(0, load - p.maxShare) - Math.max(0, saved.load - p.maxShare);
  s.strength += w * p.strength[m * p.cellCount + c]!;
  s.load[m] = load;
  s.assign[c] = m;
  branch(s, k + 1);
  s.assign[c] = NONE;
  s.load[m] = saved.load;
  s.members = saved.members;
  s.excess = saved.excess;
  s.strength = saved.strength;
}
