// Matchmaking over HTTP on both stores: ranking with reasons that add up, determinism, teams with
// backups and the share cap, "who complements me", bad input, and who the requester is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerUp } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface Reason {
  factor: string;
  value: number;
  weight: number;
  points: number;
  text: string;
}
interface Result {
  org: { id: string; name: string };
  score: number;
  covers: number[];
  reasons: Reason[];
}
interface MatchBody {
  results: Result[];
  total: number;
  uncovered: number[];
}
interface TeamBody {
  members: { org: { id: string }; cells: number[]; share: number }[];
  uncovered: number[];
  backups: Record<string, { id: string }[]>;
  objective: number;
  maxShareUsed: number;
  shareCapRelaxed: boolean;
}

const PROFILES = {
  requester: {
    countries: ['DE'],
    services: ['ConsultingAndProfessional'],
    solutionAreas: ['BusinessApplications'],
  },
  nordicMsp: {
    countries: ['SE', 'NO'],
    services: ['ManagedServices'],
    designations: ['SP-Infrastructure', 'AzureExpertMSP'],
    solutionAreas: ['Infrastructure'],
    teaming: { open: true, seeks: '' },
    capacity: { availableConsultants: 12, bench: 0 },
  },
  balticOps: { countries: ['SE'], services: ['ManagedServices'] },
  germanFinance: {
    countries: ['DE'],
    solutionAreas: ['BusinessApplications'],
    designations: ['SP-BusinessApplications'],
    specializations: ['Finance'],
    teaming: { open: true, seeks: '' },
  },
  usSecurity: {
    countries: ['US'],
    solutionAreas: ['Security'],
    designations: ['SP-Security'],
    specializations: ['ThreatProtection'],
  },
  allRounder: {
    countries: ['SE', 'DE', 'US'],
    services: ['ManagedServices'],
    solutionAreas: ['BusinessApplications', 'Security'],
    specializations: [],
  },
} as const;
type Key = keyof typeof PROFILES;

const THREE_COUNTRIES = [
  { service: 'ManagedServices', country: 'SE' },
  { specialization: 'Finance', country: 'DE' },
  { solutionArea: 'Security', country: 'US' },
];

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`matching (${kind})`, () => {
    let t: TestApp;
    const who = {} as Record<Key, SignedUp>;
    const id = (k: Key) => who[k].organization.id;

    const match = (as: SignedUp, payload: Record<string, unknown>) =>
      t.as(as.token, { method: 'POST', url: '/api/v1/match', payload });
    const team = (as: SignedUp, payload: Record<string, unknown>) =>
      t.as(as.token, { method: 'POST', url: '/api/v1/teams', payload });
    const okMatch = async (as: SignedUp, payload: Record<string, unknown>) => {
      const res = await match(as, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MatchBody>();
    };
    const patch = async (k: Key, body: Record<string, unknown>, version: number) => {
      const res = await t.as(who[k].token, {
        method: 'PATCH',
        url: `/api/v1/orgs/${id(k)}`,
        headers: { 'if-match': `"${version}"` },
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      for (const [k, profile] of Object.entries(PROFILES) as [Key, Record<string, unknown>][]) {
        who[k] = await t.signup(undefined, `${k[0]!.toUpperCase()}${k.slice(1)} Partners`);
        const countries = profile.countries as string[];
        await patch(k, { ...profile, hqCountry: countries[0] }, 1);
      }
    });
    afterAll(async () => t.close());

    it('ranks badges above self-declared tags, explains every score exactly, never lists the requester', async () => {
      const body = await okMatch(who.requester, {
        needs: [{ service: 'ManagedServices', country: 'SE' }],
      });
      const ids = body.results.map((r) => r.org.id);
      // The all-rounder duplicates a little of the requester's offering (BusinessApplications in DE).
      expect(ids.slice(0, 3)).toEqual([id('nordicMsp'), id('balticOps'), id('allRounder')]);
      expect(ids).not.toContain(id('requester'));
      expect(body.total).toBe(3);
      expect(body.uncovered).toEqual([]);
      for (const r of body.results) {
        expect(r.covers).toEqual([0]);
        expect(r.reasons.map((x) => x.factor)).toContain('capability');
        expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
        for (const x of r.reasons) expect(x.points === x.value * x.weight).toBe(true);
      }
      const capability = body.results[0]!.reasons.find((x) => x.factor === 'capability')!;
      expect(capability.value).toBe(1);
      expect(capability.text).toContain('AzureExpertMSP');
      const trust = body.results[0]!.reasons.find((x) => x.factor === 'trust')!;
      expect(trust).toMatchObject({ value: 0.5, text: 'No trust record yet (neutral)' });
    });

    it('is deterministic, and limit keeps the first results of the same order', async () => {
      const payload = { needs: THREE_COUNTRIES, industry: 'FinancialServices', language: 'en' };
      const first = await okMatch(who.requester, payload);
      const again = await okMatch(who.requester, payload);
      expect(again).toEqual(first);
      expect(first.results.length).toBeGreaterThanOrEqual(4);
      const two = await okMatch(who.requester, { ...payload, limit: 2 });
      expect(two.results).toEqual(first.results.slice(0, 2));
    });

    it('forms a team that covers three countries with backups and no dominant member', async () => {
      const res = await team(who.requester, { needs: THREE_COUNTRIES });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<TeamBody>();
      expect(body.uncovered).toEqual([]);
      expect(body.shareCapRelaxed).toBe(false);
      expect(body.maxShareUsed).toBeLessThanOrEqual(0.6);
      const byCell = new Map(body.members.flatMap((m) => m.cells.map((c) => [c, m.org.id])));
      expect(byCell.get(0)).toBe(id('nordicMsp'));
      expect(byCell.get(1)).toBe(id('germanFinance'));
      expect(byCell.get(2)).toBe(id('usSecurity'));
      // The all-rounder can do every cell: a backup everywhere.
      expect(body.backups['0']?.map((o) => o.id)).toEqual([id('balticOps'), id('allRounder')]);
      for (const c of ['1', '2'])
        expect(body.backups[c]?.map((o) => o.id)).toEqual([id('allRounder')]);
    });

    it('lets one member take everything only when nothing else fits, and says so', async () => {
      const one = await team(who.requester, { needs: THREE_COUNTRIES, maxMembers: 1 });
      expect(one.statusCode, one.body).toBe(200);
      const body = one.json<TeamBody>();
      expect(body.members.map((m) => m.org.id)).toEqual([id('allRounder')]);
      expect(body.maxShareUsed).toBe(1);
      expect(body.shareCapRelaxed).toBe(true);
      const free = (
        await team(who.requester, { needs: THREE_COUNTRIES, maxMembers: 1, maxShare: 1 })
      ).json<TeamBody>();
      expect(free.shareCapRelaxed).toBe(false);
      const noBackups = (
        await team(who.requester, { needs: THREE_COUNTRIES, backups: false })
      ).json<TeamBody>();
      expect(noBackups.backups).toEqual({});
    });

    it('answers a need nobody can serve with empty results and the cells uncovered, not an error', async () => {
      const needs = [{ service: 'ManagedServices', country: 'FJ' }];
      const body = await okMatch(who.requester, { needs });
      expect(body).toEqual({ results: [], total: 0, uncovered: [0] });
      const t2 = (await team(who.requester, { needs })).json<TeamBody>();
      expect(t2).toMatchObject({ members: [], uncovered: [0], backups: {} });
    });

    it('finds who complements an organization: partners that fill its gaps, with reasons', async () => {
      const res = await t.as(who.requester.token, {
        method: 'GET',
        url: `/api/v1/orgs/${id('requester')}/complements?limit=10`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<MatchBody & { gaps: Record<string, unknown>[] }>();
      expect(body.gaps).toContainEqual({ solutionArea: 'Security', country: 'DE', weight: 1 });
      expect(body.gaps).not.toContainEqual(
        expect.objectContaining({ solutionArea: 'BusinessApplications' }),
      );
      const ids = body.results.map((r) => r.org.id);
      expect(ids[0]).toBe(id('allRounder'));
      expect(ids).not.toContain(id('requester'));
      for (const r of body.results) {
        expect(r.covers.length).toBeGreaterThan(0);
        expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
      }
      expectProblem(
        await t.as(who.requester.token, { method: 'GET', url: '/api/v1/orgs/nope/complements' }),
        404,
      );
    });

    it('rejects bad needs with 400 and the paths of the fields at fault', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ needs: [] }, 'needs'],
        [{ needs: [{ service: 'Plumbing', country: 'SE' }] }, 'needs[0].service'],
        [{ needs: [{ solutionArea: 'Security', country: 'XX' }] }, 'needs[0].country'],
        [{ needs: [{ service: 'ManagedServices', country: 'SE', weight: -1 }] }, 'needs[0].weight'],
        [{ needs: THREE_COUNTRIES, designations: ['Nope'] }, 'designations[0]'],
        [{ needs: THREE_COUNTRIES, industry: 'Nope' }, 'industry'],
        [
          {
            needs: Array.from({ length: 101 }, (_, i) => ({
              service: 'ManagedServices',
              country: ['SE', 'DE', 'US', 'FR', 'NO', 'FI'][i % 6],
              weight: i + 1,
            })),
          },
          'needs',
        ],
        [
          { needs: [{ service: 'ManagedServices', product: 'Azure', country: 'SE' }] },
          'body.needs.0',
        ],
        [{ needs: THREE_COUNTRIES, limit: 0 }, 'body.limit'],
      ];
      for (const [payload, path] of cases) {
        const problem = expectProblem(await match(who.requester, payload), 400);
        expect(
          problem.errors.map((e) => e.path),
          JSON.stringify(payload),
        ).toContain(path);
      }
      for (const maxShare of [0, 1.5, -0.2]) {
        const problem = expectProblem(
          await team(who.requester, { needs: THREE_COUNTRIES, maxShare }),
          400,
        );
        expect(problem.errors.map((e) => e.path)).toContain('maxShare');
      }
    });

    it('needs a signed-in caller and matches as the caller’s own organization', async () => {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/match',
        payload: { needs: THREE_COUNTRIES },
      });
      expectProblem(anonymous, 401);

      await partnerUp(t, who.requester, who.nordicMsp);
      const need = { needs: [{ service: 'ManagedServices', country: 'SE' }] };
      const partnered = (r: MatchBody) =>
        r.results
          .find((x) => x.org.id === id('nordicMsp'))!
          .reasons.find((x) => x.factor === 'partnership')!;
      expect(partnered(await okMatch(who.requester, need))).toMatchObject({
        value: 1,
        text: 'Already partners with you',
      });
      expect(partnered(await okMatch(who.germanFinance, need))).toMatchObject({ value: 0 });

      // The Nordic MSP asks: the Baltic one offers exactly what it offers in Sweden (a rival).
      const rivals = await okMatch(who.nordicMsp, need);
      const baltic = rivals.results.find((x) => x.org.id === id('balticOps'))!;
      expect(baltic.reasons.find((x) => x.factor === 'complementarity')).toMatchObject({
        value: 1,
        points: -15,
      });
      const excluded = await okMatch(who.nordicMsp, { ...need, excludeCompetitors: true });
      expect(excluded.results.map((r) => r.org.id)).toEqual([id('allRounder')]);
      expect(excluded.total).toBe(2);
    });

    it('follows profile writes at once (the index is updated after each commit)', async () => {
      const need = { needs: [{ service: 'ManagedServices', country: 'SE' }] };
      const scoreOf = (r: MatchBody) => r.results.find((x) => x.org.id === id('balticOps'))!;
      const before = scoreOf(await okMatch(who.germanFinance, need));
      await patch('balticOps', { designations: ['AzureExpertMSP'] }, 2);
      const after = scoreOf(await okMatch(who.germanFinance, need));
      expect(after.score - before.score).toBe(35 * 0.5);
      expect(after.reasons[0]!.text).toContain('AzureExpertMSP');
    });
  });
}
