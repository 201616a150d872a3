// The matching quality harness: generated ecosystems with planted partners that truly fit a need
// (recall@5, reasons that add up), and the index against brute force (every org scored by the
// domain functions): same top-k, same scores, same team, also after updates and removals.
import { describe, expect, it } from 'vitest';
import { toIndexedOrg } from '../src/domain/directory/to-indexed-org.ts';
import { Rng } from '../src/domain/demo/prng.ts';
import { compileMatch, type MatchOptions } from '../src/domain/matching/match-context.ts';
import { signalsOf, type SignalMaps } from '../src/domain/matching/match-searcher.ts';
import { cellStrengths, isEligible, scoreInto } from '../src/domain/matching/match-score.ts';
import { toNeed, type Need } from '../src/domain/matching/need.ts';
import {
  compareText,
  matchResult,
  rankCandidates,
} from '../src/domain/matching/rank-candidates.ts';
import { formTeam, type TeamCandidate } from '../src/domain/matching/team-formation.ts';
import type { Org } from '../src/domain/profile/profile.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { demoOrgs, plantedNeed, randomNeed } from './support/match-fixtures.ts';

const NOISE_ORGS = 3000;

function indexOf(orgs: readonly Org[]) {
  const index = createDirectoryIndex(64);
  for (const org of orgs) index.upsert(toIndexedOrg(org));
  return index;
}

function sumOfPoints(reasons: readonly { points: number }[]): number {
  return reasons.reduce((s, r) => s + r.points, 0);
}

describe('match quality: planted partners in a generated ecosystem', () => {
  it('finds the partner that truly fits in the top 5 for at least 95 % of needs, never below a near miss, and every result’s reasons add up to its score', () => {
    const rng = new Rng(2026, 4);
    const noise = demoOrgs(NOISE_ORGS, 7);
    const planted = Array.from({ length: 150 }, (_, i) => plantedNeed(rng, String(i)));
    const all = [...noise, ...planted.flatMap((p) => [p.truth, ...p.decoys])];
    const byId = new Map(all.map((o) => [o.id, o]));
    const index = indexOf(all);

    let found = 0;
    let aboveDecoys = 0;
    const problems: string[] = [];
    for (const [i, p] of planted.entries()) {
      const requester = rng.chance(0.7) ? rng.pick(noise) : null;
      const need = toNeed(p.need);
      const ctx = compileMatch(need, requester);
      const signals: SignalMaps = {
        partners: new Set(),
        trust: new Map(),
        responsiveness: new Map(),
      };
      const page = index.match({ ctx, signals, limit: 5 });
      const ids = page.hits.map((h) => h.id);
      if (ids.includes(p.truth.id)) found++;
      // A near miss may tie (a service without badges: "declared" is all anyone can show).
      const full = new Map(
        index.match({ ctx, signals, limit: 100 }).hits.map((h) => [h.id, h.score]),
      );
      const scoreOf = (id: string) => full.get(id) ?? -Infinity;
      if (p.decoys.every((d) => scoreOf(d.id) <= scoreOf(p.truth.id))) aboveDecoys++;
      for (const hit of page.hits) {
        const r = matchResult(ctx, byId.get(hit.id)!, signalsOf(signals, hit.id));
        if (r.score !== hit.score)
          problems.push(`need ${i}: ${hit.id} index ${hit.score} domain ${r.score}`);
        if (sumOfPoints(r.reasons) !== r.score) problems.push(`need ${i}: ${hit.id} reasons`);
      }
    }
    const recall = found / planted.length;
    console.info(
      `match quality: recall@5 ${recall.toFixed(3)}, truth at or above all near misses ${(aboveDecoys / planted.length).toFixed(3)} (${planted.length} needs, ${all.length} orgs)`,
    );
    expect(problems).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(aboveDecoys).toBe(planted.length);
  });
});

/** Brute force: every live org scored with the domain functions. */
function teamByBruteForce(
  need: Need,
  orgs: readonly Org[],
  requester: Org | null,
  signals: SignalMaps,
  options: MatchOptions,
) {
  const ctx = compileMatch(need, requester, options);
  const candidates: TeamCandidate[] = [];
  for (const org of [...orgs].sort((a, b) => compareText(a.id, b.id))) {
    scoreInto(ctx, org, signalsOf(signals, org.id));
    if (!isEligible(ctx, org)) continue;
    const row = cellStrengths(ctx, new Float64Array(need.cells.length));
    if (row.some((s) => s > 0)) candidates.push({ orgId: org.id, cellScores: Array.from(row) });
  }
  return formTeam(need, candidates, { maxShare: 0.6, backupsPerCell: 2 });
}

describe('the match index agrees with brute force', () => {
  const rng = new Rng(99, 3);
  let orgs = demoOrgs(2500, 21);
  const index = indexOf(orgs);

  function randomSignals(): SignalMaps {
    const pick = (n: number) => Array.from({ length: n }, () => rng.pick(orgs).id);
    return {
      partners: new Set(pick(rng.int(0, 30))),
      trust: new Map(pick(rng.int(0, 30)).map((id) => [id, rng.float()])),
      responsiveness: new Map(pick(rng.int(0, 30)).map((id) => [id, rng.float()])),
    };
  }

  function compareOn(rounds: number): string[] {
    const problems: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const need = toNeed(randomNeed(rng));
      const requester = rng.chance(0.8) ? rng.pick(orgs) : null;
      const signals = randomSignals();
      const options: MatchOptions = { excludeCompetitors: rng.chance(0.3) };
      const limit = rng.pick([1, 5, 20, 100]);
      const expected = rankCandidates(need, requester, orgs, (id) => signalsOf(signals, id), {
        ...options,
        limit: 100_000,
      });
      const ctx = compileMatch(need, requester, options);
      const page = index.match({ ctx, signals, limit });
      const want = expected.slice(0, limit).map((r) => `${r.org.id}:${r.score}`);
      const got = page.hits.map((h) => `${h.id}:${h.score}`);
      if (want.join() !== got.join()) problems.push(`round ${i}: top-${limit} differs`);
      // total and uncovered count partners before the competitor filter.
      const everyone = options.excludeCompetitors
        ? rankCandidates(need, requester, orgs, (id) => signalsOf(signals, id), { limit: 100_000 })
        : expected;
      if (page.total !== everyone.length)
        problems.push(`round ${i}: total ${page.total} vs ${everyone.length}`);
      const covered = new Set(everyone.flatMap((r) => r.covers));
      const uncovered = need.cells.map((_, c) => c).filter((c) => !covered.has(c));
      if (page.uncovered.join() !== uncovered.join()) problems.push(`round ${i}: uncovered`);
      if (i % 4 === 0) {
        const pool = index.teamPool({ ctx, signals, limit: 0, perCell: 6 + 2 });
        const fromIndex = formTeam(need, pool, { maxShare: 0.6, backupsPerCell: 2 });
        const brute = teamByBruteForce(need, orgs, requester, signals, options);
        if (JSON.stringify(fromIndex) !== JSON.stringify(brute)) problems.push(`round ${i}: team`);
      }
    }
    return problems;
  }

  it('on 120 random needs: same top-k (ids and scores), totals, uncovered cells and teams', () => {
    expect(compareOn(120)).toEqual([]);
  });

  it('after updates, removals and compaction', () => {
    const changed = orgs.slice(0, 1500).map((o, i) => {
      const other = orgs[(i * 7 + 3) % orgs.length]!;
      return {
        ...o,
        version: o.version + 1,
        countries: other.countries,
        services: other.services,
        designations: i % 3 === 0 ? [] : o.designations,
        capacity: { ...o.capacity, availableConsultants: i % 17 },
      };
    });
    for (const o of changed) index.upsert(toIndexedOrg(o));
    const removed = new Set(orgs.slice(1500, 1900).map((o) => o.id));
    for (const id of removed) index.remove(id);
    orgs = [...changed, ...orgs.slice(1500).filter((o) => !removed.has(o.id))];
    expect(index.size).toBe(orgs.length);
    expect(compareOn(60)).toEqual([]);
  });
});
