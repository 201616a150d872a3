// Local search over assignments: apply the first improving move, cheapest kinds first, until no
// move improves (or a round limit, which only float noise could reach).
import { moveAndEject, moveCell, swapCells } from './team-cell-moves.ts';
import { closeMember, exchangeMembers, handOver } from './team-member-moves.ts';
import type { TeamProblem } from './team-problem.ts';
import { startSearch, type Search } from './team-search.ts';

const MAX_ROUNDS = 1000;
const MOVES: readonly ((x: Search) => boolean)[] = [
  (x) => moveCell(x, null),
  swapCells,
  handOver,
  closeMember,
  (x) => exchangeMembers(x, 0, 1),
  (x) => exchangeMembers(x, 1, 1),
  (x) => moveAndEject(x, null),
  (x) => exchangeMembers(x, 2, 1),
  (x) => exchangeMembers(x, 1, 2),
  (x) => exchangeMembers(x, 2, 2),
];

export function improve(p: TeamProblem, start: Int32Array): Int32Array {
  const x = startSearch(p, start);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!MOVES.some((move) => move(x))) break;
  }
  return x.s.assign.slice();
}
