// The production solver for team-problem.ts: two deterministic starts (each cell to its strongest
// candidate; members added greedily), each improved by local search until no move helps; then
// "kicks" to escape local optima: forbid one member of the best team, re-optimise without it,
// allow it again and re-optimise; keep the result when it is better, until no kick helps.
import { assignWithin } from './team-assign.ts';
import { improve } from './team-local-search.ts';
import {
  NONE,
  TeamEvaluator,
  compareValues,
  type TeamProblem,
  type TeamValue,
} from './team-problem.ts';

const IMPROVEMENT = 1e-12;
const MAX_KICK_ROUNDS = Number(process.env.KICKS ?? 20);

/** Candidates considered per cell: the strongest few (see shortlist). */
export const SHORTLIST_PER_CELL = Number(process.env.SL ?? 6);

export function solveHeuristic(p: TeamProblem): Int32Array {
  const { problem, ids } = shortlist(p, SHORTLIST_PER_CELL);
  return solveShortlisted(problem).map((m) => (m === NONE ? NONE : ids[m]!));
}

/**
 * The sub-problem of the candidates that are among the `perCell` strongest of at least one cell
 * (ties by input order), with their original indexes. A partner that is nowhere near the top of
 * any cell would only enter an optimal team to save a member or respect the cap, which the
 * shortlist's many alternatives almost always do as well.
 */
export function shortlist(p: TeamProblem, perCell: number): { problem: TeamProblem; ids: number[] } {
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

function solveShortlisted(p: TeamProblem): Int32Array {
  const ev = new TeamEvaluator(p);
  let best = improve(p, strongestPerCell(p));
  const greedy = improve(p, greedyMembers(p, ev));
  if (compareValues(ev.value(greedy), ev.value(best)) > IMPROVEMENT) best = greedy;
  for (let round = 0; round < MAX_KICK_ROUNDS; round++) {
    const kicked = kick(p, ev, best);
    if (kicked === null) break;
    best = kicked;
  }
  return best;
}

function kick(p: TeamProblem, ev: TeamEvaluator, a: Int32Array): Int32Array | null {
  const value = ev.value(a);
  const members = [...new Set(a)].filter((m) => m !== NONE).sort((x, y) => x - y);
  const kicks = members.map((y) => [y]);
  for (const banned of kicks) {
    const q = without(p, banned);
    const start = a.map((m) => (banned.includes(m) ? NONE : m));
    const b = improve(p, improve(q, start));
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

/** Adds, one at a time, the candidate whose arrival improves the team most; stops when none does. */
function greedyMembers(p: TeamProblem, ev: TeamEvaluator): Int32Array {
  const inTeam = new Uint8Array(p.candidateCount);
  let current: Int32Array = new Int32Array(p.cellCount).fill(NONE);
  let currentValue: TeamValue = ev.value(current);
  for (let size = 0; size < Math.min(p.maxMembers, p.candidateCount); size++) {
    let pick = NONE;
    for (let x = 0; x < p.candidateCount; x++) {
      if (inTeam[x] === 1) continue;
      inTeam[x] = 1;
      const a = assignWithin(p, inTeam);
      inTeam[x] = 0;
      const v = ev.value(a);
      if (compareValues(v, currentValue) > IMPROVEMENT) {
        pick = x;
        current = a;
        currentValue = v;
      }
    }
    if (pick === NONE) break;
    inTeam[pick] = 1;
  }
  return current;
}
