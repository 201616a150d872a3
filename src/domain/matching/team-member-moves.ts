// Member-level moves of the team local search: hand a member's cells to another candidate, close
// a member, or exchange up to two members for up to two outsiders. A proposed member set is first
// judged by an optimistic bound in O(cells); only promising ones are assigned greedily and
// polished.
import { assignWithin } from './team-assign.ts';
import { polish } from './team-cell-moves.ts';
import { compareValues, type Comparable } from './team-problem.ts';
import { IMPROVEMENT, exhausted, improved, type Search } from './team-search.ts';

function teamMask(x: Search): Uint8Array {
  const mask = new Uint8Array(x.p.candidateCount);
  for (let m = 0; m < mask.length; m++) mask[m] = x.s.count[m]! > 0 ? 1 : 0;
  return mask;
}

/** Per cell, the strongest strength among the candidates in `team` (0 if none). */
function bestInTeam(
  x: Search,
  team: Uint8Array,
  members: readonly number[],
  out: Float64Array,
): void {
  const { p } = x;
  for (let c = 0; c < p.cellCount; c++) {
    let best = 0;
    for (const m of members) {
      const s = p.strength[m * p.cellCount + c]!;
      if (team[m] === 1 && s > best) best = s;
    }
    out[c] = best;
  }
}

/**
 * The best any assignment to `size` members could reach, given each cell's best strength `base`,
 * raised by candidate j (when >= 0) and by `extra` (when given): every servable cell at its best;
 * excess at least what oversized cells force and what `size` members cannot hold under the cap.
 */
function bound(
  x: Search,
  base: Float64Array,
  size: number,
  j: number,
  extra: Float64Array | null,
): Comparable {
  const { p } = x;
  const n = p.cellCount;
  let uncovered = 0;
  let strength = 0;
  let covered = 0;
  let oversize = 0;
  for (let c = 0; c < n; c++) {
    const w = p.share[c]!;
    let s = base[c]!;
    if (j >= 0 && p.strength[j * n + c]! > s) s = p.strength[j * n + c]!;
    if (extra !== null && extra[c]! > s) s = extra[c]!;
    if (s > 0) {
      strength += w * s;
      covered += w;
      if (w > p.maxShare) oversize += w - p.maxShare;
    } else if (p.coverable[c] === 1) uncovered += w;
  }
  return {
    overMembers: Math.max(0, size - p.maxMembers),
    uncovered,
    excess: Math.max(oversize, covered - size * p.maxShare),
    objective: strength - p.memberCost * size,
  };
}

// A bound costs O(cells): it spends one unit per 8 cells.
const promising = (x: Search, b: Comparable) =>
  (x.work.left -= Math.ceil(x.p.cellCount / 8)) >= 0 && compareValues(b, x.best) > IMPROVEMENT;

/** Assigns `team` (from `start`, or greedily), polishes it, and keeps it when it is better. */
function tryTeam(x: Search, team: Uint8Array, start?: Int32Array): boolean {
  const global = x.best;
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

/** Member y leaves; its cells go to the rest of the team, the other cells stay. */
export function closeMember(x: Search): boolean {
  if (x.s.members < 2) return false;
  const team = teamMask(x);
  for (let y = 0; y < team.length; y++) {
    if (team[y] === 0) continue;
    team[y] = 0;
    if (tryTeam(x, team, assignWithin(x.p, team, x.s.assign))) return true;
    team[y] = 1;
  }
  return false;
}

/**
 * Exchanges `out` members (0-2) for `into` outsiders (0-2); all cells are reassigned.
 * (0, 1) adds a member, (1, 1) replaces one, (2, 1) merges two into one, and so on.
 */
export function exchangeMembers(x: Search, out: 0 | 1 | 2, into: 0 | 1 | 2): boolean {
  const team = teamMask(x);
  const members = [...team.keys()].filter((m) => team[m] === 1);
  const outsiders = [...team.keys()].filter((m) => team[m] === 0);
  const size = members.length - out + into;
  if (size < 1) return false;
  const base = new Float64Array(x.p.cellCount);
  for (const leaving of pick(members, out)) {
    if (exhausted(x)) return false;
    for (const m of leaving) team[m] = 0;
    bestInTeam(x, team, members, base);
    if (tryJoining(x, team, base, size, outsiders, into)) return true;
    for (const m of leaving) team[m] = 1;
  }
  return false;
}

function tryJoining(
  x: Search,
  team: Uint8Array,
  base: Float64Array,
  size: number,
  outsiders: readonly number[],
  into: 0 | 1 | 2,
): boolean {
  if (into === 0) return promising(x, bound(x, base, size, -1, null)) && tryTeam(x, team);
  const best = into === 2 ? strongestOf(x, outsiders) : null;
  if (best !== null && !promising(x, bound(x, base, size, -1, best))) return false;
  for (let i = 0; i < outsiders.length && !exhausted(x); i++) {
    const j1 = outsiders[i]!;
    // With a second joiner, even the strongest outsider on every cell must make j1 worth it.
    if (!promising(x, bound(x, base, size, j1, best))) continue;
    team[j1] = 1;
    if (into === 1 ? tryTeam(x, team) : tryPartner(x, team, raise(x, base, j1), size, outsiders, i))
      return true;
    team[j1] = 0;
  }
  return false;
}

function tryPartner(
  x: Search,
  team: Uint8Array,
  base: Float64Array,
  size: number,
  outsiders: readonly number[],
  after: number,
): boolean {
  for (let i = after + 1; i < outsiders.length && !exhausted(x); i++) {
    const j2 = outsiders[i]!;
    if (!promising(x, bound(x, base, size, j2, null))) continue;
    team[j2] = 1;
    if (tryTeam(x, team)) return true;
    team[j2] = 0;
  }
  return false;
}

/** Per cell, the strongest of the given candidates. */
function strongestOf(x: Search, candidates: readonly number[]): Float64Array {
  const out = new Float64Array(x.p.cellCount);
  for (const m of candidates) {
    for (let c = 0; c < out.length; c++)
      out[c] = Math.max(out[c]!, x.p.strength[m * out.length + c]!);
  }
  return out;
}

/** `base` raised by candidate j. */
function raise(x: Search, base: Float64Array, j: number): Float64Array {
  const n = x.p.cellCount;
  return base.map((b, c) => Math.max(b, x.p.strength[j * n + c]!));
}

/** All k-element subsets (k <= 2) of xs, in lexicographic order. */
function pick(xs: readonly number[], k: 0 | 1 | 2): number[][] {
  if (k === 0) return [[]];
  if (k === 1) return xs.map((a) => [a]);
  return xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b]));
}
