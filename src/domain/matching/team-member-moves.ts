// Member-level moves of the team local search: hand a member's cells to another candidate, close
// a member, add one, replace one. A new member set is assigned greedily and polished before it is
// judged; most proposals are dropped first by an optimistic bound.
import { assignWithin } from './team-assign.ts';
import { polish } from './team-cell-moves.ts';
import { compareValues, type TeamValue } from './team-problem.ts';
import { IMPROVEMENT, improved, type Search } from './team-search.ts';

function teamMask(x: Search): Uint8Array {
  const mask = new Uint8Array(x.p.candidateCount);
  for (let m = 0; m < mask.length; m++) mask[m] = x.s.count[m]! > 0 ? 1 : 0;
  return mask;
}

/** What any assignment within `team` could at best reach (uncovered and strength), no excess. */
function teamBound(x: Search, team: Uint8Array): TeamValue {
  const { p, able } = x;
  let uncovered = 0;
  let strength = 0;
  let members = 0;
  for (let m = 0; m < team.length; m++) members += team[m]!;
  for (let c = 0; c < p.cellCount; c++) {
    const best = able[c]!.find((m) => team[m] === 1);
    if (best !== undefined) strength += p.share[c]! * p.strength[best * p.cellCount + c]!;
    else if (p.coverable[c] === 1) uncovered += p.share[c]!;
  }
  const overMembers = Math.max(0, members - p.maxMembers);
  const objective = strength - p.memberCost * members;
  return { overMembers, uncovered, excess: 0, objective, members, maxShareUsed: 0 };
}

/** Tries `team` from `start` (default: a fresh greedy assignment); keeps it when it is better. */
function tryTeam(x: Search, team: Uint8Array, start?: Int32Array): boolean {
  const global = x.best;
  if (compareValues(teamBound(x, team), global) <= IMPROVEMENT) return false;
  const previous = x.s.assign.slice();
  x.s.reset(start ?? assignWithin(x.p, team));
  x.best = x.s.value();
  polish(x, team);
  if (compareValues(x.s, global) > IMPROVEMENT) return true;
  x.best = global;
  x.s.reset(previous);
  return false;
}

/** Candidate m takes over every cell of member y that it can serve. */
export function handOver(x: Search): boolean {
  const { s, p } = x;
  const n = p.cellCount;
  const moved: number[] = [];
  for (let y = 0; y < p.candidateCount; y++) {
    if (s.count[y] === 0) continue;
    for (let m = 0; m < p.candidateCount; m++) {
      if (m === y) continue;
      moved.length = 0;
      for (let c = 0; c < n; c++) {
        if (s.assign[c] === y && p.strength[m * n + c]! > 0) moved.push(c);
      }
      if (moved.length === 0) continue;
      for (const c of moved) s.move(c, m);
      if (improved(x)) return true;
      for (const c of moved) s.move(c, y);
    }
  }
  return false;
}

/** Member y leaves; its cells go to the rest of the team. */
export function closeMember(x: Search): boolean {
  const team = teamMask(x);
  if (x.s.members < 2) return false;
  for (let y = 0; y < team.length; y++) {
    if (team[y] === 0) continue;
    team[y] = 0;
    if (tryTeam(x, team, assignWithin(x.p, team, x.s.assign))) return true;
    team[y] = 1;
  }
  return false;
}

/**
 * Exchanges `out` members (0-2) for `into` candidates from outside the team (0-2); all cells are
 * reassigned. (0, 1) adds a member, (1, 1) replaces one, (2, 1) merges two into one, and so on.
 */
export function exchangeMembers(x: Search, out: 0 | 1 | 2, into: 0 | 1 | 2): boolean {
  const team = teamMask(x);
  const members = [...team.keys()].filter((m) => team[m] === 1);
  const outsiders = [...team.keys()].filter((m) => team[m] === 0);
  for (const leaving of subsets(members, out)) {
    for (const m of leaving) team[m] = 0;
    for (const joining of subsets(outsiders, into)) {
      for (const m of joining) team[m] = 1;
      if (members.length - out + into > 0 && tryTeam(x, team)) return true;
      for (const m of joining) team[m] = 0;
    }
    for (const m of leaving) team[m] = 1;
  }
  return false;
}

/** All k-element subsets (k <= 2) of xs, in lexicographic order. */
function subsets(xs: readonly number[], k: 0 | 1 | 2): number[][] {
  if (k === 0) return [[]];
  if (k === 1) return xs.map((a) => [a]);
  return xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b]));
}
