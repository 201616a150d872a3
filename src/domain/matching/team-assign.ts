// Greedy assignment of cells to a chosen set of members, used to build and repair teams.
import { NONE, type TeamProblem } from './team-problem.ts';

const TIE = 1e-12;

/**
 * Gives each cell to a member (inTeam[m] = 1): cells whose member in `base` is still in the team
 * keep it; the others, heaviest first, go to the member that adds the least excess over the share
 * cap, the strongest among equals; a cell no member can serve stays uncovered.
 */
export function assignWithin(p: TeamProblem, inTeam: Uint8Array, base?: Int32Array): Int32Array {
  const n = p.cellCount;
  const a = new Int32Array(n).fill(NONE);
  const load = new Float64Array(p.candidateCount);
  if (base !== undefined) {
    for (let c = 0; c < n; c++) {
      const m = base[c]!;
      if (m !== NONE && inTeam[m] === 1) {
        a[c] = m;
        load[m] = load[m]! + p.share[c]!;
      }
    }
  }
  for (const c of p.byWeight) {
    if (a[c] !== NONE) continue;
    const m = bestMember(p, inTeam, load, c);
    if (m !== NONE) {
      a[c] = m;
      load[m] = load[m]! + p.share[c]!;
    }
  }
  return a;
}

function bestMember(p: TeamProblem, inTeam: Uint8Array, load: Float64Array, c: number): number {
  let best = NONE;
  let bestOver = Infinity;
  let bestS = 0;
  for (let m = 0; m < p.candidateCount; m++) {
    const s = p.strength[m * p.cellCount + c]!;
    if (inTeam[m] === 0 || s === 0) continue;
    const over = Math.max(0, load[m]! + p.share[c]! - p.maxShare);
    if (over < bestOver - TIE || (Math.abs(over - bestOver) <= TIE && s > bestS)) {
      best = m;
      bestOver = over;
      bestS = s;
    }
  }
  return best;
}
