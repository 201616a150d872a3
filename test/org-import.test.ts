// CSV import on both stores: parsing, validation report, batches in transactions, dry runs.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, StoreKind } from '../src/db/connect.ts';
import { countOrgs, streamOrgs } from '../src/db/repos/orgs.repo.ts';
import type { Org } from '../src/domain/profile/profile.ts';
import { AppError } from '../src/domain/shared/errors.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { importOrgsCsv, type ImportOptions } from '../src/services/org-import.service.ts';
import { STORE_KINDS, openTestStore, storeAvailable } from './support/stores.ts';

const HEADER =
  'name,website,hqCountry,countries,languages,partnerTypes,services,skills,employeeBand,foundedYear,description,teamingOpen,teamingSeeks,availableConsultants,bench,rateCard,offices,solutionAreas,designations,specializations';
const GOOD_1 =
  'Nordlys Cloud Partners AS,https://www.nordlys.no,NO,NO;SE,no;en,SI;MSP,Integration;ManagedServices,Azure Landing Zones;Intune,10-49,2011,"Azure partner in Oslo, since 2011.",yes,Dynamics partners in Sweden,4,1,Architect=1200000 NOK;Consultant=950000 NOK,NO:Oslo;NO:Bergen:Bryggen 1,Infrastructure,SP-Infrastructure,AzureVMwareSolution';
const GOOD_2 = 'Contoso Data Services GmbH,https://contoso.de,DE,,de,Consulting,,,,,,,,,,,,,,';

async function* allOrgs(store: Store): AsyncGenerator<Org> {
  for await (const page of streamOrgs(store.db)) yield* page;
}

async function orgsByName(store: Store): Promise<Map<string, Org>> {
  const out = new Map<string, Org>();
  for await (const o of allOrgs(store)) out.set(o.name, o);
  return out;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`org CSV import (${kind})`, () => {
    let store: Store;
    let deps: ServiceDeps;
    beforeEach(async () => {
      store = await openTestStore(kind);
      deps = {
        db: store.db,
        storeKind: store.kind,
        directory: createDirectoryIndex(),
        now: () => new Date('2026-05-04T09:00:00Z'),
      };
    });
    afterEach(async () => store.close());

    const run = (csv: string, opts: ImportOptions = {}) =>
      importOrgsCsv(deps, Readable.from([csv]), opts);
    const audits = (action: string) =>
      store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', action)
        .orderBy('seq')
        .execute();

    it('imports good rows with every profile field, derives the domain and indexes them', async () => {
      const report = await run(`${HEADER}\n${GOOD_1}\n${GOOD_2}\n`);
      expect(report).toMatchObject({ rows: 2, valid: 2, imported: 2, rejected: [], warnings: [] });
      const orgs = await orgsByName(store);
      const nordlys = orgs.get('Nordlys Cloud Partners AS');
      expect(nordlys).toMatchObject({
        website: 'https://www.nordlys.no',
        domain: 'nordlys.no',
        hqCountry: 'NO',
        skills: ['Azure Landing Zones', 'Intune'],
        employeeBand: '10-49',
        foundedYear: 2011,
        description: 'Azure partner in Oslo, since 2011.',
        teaming: { open: true, seeks: 'Dynamics partners in Sweden' },
        capacity: { availableConsultants: 4, bench: 1 },
        rateCard: [
          { role: 'Architect', dayRate: { amount: 1200000, currency: 'NOK' } },
          { role: 'Consultant', dayRate: { amount: 950000, currency: 'NOK' } },
        ],
        offices: [
          { country: 'NO', city: 'Oslo' },
          { country: 'NO', city: 'Bergen', address: 'Bryggen 1' },
        ],
      });
      expect([...(nordlys?.countries ?? [])].sort()).toEqual(['NO', 'SE']);
      expect([...(nordlys?.specializations ?? [])]).toEqual(['AzureVMwareSolution']);
      // The HQ always counts as a country served.
      expect(orgs.get('Contoso Data Services GmbH')?.countries).toEqual(['DE']);
      expect(deps.directory.size).toBe(2);
      const [entry] = await audits('org.imported');
      expect(entry).toMatchObject({ actor_user_id: null, chain: 'system' });
      expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
        count: 2,
        lines: { from: 2, to: 3 },
      });
    });

    it('reports rejected rows by line with field paths and commits the good ones', async () => {
      const csv = [
        HEADER,
        GOOD_1,
        'Bad Codes Ltd,,XX,,,SI,Integratio,,,,,,,,,,,,,',
        '"Quoted ""Name"" Ltd",,GB,,,,,,,,"A description that spans',
        'two lines",maybe,,,,,,,,',
        'Too Few Fields,DE',
        'Rates Inc.,,US,,,,,,,,,,,,,Architect=12.5 USD,US:Seattle,,,',
        'Spec Without Designation Ltd,,GB,,,,,,,,,,,,,,,Security,,ThreatProtection',
        GOOD_2,
      ].join('\n');
      const report = await run(csv);
      expect(report.rows).toBe(7);
      expect(report.imported).toBe(2);
      const byLine = new Map(report.rejected.map((r) => [r.line, r.issues]));
      expect([...byLine.keys()]).toEqual([3, 4, 6, 7, 8]);
      expect(byLine.get(3)).toEqual([
        { path: 'hqCountry', message: expect.stringContaining('Unknown code "XX"') as string },
        {
          path: 'services[0]',
          message: expect.stringContaining('expected one of: ConsultingAndProfessional') as string,
        },
      ]);
      expect(byLine.get(4)).toEqual([
        { path: 'teamingOpen', message: expect.stringContaining('One of true') as string },
      ]);
      expect(byLine.get(6)?.[0]?.message).toContain('Expected 20 fields');
      expect(byLine.get(7)?.[0]?.path).toBe('rateCard[0]');
      expect(byLine.get(8)).toEqual([
        {
          path: 'specializations[0]',
          message: '"ThreatProtection" requires the designation SP-Security',
        },
      ]);
      expect([...(await orgsByName(store)).keys()].sort()).toEqual([
        'Contoso Data Services GmbH',
        'Nordlys Cloud Partners AS',
      ]);
    });

    it('reports broken CSV quoting with line numbers instead of failing', async () => {
      const csv = `${HEADER}\n${GOOD_2}\nQuote" Inside,DE,,,,,,,,,,,,,,,,,,\n${GOOD_1}\n"Unclosed,DE,,,,,,,,,,,,,,,,,,\nSwallowed,DE\n`;
      const report = await run(csv);
      expect(report.imported).toBe(2);
      expect(report.rejected.map((r) => [r.line, r.issues[0]?.message.split(';')[0]])).toEqual([
        [3, 'A quote inside an unquoted value'],
        [5, 'A quoted value starts here and is never closed'],
      ]);
    });

    it('warns about unknown columns and refuses files without the required ones', async () => {
      const report = await run(`name,hqCountry,colour\nFabrikam Ltd,GB,blue\n`);
      expect(report.imported).toBe(1);
      expect(report.warnings).toEqual([expect.stringContaining('Unknown column "colour" ignored')]);
      await expect(run('name,colour\nX Ltd,blue\n')).rejects.toThrow(
        /missing required column hqCountry/,
      );
      await expect(run('')).rejects.toBeInstanceOf(AppError);
      await expect(run('name,hqCountry,name\n')).rejects.toThrow(/appears twice/);
    });

    it('writes nothing on a dry run', async () => {
      const report = await run(`${HEADER}\n${GOOD_1}\n${GOOD_2}\nBad,XX,,,,,,,,,,,,,,,,,,\n`, {
        dryRun: true,
      });
      expect(report).toMatchObject({ dryRun: true, rows: 3, valid: 2, imported: 0 });
      expect(report.rejected).toHaveLength(1);
      expect(await countOrgs(store.db)).toBe(0);
      expect(await audits('org.imported')).toEqual([]);
      expect(deps.directory.size).toBe(0);
    });

    it('commits in batches and rolls a failing batch back entirely', async () => {
      await installBoomTrigger(store, kind);
      const names = ['One Ltd', 'Two Ltd', 'Three Ltd', 'Boom Ltd', 'Five Ltd'];
      const progress: number[] = [];
      const report = await run(`name,hqCountry\n${names.map((n) => `${n},GB`).join('\n')}\n`, {
        batchSize: 2,
        onProgress: (p) => progress.push(p.imported),
      });
      // Batches: lines 2-3, 4-5 (Boom fails: Three is rolled back with it), 6.
      expect(report.imported).toBe(3);
      expect(report.rejected.map((r) => r.line)).toEqual([4, 5]);
      expect(report.rejected[0]?.issues[0]?.message).toMatch(
        /batch of lines 4-5 failed and was rolled back/,
      );
      expect([...(await orgsByName(store)).keys()].sort()).toEqual([
        'Five Ltd',
        'One Ltd',
        'Two Ltd',
      ]);
      expect(await audits('org.imported')).toHaveLength(2);
      expect(deps.directory.size).toBe(3);
      expect(progress.at(-1)).toBe(3);
    });
  });
}

/** A trigger that refuses one name: a real database failure in the middle of a batch. */
async function installBoomTrigger(store: Store, kind: StoreKind): Promise<void> {
  if (kind === 'sqlite') {
    await sql`CREATE TRIGGER boom BEFORE INSERT ON orgs WHEN NEW.name = 'Boom Ltd'
      BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(store.db);
    return;
  }
  await sql`CREATE FUNCTION boom() RETURNS trigger AS $$
    BEGIN IF NEW.name = 'Boom Ltd' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$
    LANGUAGE plpgsql`.execute(store.db);
  await sql`CREATE TRIGGER boom BEFORE INSERT ON orgs FOR EACH ROW EXECUTE FUNCTION boom()`.execute(
    store.db,
  );
}
