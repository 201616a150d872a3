// GET /api/v1/orgs: text, filters (any-of within, all-of across), facets, sorts, cursor paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface Page {
  items: { id: string; name: string }[];
  facets: Record<string, { code: string; count: number }[]>;
  total: number;
  nextCursor: string | null;
}

const PROFILES = [
  { name: 'Alpha Azure Security', countries: ['DE', 'AT'], services: ['ManagedServices'], employeeBand: '250-999', open: true, skills: ['Sentinel'] },
  { name: 'Bravo Dynamics Finance', countries: ['DE'], services: ['ConsultingAndProfessional'], employeeBand: '10-49', open: false, skills: ['Dynamics 365 Finance'] },
  { name: 'Charlie Cloud Migration', countries: ['SE', 'NO'], services: ['DeploymentOrMigration', 'ManagedServices'], employeeBand: '1000-4999', open: true, skills: ['Azure Landing Zones'] },
  { name: 'Delta Teams Rooms', countries: ['US'], services: ['Hardware'], employeeBand: '1-9', open: true, skills: ['Teams Rooms'] },
  { name: 'Echo Security Operations', countries: ['US', 'DE'], services: ['ManagedServices'], employeeBand: '50-249', open: false, skills: ['Sentinel', 'Defender'] },
];

describe.each(STORE_KINDS)('directory on %s', (kind) => {
  describe.skipIf(!storeAvailable(kind))('', () => {
    let t: TestApp;
    let viewer: SignedUp;
    const ids = new Map<string, string>();

    beforeAll(async () => {
      t = await createTestApp(kind);
      for (const [i, p] of PROFILES.entries()) {
        const s = await t.signup(`dir${i}@example.com`, p.name);
        const res = await t.as(s.token, {
          method: 'PATCH',
          url: `/api/v1/orgs/${s.organization.id}`,
          headers: { 'if-match': '"1"' },
          payload: {
            hqCountry: p.countries[0],
            countries: p.countries,
            services: p.services,
            employeeBand: p.employeeBand,
            teaming: { open: p.open, seeks: '' },
            skills: p.skills,
            description: `${p.name} serves customers in ${p.countries.join(' and ')}.`,
          },
        });
        expect(res.statusCode, res.body).toBe(200);
        ids.set(p.name, s.organization.id);
      }
      viewer = await t.signup('viewer@example.com', 'Zulu Viewer');
    });
    afterAll(async () => t.close());

    const search = async (qs: string): Promise<Page> => {
      const res = await t.as(viewer.token, { method: 'GET', url: `/api/v1/orgs?${qs}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Page>();
    };
    const names = (p: Page) => p.items.map((i) => i.name);

    it('filters any-of within a field and all-of across fields', async () => {
      expect(names(await search('country=SE&country=US&sort=name'))).toEqual([
        'Charlie Cloud Migration',
        'Delta Teams Rooms',
        'Echo Security Operations',
      ]);
      expect(names(await search('country=DE&service=ManagedServices&sort=name'))).toEqual([
        'Alpha Azure Security',
        'Echo Security Operations',
      ]);
      // The viewer's own new org (HQ DE, not open to teaming) is in the directory too.
      expect(names(await search('country=DE,AT&teaming=no&sort=name'))).toEqual([
        'Bravo Dynamics Finance',
        'Echo Security Operations',
        'Zulu Viewer',
      ]);
    });

    it('counts facets on the current result set', async () => {
      const page = await search('service=ManagedServices');
      expect(page.total).toBe(3);
      const countries = Object.fromEntries(page.facets.country?.map((f) => [f.code, f.count]) ?? []);
      expect(countries).toEqual({ DE: 2, AT: 1, SE: 1, NO: 1, US: 1 });
      expect(page.facets.teaming).toEqual([
        { code: 'yes', count: 2 },
        { code: 'no', count: 1 },
      ]);
    });

    it('searches text over name, description and skills, with prefix matching of the last word', async () => {
      expect(names(await search('q=sentinel&sort=name'))).toEqual(['Alpha Azure Security', 'Echo Security Operations']);
      expect(names(await search('q=migra'))).toEqual(['Charlie Cloud Migration']);
      expect((await search('q=nothing-matches-this')).total).toBe(0);
    });

    it('sorts by size and pages with a cursor without repeats or gaps', async () => {
      const bySize = names(await search('sort=size&limit=3'));
      expect(bySize.slice(0, 2)).toEqual(['Charlie Cloud Migration', 'Alpha Azure Security']);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await search(`sort=name&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
        seen.push(...names(page));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual([...PROFILES.map((p) => p.name), 'Zulu Viewer'].sort());
    });

    it('rejects unknown codes, bad sorts, bad limits and bad cursors with the parameter named', async () => {
      const unknown = expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?country=XX&service=Magic' }), 400);
      expect(unknown.errors.map((e) => e.path).sort()).toEqual(['query.country[0]', 'query.service[0]']);
      expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?sort=random' }), 400);
      expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?limit=1000' }), 400);
      expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?limit=abc' }), 400);
      const cursor = expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?cursor=%%%garbage' }), 400);
      expect(cursor.errors[0]?.path).toContain('cursor');
      expectProblem(await t.as(viewer.token, { method: 'GET', url: '/api/v1/orgs?unknownParam=1' }), 400);
    });

    it('serves the vocabularies with their version', async () => {
      const res = await t.as(viewer.token, { method: 'GET', url: '/api/v1/vocabularies' });
      const body = res.json<{ version: string; vocabularies: Record<string, { code: string }[]> }>();
      expect(body.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.vocabularies.services?.map((s) => s.code)).toContain('ManagedServices');
      expect(body.vocabularies.countries?.length).toBeGreaterThanOrEqual(249);
    });
  });
});
