import { describe, expect, it } from 'vitest';
import { Rng } from '../demo/prng.ts';
import { solveExact } from './exact-team-solver.ts';
import type { CellWeight, NeedCell } from './need.ts';
import { formTeam, type TeamCandidate } from './team-formation.ts';
import { solveHeuristic } from './team-heuristic.ts';
import { teamOptions, validateTeamOptions, type TeamOptionsInput } from './team-options.ts';
import { TeamEvaluator, makeProblem, type TeamValue } from './team-problem.ts';

const cell = (weight = 1): NeedCell => ({
  kind: 'service',
  code: 'ManagedServices',
  country: 'SE',
  weight: weight as CellWeight,
});
const need = (...weights: number[]) => ({ cells: weights.map(cell) });
const org = (orgId: string, ...cellScores: number[]): TeamCandidate => ({ orgId, cellScores });

interface Instance {
  weights: number[];
  candidates: TeamCandidate[];
  opts: TeamOptionsInput;
}

/** Up to 12 candidates, 1-7 cells, sparse strengths, weights and caps that make the cap bite. */
function randomInstance(seed: number): Instance {
  const rng = new Rng(seed, 77);
  const n = rng.int(1, 7);
  const density = 0.15 + rng.float() * 0.5;
  const weights = Array.from({ length: n }, () =>
    rng.pick([1, 1, 1, 2, 3, 0.5, 1 + rng.float() * 4]),
  );
  const candidates = Array.from({ length: rng.int(1, 12) }, (_, i) =>
    org(
      `org-${i}`,
      ...weights.map(() =>
        rng.chance(density) ? rng.pick([0.5, 0.8, 1]) * (0.6 + 0.4 * rng.float()) : 0,
      ),
    ),
  );
  const opts: TeamOptionsInput = { maxShare: rng.pick([0.6, 0.6, 0.6, 0.5, 0.4, 0.34, 1]) };
  if (rng.chance(0.25)) opts.maxMembers = rng.int(1, 4);
  if (rng.chance(0.25)) opts.memberCost = rng.pick([0, 0.01, 0.05, 0.1]);
  return { weights, candidates, opts };
}

function solveBoth({ weights, candidates, opts }: Instance): {
  heuristic: TeamValue;
  exact: TeamValue;
} {
  const p = makeProblem(
    weights,
    candidates.map((c) => c.cellScores),
    teamOptions(opts),
  );
  const ev = new TeamEvaluator(p);
  return { heuristic: ev.value(solveHeuristic(p)), exact: ev.value(solveExact(p)) };
}

describe('team formation: the heuristic against the exact solver', () => {
  it('on 1,000 random instances matches the optimal coverage and cap excess, and reaches >= 98 % of the optimal objective', () => {
    let worst = { ratio: 1, seed: -1 };
    for (let seed = 0; seed < 1000; seed++) {
      const inst = randomInstance(seed);
      const { heuristic, exact } = solveBoth(inst);
      const at = `seed ${seed}`;
      expect(heuristic.overMembers, at).toBe(0);
      expect(heuristic.uncovered, at).toBeCloseTo(exact.uncovered, 9);
      expect(heuristic.excess, at).toBeCloseTo(exact.excess, 9);
      if (exact.excess === 0)
        expect(heuristic.maxShareUsed, at).toBeLessThanOrEqual(teamOptions(inst.opts).maxShare);
      expect(heuristic.objective, at).toBeLessThanOrEqual(exact.objective + 1e-9);
      const ratio = exact.objective > 0 ? heuristic.objective / exact.objective : 1;
      if (ratio < worst.ratio) worst = { ratio, seed };
    }
    console.info(
      `team formation: worst heuristic/optimal objective ${worst.ratio.toFixed(4)} (seed ${worst.seed})`,
    );
    expect(worst.ratio).toBeGreaterThanOrEqual(0.98);
  });

  it('is deterministic', () => {
    const inst = randomInstance(4242);
    expect(formTeam(need(...inst.weights), inst.candidates, inst.opts)).toEqual(
      formTeam(need(...inst.weights), inst.candidates, inst.opts),
    );
  });
});

describe('formTeam', () => {
  it('covers every cell, keeps shares under the cap and names backups', () => {
    const team = formTeam(need(1, 1, 1), [
      org('a', 1, 1, 1),
      org('b', 0.9, 0, 0.8),
      org('c', 0, 0.7, 0.7),
    ]);
    expect(team.uncovered).toEqual([]);
    expect(team.shareCapRelaxed).toBe(false);
    expect(team.maxShareUsed).toBeLessThanOrEqual(0.6);
    expect(team.members.flatMap((m) => m.cells).sort()).toEqual([0, 1, 2]);
    expect(team.members.map((m) => m.orgId)).toContain('a');
    for (const c of [0, 1, 2]) expect(team.backups[c]?.length).toBeGreaterThan(0);
    const holder = (c: number) => team.members.find((m) => m.cells.includes(c))?.orgId;
    for (const c of [0, 1, 2]) expect(team.backups[c]).not.toContain(holder(c));
  });

  it('lets one partner take everything only when no one else can, and says so', () => {
    const alone = formTeam(need(1, 1), [org('a', 1, 1), org('b', 0, 0)]);
    expect(alone.members).toEqual([{ orgId: 'a', cells: [0, 1], share: 1 }]);
    expect(alone.shareCapRelaxed).toBe(true);
    expect(alone.maxShareUsed).toBe(1);
    expect(alone.backups).toEqual({});
  });

  it('prefers one strong partner per cell when the cap forbids holding both', () => {
    const team = formTeam(need(1, 1), [org('a', 1, 1), org('b', 0.5, 0.5)]);
    expect(team.members.map((m) => m.orgId).sort()).toEqual(['a', 'b']);
    expect(team.shareCapRelaxed).toBe(false);
  });

  it('reports cells nobody can serve as uncovered, not as an error', () => {
    const team = formTeam(need(1, 2, 1), [org('a', 1, 0, 0), org('b', 0, 0, 1)]);
    expect(team.uncovered).toEqual([1]);
    expect(team.members.map((m) => m.cells)).toEqual([[0], [2]]);
    expect(formTeam(need(1), []).uncovered).toEqual([0]);
  });

  it('respects maxMembers, leaving the lightest cell uncovered', () => {
    const team = formTeam(need(3, 1), [org('a', 1, 0), org('b', 0, 1)], { maxMembers: 1 });
    expect(team.members).toHaveLength(1);
    expect(team.members[0]?.cells).toEqual([0]);
    expect(team.uncovered).toEqual([1]);
  });

  it('omits backups when asked', () => {
    expect(
      formTeam(need(1, 1), [org('a', 1, 0), org('b', 0.5, 1), org('c', 1, 1)], { backups: false })
        .backups,
    ).toEqual({});
  });
});

describe('validateTeamOptions', () => {
  it('accepts the defaults and rejects out-of-range values with field paths', () => {
    expect(validateTeamOptions({})).toEqual([]);
    expect(validateTeamOptions({ maxShare: 1, maxMembers: 3, backups: false })).toEqual([]);
    const paths = (input: TeamOptionsInput) => validateTeamOptions(input).map((i) => i.path);
    expect(paths({ maxShare: 0 })).toEqual(['maxShare']);
    expect(paths({ maxShare: 1.5 })).toEqual(['maxShare']);
    expect(paths({ maxShare: Number.NaN })).toEqual(['maxShare']);
    expect(paths({ maxMembers: 0 })).toEqual(['maxMembers']);
    expect(paths({ maxMembers: 2.5 })).toEqual(['maxMembers']);
    expect(paths({ backupsPerCell: -1, memberCost: 2 })).toEqual(['backupsPerCell', 'memberCost']);
  });
});
