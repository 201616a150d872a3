// The production solver for team-problem.ts, greedy plus local improvement, deterministic:
// 1. only a shortlist takes part: the 6 strongest candidates of each cell;
// 2. two greedy starts (each cell to its strongest candidate; members added one by one), each
//    improved by the quick local search (team-local-search.ts);
// 3. up to 3 rounds of kicks against local optima: forbid one member of the best team,
//    re-optimise without it, allow it again and re-optimise; keep the result if it is better;
// 4. a final thorough local search (two-member exchanges, longer ejection chains).
// team-formation.test.ts measures it against exact-team-solver.ts.
import { improve } from './team-local-search.ts';
import type { Work } from './team-search.ts';
import { TeamState } from './team-state.ts';
import {
  NONE,
  TeamEvaluator,
  compareValues,
  type TeamProblem,
  type TeamValue,
} from './team-problem.ts';

const IMPROVEMENT = 1e-12;
const MAX_KICK_ROUNDS = 3;

/** Candidates considered per cell: the strongest few (see shortlist). */
export const SHORTLIST_PER_CELL = 6;

/**
 * Evaluations (moves tried, bounds computed) one solve may spend. Small needs finish far below
 * it; needs of dozens of cells stop at it with the best team found so far.
 */
export const WORK_BUDGET = 200_000;

export function solveHeuristic(p: TeamProblem, budget = WORK_BUDGET): Int32Array {
  const { problem, ids } = shortlist(p, SHORTLIST_PER_CELL);
  const work: Work = { left: budget };
  const a = solveShortlisted(problem, work);
  return a.map((m) => (m === NONE ? NONE : ids[m]!));
}

/**
 * The sub-problem of the candidates that are among the `perCell` strongest of at least one cell
 * (ties by input order), with their original indexes. A partner that is nowhere near the top of
 * any cell would only enter an optimal team to save a member or respect the cap, which the
 * shortlist's many alternatives almost always do as well.
 */
export function shortlist(
  p: TeamProblem,
  perCell: number,
): { problem: TeamProblem; ids: number[] } {
  const n = p.cellCount;
  const keep = new Uint8Array(p.candidateCount);
  const all = Array.from({ length: p.candidateCount }, (_, m) => m);
  for (let c = 0; c < n; c++) {
    const able = all.filter((m) => p.strength[m * n + c]! > 0);
    able.sort((x, y) => p.strength[y * n + c]! - p.strength[x * n + c]! || x - y);
    for (const m of able.slice(0, perCell)) keep[m] = 1;
  }
  const ids = all.filter((m) => keep[m] === 1);
  if (ids.length === p.candidateCount) return { problem: p, ids };
  const strength = new Float64Array(ids.length * n);
  ids.forEach((m, i) => strength.set(p.strength.subarray(m * n, (m + 1) * n), i * n));
  return { problem: { ...p, candidateCount: ids.length, strength }, ids };
}

function solveShortlisted(p: TeamProblem, work: Work): Int32Array {
  const ev = new TeamEvaluator(p);
  let best = improve(p, strongestPerCell(p), work);
  const greedy = improve(p, greedyMembers(p), work);
  if (compareValues(ev.value(greedy), ev.value(best)) > IMPROVEMENT) best = greedy;
  for (let round = 0; round < MAX_KICK_ROUNDS; round++) {
    const kicked = kick(p, ev, best, work);
    if (kicked === null) break;
    best = kicked;
  }
  return improve(p, best, work, true);
}

function kick(p: TeamProblem, ev: TeamEvaluator, a: Int32Array, work: Work): Int32Array | null {
  const value = ev.value(a);
  const members = [...new Set(a)].filter((m) => m !== NONE).sort((x, y) => x - y);
  const kicks = members.map((y) => [y]);
  for (const banned of kicks) {
    const q = without(p, banned);
    const start = a.map((m) => (banned.includes(m) ? NONE : m));
    const b = improve(p, improve(q, start, work), work);
    if (compareValues(ev.value(b), value) > IMPROVEMENT) return b;
  }
  return null;
}

/** The same problem with the banned candidates unable to serve anything. */
function without(p: TeamProblem, banned: readonly number[]): TeamProblem {
  const strength = p.strength.slice();
  for (const y of banned) strength.fill(0, y * p.cellCount, (y + 1) * p.cellCount);
  const coverable = new Uint8Array(p.cellCount);
  for (let m = 0; m < p.candidateCount; m++) {
    for (let c = 0; c < p.cellCount; c++) if (strength[m * p.cellCount + c]! > 0) coverable[c] = 1;
  }
  return { ...p, strength, coverable };
}

function strongestPerCell(p: TeamProblem): Int32Array {
  const a = new Int32Array(p.cellCount).fill(NONE);
  for (let c = 0; c < p.cellCount; c++) {
    let best = 0;
    for (let m = 0; m < p.candidateCount; m++) {
      const s = p.strength[m * p.cellCount + c]!;
      if (s > best) {
        best = s;
        a[c] = m;
      }
    }
  }
  return a;
}

/**
 * Adds, one at a time, the candidate whose arrival helps most, taking every cell it serves
 * better than the current holder (or that nobody holds); stops when no arrival helps.
 */
function greedyMembers(p: TeamProblem): Int32Array {
  const s = new TeamState(p, new Int32Array(p.cellCount).fill(NONE));
  const holders = new Int32Array(p.cellCount);
  for (let size = 0; size < Math.min(p.maxMembers, p.candidateCount); size++) {
    let pick = NONE;
    let best: TeamValue = s.value();
    for (let x = 0; x < p.candidateCount; x++) {
      if (s.count[x]! > 0) continue;
      holders.set(s.assign);
      takeOver(p, s, x);
      if (compareValues(s, best) > IMPROVEMENT) {
        pick = x;
        best = s.value();
      }
      for (let c = 0; c < p.cellCount; c++) s.move(c, holders[c]!);
    }
    if (pick === NONE) break;
    takeOver(p, s, pick);
    s.refresh();
  }
  return s.assign.slice();
}

function takeOver(p: TeamProblem, s: TeamState, x: number): void {
  const n = p.cellCount;
  for (let c = 0; c < n; c++) {
    const holder = s.assign[c]!;
    const sx = p.strength[x * n + c]!;
    if (sx > 0 && (holder === NONE || sx > p.strength[holder * n + c]!)) s.move(c, x);
  }
}
