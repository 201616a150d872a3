// Team formation: cover every cell of a need with as few, as strong partners as possible, none
// holding more than maxShare of the weighted need unless nothing else covers it. The objective
// is defined in team-problem.ts; team-heuristic.ts solves it (exact-team-solver.ts checks it).
import type { Need } from './need.ts';
import { solveHeuristic } from './team-heuristic.ts';
import { teamOptions, type TeamOptionsInput } from './team-options.ts';
import {
  NONE,
  SHARE_EPS,
  TeamEvaluator,
  makeProblem,
  type Share,
  type TeamProblem,
} from './team-problem.ts';

export interface TeamCandidate {
  orgId: string;
  /** Strength per cell of the need, in [0, 1]; 0 where it cannot serve (see cellStrengths). */
  cellScores: ArrayLike<number>;
}

export interface TeamMember {
  orgId: string;
  cells: number[];
  share: Share;
}

export interface Team {
  /** Ordered by the first cell each member takes. */
  members: TeamMember[];
  /** Cells no member takes (nobody can serve them, or maxMembers left them out). */
  uncovered: number[];
  /** Per cell, other candidates that can serve it, strongest first. */
  backups: Record<number, string[]>;
  /** Σ ω_c · strength over covered cells − memberCost · members (team-problem.ts). */
  objective: number;
  /** Largest member share of the weighted need. */
  maxShareUsed: Share;
  /**
   * true when some member exceeds maxShare: the solver found no team with this coverage that
   * avoids it (the heuristic's answer; the exact solver's is a proof).
   */
  shareCapRelaxed: boolean;
}

export type TeamSolver = (p: TeamProblem) => Int32Array;

export function formTeam(
  need: Pick<Need, 'cells'>,
  candidates: readonly TeamCandidate[],
  input: TeamOptionsInput = {},
  solve: TeamSolver = solveHeuristic,
): Team {
  const opts = teamOptions(input);
  const p = makeProblem(
    need.cells.map((c) => c.weight),
    candidates.map((c) => c.cellScores),
    opts,
  );
  const assign = solve(p);
  const value = new TeamEvaluator(p).value(assign);
  return {
    members: membersOf(p, assign, candidates),
    uncovered: need.cells.map((_, c) => c).filter((c) => assign[c] === NONE),
    backups: opts.backups ? backupsOf(p, assign, candidates, opts.backupsPerCell) : {},
    objective: value.objective,
    maxShareUsed: value.maxShareUsed as Share,
    shareCapRelaxed: value.maxShareUsed > opts.maxShare + SHARE_EPS,
  };
}

function membersOf(
  p: TeamProblem,
  assign: Int32Array,
  candidates: readonly TeamCandidate[],
): TeamMember[] {
  const byCandidate = new Map<number, TeamMember>();
  for (let c = 0; c < p.cellCount; c++) {
    const m = assign[c]!;
    if (m === NONE) continue;
    let member = byCandidate.get(m);
    if (member === undefined) {
      member = { orgId: candidates[m]!.orgId, cells: [], share: 0 as Share };
      byCandidate.set(m, member);
    }
    member.cells.push(c);
    member.share = (member.share + p.share[c]!) as Share;
  }
  return [...byCandidate.values()];
}

function backupsOf(
  p: TeamProblem,
  assign: Int32Array,
  candidates: readonly TeamCandidate[],
  perCell: number,
): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  const n = p.cellCount;
  for (let c = 0; c < n; c++) {
    const others = candidates
      .map((_, m) => m)
      .filter((m) => m !== assign[c] && p.strength[m * n + c]! > 0)
      .sort((x, y) => p.strength[y * n + c]! - p.strength[x * n + c]! || x - y);
    if (others.length > 0) out[c] = others.slice(0, perCell).map((m) => candidates[m]!.orgId);
  }
  return out;
}
