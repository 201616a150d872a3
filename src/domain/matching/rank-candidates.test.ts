import { describe, expect, it } from 'vitest';
import { generateOrg, generateOrgs } from '../demo/generate-orgs.ts';
import { Rng } from '../demo/prng.ts';
import { emptyProfile, type OrgProfile } from '../profile/profile.ts';
import { formTeam } from './team-formation.ts';
import { toNeed, type NeedInput } from './need.ts';
import { rankCandidates, type SignalsOf } from './rank-candidates.ts';

type Org = OrgProfile & { id: string };
const org = (id: string, fields: Partial<OrgProfile> = {}): Org => ({
  ...emptyProfile(`Org ${id}`, 'SE', null),
  ...fields,
  id,
});
const demo = (count: number, seed: number): Org[] =>
  [...generateOrgs({ count, seed })].map(({ id, profile }) => ({ ...profile, id }));

const threeCountries: NeedInput = {
  needs: [
    { kind: 'specialization', code: 'Finance', country: 'DE' },
    { kind: 'solutionArea', code: 'Infrastructure', country: 'SE' },
    { kind: 'service', code: 'ManagedServices', country: 'US', weight: 2 },
  ],
  industry: 'Manufacturing',
  language: 'en',
};

describe('rankCandidates', () => {
  it('ranks a planted org that truly fits a 3-cell need in the top 5 of 2,000 generated orgs', () => {
    const orgs = demo(2000, 7);
    const base = generateOrg(99, 5000).profile;
    const planted: Org = {
      ...base,
      id: 'planted',
      countries: ['DE', 'SE', 'US'],
      languages: ['en', 'de'],
      industries: ['Manufacturing', ...base.industries.filter((i) => i !== 'Manufacturing')],
      services: ['ManagedServices', 'ConsultingAndProfessional'],
      solutionAreas: ['BusinessApplications', 'Infrastructure'],
      designations: ['SP-BusinessApplications', 'SP-Infrastructure'],
      specializations: ['Finance'],
    };
    const rng = new Rng(3, 3);
    const candidates = rng.sample([...orgs, planted], orgs.length + 1);
    const requester = orgs.find((o) => o.solutionAreas.includes('ModernWork')) ?? null;
    const results = rankCandidates(toNeed(threeCountries), requester, candidates, undefined, {
      limit: 5,
    });
    expect(results).toHaveLength(5);
    expect(results.map((r) => r.org.id)).toContain('planted');
    const top = results.find((r) => r.org.id === 'planted');
    expect(top?.covers).toEqual([0, 1, 2]);
    for (const r of results) expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
  });

  it('is deterministic whatever the candidate order, breaking ties by name then id', () => {
    const twin = (id: string, name: string) => org(id, { name, services: ['ManagedServices'] });
    const candidates = [
      twin('3', 'Beta'),
      twin('2', 'Alpha'),
      twin('1', 'Alpha'),
      twin('0', 'Gamma'),
    ];
    const n = toNeed({ needs: [{ kind: 'service', code: 'ManagedServices', country: 'SE' }] });
    const ids = (cs: Org[]) => rankCandidates(n, null, cs).map((r) => r.org.id);
    expect(ids(candidates)).toEqual(['1', '2', '3', '0']);
    expect(ids([...candidates].reverse())).toEqual(['1', '2', '3', '0']);
    const orgs = demo(500, 21);
    const shuffled = new Rng(1, 1).sample(orgs, orgs.length);
    const need = toNeed(threeCountries);
    const a = rankCandidates(need, orgs[0]!, orgs, undefined, { limit: 50 });
    const b = rankCandidates(need, orgs[0]!, shuffled, undefined, { limit: 50 });
    expect(b.map((r) => r.org.id)).toEqual(a.map((r) => r.org.id));
    expect(b.map((r) => r.score)).toEqual(a.map((r) => r.score));
  });

  it('sorts by score, honours the limit, and keeps only eligible candidates', () => {
    const orgs = demo(800, 5);
    const results = rankCandidates(toNeed(threeCountries), null, orgs, undefined, { limit: 30 });
    expect(results).toHaveLength(30);
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    for (const r of results) expect(r.reasons[0]!.value).toBeGreaterThan(0);
  });

  it('puts the partner who fills the requester gaps above its duplicate, and can drop the duplicate', () => {
    const me = org('me', {
      services: ['DeploymentOrMigration'],
      solutionAreas: ['Infrastructure'],
    });
    const dup = org('dup', {
      name: 'A dup',
      services: ['DeploymentOrMigration', 'ManagedServices'],
      solutionAreas: ['Infrastructure'],
    });
    const fill = org('fill', {
      name: 'Z fill',
      services: ['ManagedServices'],
      solutionAreas: ['Security'],
    });
    const n = toNeed({ needs: [{ kind: 'service', code: 'ManagedServices', country: 'SE' }] });
    expect(rankCandidates(n, me, [dup, fill, me]).map((r) => r.org.id)).toEqual(['fill', 'dup']);
    expect(
      rankCandidates(n, me, [dup, fill], undefined, { excludeCompetitors: true }).map(
        (r) => r.org.id,
      ),
    ).toEqual(['fill']);
  });

  it('filters on required designations and uses the signals it is given', () => {
    const a = org('a', { name: 'A', services: ['ManagedServices'], designations: ['SP-Security'] });
    const b = org('b', { name: 'B', services: ['ManagedServices'] });
    const n = (extra: Partial<NeedInput> = {}) =>
      toNeed({ needs: [{ kind: 'service', code: 'ManagedServices', country: 'SE' }], ...extra });
    expect(
      rankCandidates(n({ requiredDesignations: ['SP-Security'] }), null, [a, b]).map(
        (r) => r.org.id,
      ),
    ).toEqual(['a']);
    const signals: SignalsOf = (id) => (id === 'b' ? { trust: 1, responsiveness: 1 } : undefined);
    expect(rankCandidates(n(), null, [a, b], signals).map((r) => r.org.id)).toEqual(['b', 'a']);
  });

  it('keeps reasons exact with custom, non-integer weights', () => {
    const orgs = demo(200, 8);
    const results = rankCandidates(toNeed(threeCountries), orgs[1]!, orgs, undefined, {
      limit: 200,
      weights: { capability: 33.3, geography: 17.77, trust: 9.1, complementarity: -12.5 },
    });
    for (const r of results) expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
  });

  it('feeds team formation: a team covering a three-country need, with backups', () => {
    const orgs = demo(2000, 7);
    const need = toNeed(threeCountries);
    const ranked = rankCandidates(need, null, orgs, undefined, { limit: 40 });
    const team = formTeam(
      need,
      ranked.map((r) => ({ orgId: r.org.id, cellScores: r.cellScores })),
    );
    expect(team.uncovered).toEqual([]);
    expect(team.shareCapRelaxed).toBe(false);
    expect(team.members.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(team.backups)).toEqual(['0', '1', '2']);
  });
});
