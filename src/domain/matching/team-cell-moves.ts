// Cell-level moves of the team local search, each tried in O(1) on the incremental state. With a
// `team` mask, cells only move between the masked candidates (polishing one member set); without
// one, to any able candidate or to nobody.
import { NONE } from './team-problem.ts';
import { exhausted, improved, type Search } from './team-search.ts';

export type Mask = Uint8Array | null;

const MAX_POLISH_ROUNDS = 500;
/** Besides team members, an ejected cell may go to one of its strongest few candidates. */
const EJECT_TO_BEST = 3;

const inMask = (mask: Mask, m: number) => mask === null || mask[m] === 1;

export function moveCell(x: Search, mask: Mask): boolean {
  const { s, able } = x;
  for (let c = 0; c < s.assign.length; c++) {
    const was = s.assign[c]!;
    if (mask === null && was !== NONE) {
      s.move(c, NONE);
      if (improved(x)) return true;
      s.move(c, was);
    }
    for (const m of able[c]!) {
      if (m === was || !inMask(mask, m)) continue;
      s.move(c, m);
      if (improved(x)) return true;
      s.move(c, was);
    }
  }
  return false;
}

export function swapCells(x: Search): boolean {
  const { s, p } = x;
  const n = p.cellCount;
  for (let c1 = 0; c1 < n; c1++) {
    for (let c2 = c1 + 1; c2 < n; c2++) {
      const m1 = s.assign[c1]!;
      const m2 = s.assign[c2]!;
      if (m1 === m2 || m1 === NONE || m2 === NONE) continue;
      if (p.strength[m2 * n + c1] === 0 || p.strength[m1 * n + c2] === 0) continue;
      s.move(c1, m2);
      s.move(c2, m1);
      if (improved(x)) return true;
      s.move(c2, m2);
      s.move(c1, m1);
    }
  }
  return false;
}

/**
 * An ejection chain: cell c moves to m, then one of m's other cells moves on, and (for depth 3)
 * so on while the member that received the last cell is over the share cap. Makes room under the
 * cap where single moves and swaps cannot.
 */
export function moveAndEject(x: Search, mask: Mask, depth = 2): boolean {
  const { s, able } = x;
  for (let c = 0; c < s.assign.length && !exhausted(x); c++) {
    const was = s.assign[c]!;
    for (const m of able[c]!) {
      if (m === was || !inMask(mask, m)) continue;
      s.move(c, m);
      if (eject(x, mask, c, m, depth - 1, false)) return true;
      s.move(c, was);
    }
  }
  return false;
}

/** Moves one cell of m (not `moved`) elsewhere; recurses while someone is over the cap. */
function eject(
  x: Search,
  mask: Mask,
  moved: number,
  m: number,
  depth: number,
  onlyOverCap: boolean,
): boolean {
  const { s, able, p } = x;
  if (depth === 0 || exhausted(x) || (onlyOverCap && s.load[m]! <= p.maxShare)) return false;
  for (let d = 0; d < s.assign.length; d++) {
    if (d === moved || s.assign[d] !== m) continue;
    const targets = able[d]!;
    for (let i = 0; i < targets.length; i++) {
      const k = targets[i]!;
      const eligible = mask === null ? s.count[k]! > 0 || i < EJECT_TO_BEST : mask[k] === 1;
      if (k === m || !eligible) continue;
      s.move(d, k);
      if (improved(x)) return true;
      if (
        depth > 1 &&
        (eject(x, mask, d, m, depth - 1, true) || eject(x, mask, d, k, depth - 1, true))
      )
        return true;
      s.move(d, m);
    }
  }
  return false;
}

/** Improves how cells are spread over the members of `team`, until no cell move helps. */
export function polish(x: Search, team: Uint8Array): void {
  for (let round = 0; round < MAX_POLISH_ROUNDS && !exhausted(x); round++) {
    if (!(moveCell(x, team) || swapCells(x) || moveAndEject(x, team))) return;
  }
}
