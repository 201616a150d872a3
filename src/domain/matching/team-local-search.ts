// Local search over assignments: apply the first improving move, cheapest kinds first, until no
// move improves (or a round limit, which only float noise could reach). The thorough search also
// exchanges two members at once (or one for two), which costs O(members² · candidates²) bounds.
// Every evaluation spends from a shared budget, so big instances end early, deterministically.
import { moveAndEject, moveCell, swapCells } from './team-cell-moves.ts';
import { closeMember, exchangeMembers, handOver } from './team-member-moves.ts';
import type { TeamProblem } from './team-problem.ts';
import { startSearch, type Search, type Work } from './team-search.ts';

const MAX_ROUNDS = 1000;
type Move = (x: Search) => boolean;

const QUICK: readonly Move[] = [
  (x) => moveCell(x, null),
  swapCells,
  handOver,
  closeMember,
  (x) => exchangeMembers(x, 0, 1),
  (x) => exchangeMembers(x, 1, 1),
  (x) => moveAndEject(x, null),
  (x) => exchangeMembers(x, 2, 1),
];
const THOROUGH: readonly Move[] = [
  ...QUICK,
  (x) => moveAndEject(x, null, 3),
  (x) => exchangeMembers(x, 1, 2),
  (x) => exchangeMembers(x, 2, 2),
];

export function improve(
  p: TeamProblem,
  start: Int32Array,
  work: Work,
  thorough = false,
): Int32Array {
  const x = startSearch(p, start, work);
  const moves = thorough ? THOROUGH : QUICK;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (x.work.left <= 0 || !moves.some((move) => move(x))) break;
  }
  return x.s.assign.slice();
}
