// Team formation as an optimisation problem, shared by the production heuristic and the exact
// solver used in tests.
//
// Given cells c with shares ω_c = w_c / Σw (so Σ ω_c = 1) and candidates m with strengths
// s(m, c) in [0, 1] (0: m cannot serve c), choose for each cell one candidate with s > 0, or none.
// Members M = candidates given at least one cell; share(m) = Σ ω_c over m's cells. Assignments
// are compared lexicographically, most important first:
//   1. overMembers = max(0, |M| − maxMembers)                      (minimise; a hard limit)
//   2. uncovered   = Σ ω_c over uncovered cells some candidate could serve     (minimise)
//   3. excess      = Σ_m max(0, share(m) − maxShare)                           (minimise)
//   4. objective   = Σ ω_c · s(a(c), c) over covered cells − λ · |M|          (maximise)
// So: cover every coverable cell; no member above maxShare unless no assignment with that
// coverage avoids it (then the excess is as small as possible, and the result says so); among
// those, as strong and as few partners as possible. λ (memberCost, default 0.03) is what one
// more partner must bring in weighted strength to be worth adding. Cells nobody can serve are
// left out of tier 2: they are uncovered whatever the team, so they only shift every score alike.

/** A fraction of the weighted need, in [0, 1]. */
export type Share = number & { readonly __brand: 'Share' };

export interface TeamProblem {
  readonly cellCount: number;
  readonly candidateCount: number;
  /** ω_c, summing to 1. */
  readonly share: Float64Array;
  /** s(m, c) at [m * cellCount + c]. */
  readonly strength: Float64Array;
  readonly coverable: Uint8Array;
  /** Cell indexes, heaviest first (lower index first among equals). */
  readonly byWeight: Int32Array;
  readonly maxShare: number;
  readonly maxMembers: number;
  readonly memberCost: number;
}

export interface TeamValue {
  overMembers: number;
  uncovered: number;
  excess: number;
  objective: number;
  members: number;
  maxShareUsed: number;
}

/** Tolerance for the share tiers: sums of the same shares in another order may differ slightly. */
export const SHARE_EPS = 1e-9;
export const DEFAULT_MEMBER_COST = 0.03;
export const NONE = -1;

export function makeProblem(
  weights: ArrayLike<number>,
  strengths: readonly ArrayLike<number>[],
  opts: { maxShare: number; maxMembers: number; memberCost: number },
): TeamProblem {
  const n = weights.length;
  let total = 0;
  for (let c = 0; c < n; c++) total += weights[c]!;
  const share = Float64Array.from({ length: n }, (_, c) => weights[c]! / total);
  const strength = new Float64Array(strengths.length * n);
  const coverable = new Uint8Array(n);
  strengths.forEach((row, m) => {
    for (let c = 0; c < n; c++) {
      const s = row[c] ?? 0;
      strength[m * n + c] = s > 0 ? s : 0;
      if (s > 0) coverable[c] = 1;
    }
  });
  const byWeight = Int32Array.from(share.keys()).sort((x, y) => share[y]! - share[x]! || x - y);
  const { maxShare, maxMembers, memberCost } = opts;
  return {
    cellCount: n,
    candidateCount: strengths.length,
    share,
    strength,
    coverable,
    byWeight,
    maxShare,
    maxMembers,
    memberCost,
  };
}

/** Evaluates complete assignments (cell -> candidate or NONE) with reused scratch. */
export class TeamEvaluator {
  private readonly load: Float64Array;
  private readonly touched: Int32Array;

  constructor(private readonly p: TeamProblem) {
    this.load = new Float64Array(p.candidateCount);
    this.touched = new Int32Array(p.cellCount);
  }

  value(assign: Int32Array): TeamValue {
    const { p, load, touched } = this;
    let members = 0;
    let uncovered = 0;
    let strength = 0;
    for (let c = 0; c < p.cellCount; c++) {
      const m = assign[c]!;
      const w = p.share[c]!;
      if (m === NONE) {
        if (p.coverable[c] === 1) uncovered += w;
        continue;
      }
      if (load[m] === 0) touched[members++] = m;
      load[m] = load[m]! + w;
      strength += w * p.strength[m * p.cellCount + c]!;
    }
    let excess = 0;
    let maxShareUsed = 0;
    for (let i = 0; i < members; i++) {
      const m = touched[i]!;
      const l = load[m]!;
      if (l > p.maxShare) excess += l - p.maxShare;
      if (l > maxShareUsed) maxShareUsed = l;
      load[m] = 0;
    }
    const overMembers = Math.max(0, members - p.maxMembers);
    return {
      overMembers,
      uncovered,
      excess,
      objective: strength - p.memberCost * members,
      members,
      maxShareUsed,
    };
  }
}

export type Comparable = Pick<TeamValue, 'overMembers' | 'uncovered' | 'excess' | 'objective'>;

/** > 0 when `a` is better than `b`, < 0 when worse, 0 when equal. */
export function compareValues(a: Comparable, b: Comparable): number {
  if (a.overMembers !== b.overMembers) return b.overMembers - a.overMembers;
  if (Math.abs(a.uncovered - b.uncovered) > SHARE_EPS) return b.uncovered - a.uncovered;
  if (Math.abs(a.excess - b.excess) > SHARE_EPS) return b.excess - a.excess;
  return a.objective - b.objective;
}
