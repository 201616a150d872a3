// Export on both stores: CSV in the import format (round-trips, awkward characters included) and JSON.
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/connect.ts';
import { insertOrg, streamOrgs } from '../src/db/repos/orgs.repo.ts';
import type { Org, OrgProfile } from '../src/domain/profile/profile.ts';
import { CODED_LIST_FIELDS } from '../src/domain/taxonomy/vocabularies.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { seedDemo } from '../src/services/demo.service.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { exportOrgs, type ExportFormat } from '../src/services/org-export.service.ts';
import { importOrgsCsv } from '../src/services/org-import.service.ts';
import { STORE_KINDS, openTestStore, storeAvailable } from './support/stores.ts';

const depsOf = (store: Store): ServiceDeps => ({
  db: store.db,
  storeKind: store.kind,
  directory: createDirectoryIndex(),
  now: () => new Date('2026-05-04T09:00:00Z'),
});

async function exportToString(deps: ServiceDeps, format: ExportFormat): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportOrgs(deps, out, format);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** The profile as a comparable value: no ids or timestamps, codes in a fixed order. */
function profileOf(org: Org): OrgProfile {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = org;
  for (const f of CODED_LIST_FIELDS) profile[f] = [...profile[f]].sort();
  return profile;
}

async function profiles(store: Store): Promise<OrgProfile[]> {
  const out: OrgProfile[] = [];
  for await (const page of streamOrgs(store.db)) out.push(...page.map(profileOf));
  return out.sort((a, b) => `${a.name}|${a.website}`.localeCompare(`${b.name}|${b.website}`));
}

const AWKWARD: OrgProfile = {
  name: 'Quote "Co"; Semi=Colon: Ltd',
  website: 'https://www.awkward.co.uk',
  domain: 'awkward.co.uk',
  hqCountry: 'GB',
  countries: ['GB'],
  languages: ['en'],
  partnerTypes: ['SI'],
  services: [],
  products: [],
  industries: [],
  customerSizes: [],
  solutionAreas: [],
  designations: [],
  specializations: [],
  skills: ['C#; .NET', 'a=b', 'back\\slash', 'x:y'],
  employeeBand: null,
  foundedYear: null,
  description: 'Line one,\nline "two"; still: the=description',
  teaming: { open: false, seeks: '' },
  capacity: { availableConsultants: 0, bench: 0 },
  rateCard: [{ role: 'Architect; Lead=Senior: \\', dayRate: { amount: 99900, currency: 'GBP' } }],
  offices: [{ country: 'GB', city: 'Stoke-on-Trent; Hanley', address: '1 High St: Unit=2' }],
};

/** Cells a spreadsheet would run as formulas, and values that really start with a quote. */
const HOSTILE: OrgProfile = {
  ...AWKWARD,
  name: '=HYPERLINK("http://x")',
  website: null,
  domain: null,
  skills: ['+1 555', 'plain'],
  description: "'quoted from the start",
  teaming: { open: true, seeks: "'=already guarded?" },
  rateCard: [{ role: '@SUM(A1)', dayRate: { amount: 50000, currency: 'GBP' } }],
  offices: [],
};

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`org export (${kind})`, () => {
    let source: Store;
    beforeEach(async () => {
      source = await openTestStore(kind);
    });
    afterEach(async () => source.close());

    it('exports CSV that imports into a fresh store as the same orgs', async () => {
      await seedDemo(depsOf(source), { count: 250, seed: 11 });
      await insertOrg(source.db, { id: 'awkward', profile: AWKWARD, at: '2026-01-01T00:00:00Z' });
      const csv = await exportToString(depsOf(source), 'csv');
      expect(csv.split('\n')[0]).toBe(
        'name,website,hqCountry,countries,languages,partnerTypes,services,products,industries,customerSizes,solutionAreas,designations,specializations,skills,employeeBand,foundedYear,description,teamingOpen,teamingSeeks,availableConsultants,bench,rateCard,offices',
      );
      const expected = await profiles(source);
      // One test schema at a time: Kysely's migrator sees migration tables of every PostgreSQL schema.
      await source.close();
      source = await openTestStore(kind);
      const report = await importOrgsCsv(depsOf(source), Readable.from([csv]), { batchSize: 100 });
      expect(report).toMatchObject({ rows: 251, imported: 251, rejected: [], warnings: [] });
      expect(await profiles(source)).toEqual(expected);
    });

    it('guards formula cells with a quote on export, and import gives back the original values', async () => {
      await insertOrg(source.db, { id: 'hostile', profile: HOSTILE, at: '2026-01-01T00:00:00Z' });
      const minus = { ...HOSTILE, name: '-2+3 Consulting', skills: [], description: '' };
      await insertOrg(source.db, { id: 'minus', profile: minus, at: '2026-01-01T00:00:00Z' });
      const csv = await exportToString(depsOf(source), 'csv');
      const [, ...rows] = parse(csv);
      const cells = rows.flat();
      // No cell starts a formula; the guarded ones and the genuine leading quotes gain one quote.
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
      for (const guarded of [
        `'=HYPERLINK("http://x")`,
        `'+1 555;plain`,
        `''quoted from the start`,
        `''=already guarded?`,
        `'@SUM(A1)=50000 GBP`,
        `'-2+3 Consulting`,
      ]) {
        expect(cells).toContain(guarded);
      }

      const expected = await profiles(source);
      await source.close();
      source = await openTestStore(kind);
      const report = await importOrgsCsv(depsOf(source), Readable.from([csv]));
      expect(report).toMatchObject({ imported: 2, rejected: [] });
      expect(await profiles(source)).toEqual(expected);
    });

    it('exports a JSON array of every org', async () => {
      await seedDemo(depsOf(source), { count: 40, seed: 3 });
      const orgs = JSON.parse(await exportToString(depsOf(source), 'json')) as Org[];
      expect(orgs).toHaveLength(40);
      expect(orgs[0]).toMatchObject({ version: 1, createdAt: '2026-05-04T09:00:00.000Z' });
      const byName = (a: OrgProfile, b: OrgProfile) =>
        `${a.name}|${a.website}`.localeCompare(`${b.name}|${b.website}`);
      expect(orgs.map(profileOf).sort(byName)).toEqual(await profiles(source));
    });

    it('exports an empty store as a header or an empty array', async () => {
      expect((await exportToString(depsOf(source), 'csv')).trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(await exportToString(depsOf(source), 'json'))).toEqual([]);
    });
  });
}
