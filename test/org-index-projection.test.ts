// The lean index read on both stores: orgs.index_codes is kept with every write, the migration's
// backfill rebuilds it from org_codes, and the start-up load through it builds an index that
// answers exactly like one built from the full org records.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/connect.ts';
import { backfillIndexCodes } from '../src/db/migrations/003-org-index-projection.ts';
import { findIndexedOrgs, streamIndexedOrgs } from '../src/db/repos/org-index.repo.ts';
import { findOrg, streamOrgs, updateOrgProfile } from '../src/db/repos/orgs.repo.ts';
import type { DirectoryQuery, IndexedOrg } from '../src/domain/directory/directory-query.ts';
import { toIndexedOrg } from '../src/domain/directory/to-indexed-org.ts';
import type { CodedLists, Org } from '../src/domain/profile/profile.ts';
import { CODED_LIST_FIELDS } from '../src/domain/taxonomy/vocabularies.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { seedDemo } from '../src/services/demo.service.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { loadDirectory } from '../src/services/directory.service.ts';
import { STORE_KINDS, openTestStore, storeAvailable } from './support/stores.ts';

const depsOf = (store: Store): ServiceDeps => ({
  db: store.db,
  storeKind: store.kind,
  directory: createDirectoryIndex(),
  now: () => new Date('2026-05-04T09:00:00Z'),
});

async function leanOrgs(store: Store, pageSize?: number): Promise<IndexedOrg[]> {
  const out: IndexedOrg[] = [];
  for await (const page of streamIndexedOrgs(store.db, store.kind, pageSize))
    out.push(...page.orgs);
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The reference: the full records (codes sorted, as the projection keeps them). */
async function fullOrgs(store: Store): Promise<IndexedOrg[]> {
  const out: IndexedOrg[] = [];
  for await (const page of streamOrgs(store.db)) {
    out.push(...page.map((org) => toIndexedOrg({ ...org, ...sortedCodes(org) })));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function sortedCodes(org: Org): CodedLists {
  return Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, [...org[f]].sort()])) as CodedLists;
}

const QUERIES: DirectoryQuery[] = [
  { text: '', filters: {}, sort: 'name', limit: 20 },
  { text: 'azure', filters: {}, sort: 'relevance', limit: 20 },
  { text: 'cloud mig', filters: { countries: ['DE', 'SE'] }, sort: 'size', limit: 20 },
  { text: '', filters: { services: ['ManagedServices'] }, teaming: true, sort: 'name', limit: 50 },
];

describe.each(STORE_KINDS)('index projection (%s)', (kind) => {
  let store: Store;
  let deps: ServiceDeps;
  beforeEach(async (ctx) => {
    if (!storeAvailable(kind)) ctx.skip();
    store = await openTestStore(kind);
    deps = depsOf(store);
    await seedDemo(deps, { count: 300, seed: 11, batchSize: 120 });
  });
  afterEach(async () => store?.close());

  it('reads what the full records say, in pages, before and after a profile update', async () => {
    expect(await leanOrgs(store, 64)).toEqual(await fullOrgs(store));
    const first = (await leanOrgs(store))[0]!;
    const org = (await findOrg(store.db, first.id))!;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...profile } = org;
    const next = { ...profile, countries: ['SE', 'DE', 'US'], services: [], name: 'Renamed Org' };
    await store.db.transaction().execute(async (trx) => {
      expect(
        await updateOrgProfile(trx, org.id, next, org.version, '2026-06-01T00:00:00.000Z'),
      ).toBe(true);
    });
    const lean = await leanOrgs(store);
    expect(lean).toEqual(await fullOrgs(store));
    const changed = lean.find((o) => o.id === org.id)!;
    expect(changed.codes.countries).toEqual(['DE', 'SE', 'US']);
    expect(changed.codes.services).toEqual([]);
    expect(changed.version).toBe(org.version + 1);
    const found = await findIndexedOrgs(store.db, [org.id, 'no-such-org']);
    expect(found.orgs).toEqual([changed]);
    expect(found.latest).toBe('2026-06-01T00:00:00.000Z');
  });

  it('backfills index_codes from org_codes (the migration of an existing store)', async () => {
    const before = await leanOrgs(store);
    await sql`update orgs set index_codes = '{}'`.execute(store.db);
    expect((await leanOrgs(store)).every((o) => o.codes.countries.length === 0)).toBe(true);
    await backfillIndexCodes(store.db);
    expect(await leanOrgs(store)).toEqual(before);
  });

  it('loads an index that answers like one built from the full records', async () => {
    const loaded = await loadDirectory(deps);
    expect(loaded.orgs).toBe(300);
    expect(loaded.latest).toBe('2026-05-04T09:00:00.000Z');
    const reference = createDirectoryIndex();
    for (const org of await fullOrgs(store)) reference.upsert(org);
    for (const q of QUERIES) expect(deps.directory.search(q)).toEqual(reference.search(q));
  });
});
