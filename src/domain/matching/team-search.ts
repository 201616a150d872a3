// The state one local search works on: the problem, the current assignment with its terms, each
// cell's able candidates (strongest first) and the value to beat.
import { TeamState } from './team-state.ts';
import { compareValues, type TeamProblem, type TeamValue } from './team-problem.ts';

/** Strictly better by more than float noise, so every search ends. */
export const IMPROVEMENT = 1e-12;

/** Evaluations a solve may still spend: a deterministic budget, unlike a clock. */
export interface Work {
  left: number;
}

export interface Search {
  readonly p: TeamProblem;
  readonly work: Work;
  readonly s: TeamState;
  /** Per cell, the candidates that can serve it, strongest first (input order among equals). */
  readonly able: readonly Int32Array[];
  best: TeamValue;
}

export function ableLists(p: TeamProblem): Int32Array[] {
  const n = p.cellCount;
  return Array.from({ length: n }, (_, c) => {
    const able: number[] = [];
    for (let m = 0; m < p.candidateCount; m++) if (p.strength[m * n + c]! > 0) able.push(m);
    able.sort((x, y) => p.strength[y * n + c]! - p.strength[x * n + c]! || x - y);
    return Int32Array.from(able);
  });
}

export function startSearch(p: TeamProblem, start: Int32Array, work: Work): Search {
  const s = new TeamState(p, start);
  return { p, work, s, able: ableLists(p), best: s.value() };
}

export const exhausted = (x: Search): boolean => x.work.left <= 0;

/** Keeps the current state (returns true) when it beats `best`; each call spends one unit. */
export function improved(x: Search): boolean {
  if (--x.work.left < 0 || compareValues(x.s, x.best) <= IMPROVEMENT) return false;
  x.s.refresh();
  x.best = x.s.value();
  return true;
}
