// The bulk path (upsertMany, the start-up load) builds an index that answers exactly like one
// built by single upserts, also after later upserts and removals; upserts never step back a
// version (the multi-process sync may re-read an org while a local write lands).
import { describe, expect, it } from 'vitest';
import { generateOrgs } from '../domain/demo/generate-orgs.ts';
import type {
  DirectoryQuery,
  DirectorySearcher,
  DirectorySort,
  IndexedOrg,
} from '../domain/directory/directory-query.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
import { createDirectoryIndex } from './directory-index.ts';

function demoOrgs(count: number, seed: number): IndexedOrg[] {
  return [...generateOrgs({ count, seed })].map(({ id, profile }) =>
    toIndexedOrg({ ...profile, id, version: 1 }),
  );
}

const SORTS: DirectorySort[] = ['relevance', 'name', 'size'];
const TEXTS = ['', 'azure', 'cloud mig', 'data', 'security managed', 'zzzz'];
const FILTERS: DirectoryQuery['filters'][] = [
  {},
  { countries: ['DE'] },
  { countries: ['SE', 'US'], services: ['ManagedServices'] },
  { solutionAreas: ['DataAI'] },
];

/** Every page of every query, walked through the cursors. */
function answers(index: DirectorySearcher): unknown[] {
  const out: unknown[] = [];
  for (const sort of SORTS)
    for (const text of TEXTS)
      for (const [f, filters] of FILTERS.entries()) {
        let q: DirectoryQuery = { text, filters, sort, limit: 37 };
        if (f === 2) q = { ...q, teaming: true };
        for (let page = 0; page < 50; page++) {
          const res = index.search(q);
          out.push(res);
          if (res.nextCursor === null) break;
          q = { ...q, cursor: res.nextCursor };
        }
      }
  return out;
}

function inPages<T>(xs: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < xs.length; i += size) pages.push(xs.slice(i, i + size));
  return pages;
}

describe('DirectoryIndex.upsertMany', () => {
  const orgs = demoOrgs(3000, 5);

  it('answers exactly like single upserts', () => {
    const single = createDirectoryIndex();
    for (const org of orgs) single.upsert(org);
    const bulk = createDirectoryIndex();
    for (const page of inPages(orgs, 500)) bulk.upsertMany(page);
    expect(bulk.size).toBe(3000);
    expect(answers(bulk)).toEqual(answers(single));
  });

  it('stays equal through later upserts, removals and repeated ids within a page', () => {
    const renamed = orgs.slice(0, 400).map((o, i) => ({
      ...o,
      version: 2,
      name: `Renamed ${i} Azure`,
      codes: { ...o.codes, countries: ['FI'] },
    }));
    const single = createDirectoryIndex(16);
    const bulk = createDirectoryIndex(16);
    for (const org of orgs) single.upsert(org);
    for (const org of renamed) single.upsert(org);
    // The bulk index sees the renames inside its pages, mixed with first sightings.
    bulk.upsertMany([...orgs.slice(0, 1000), ...renamed.slice(0, 200)]);
    bulk.upsertMany([...orgs.slice(1000), ...renamed.slice(200)]);
    expect(answers(bulk)).toEqual(answers(single));
    for (const index of [single, bulk]) {
      for (const org of orgs.slice(500, 900)) index.remove(org.id);
      index.upsert({ ...orgs[0]!, version: 3, name: 'Last Write' });
    }
    expect(bulk.size).toBe(2600);
    expect(answers(bulk)).toEqual(answers(single));
  });
});

describe('versions', () => {
  const [a, b] = demoOrgs(2, 9) as [IndexedOrg, IndexedOrg];

  it('keeps the newest version of an org', () => {
    const index = createDirectoryIndex();
    expect(index.versionOf(a.id)).toBe(-1);
    index.upsert({ ...a, version: 3, name: 'Newer Name' });
    index.upsert({ ...a, version: 2, name: 'Older Name' }); // a late re-read: ignored
    index.upsert({ ...a, version: 3, name: 'Older Name' }); // the same version again: ignored
    expect(index.versionOf(a.id)).toBe(3);
    const find = (text: string) => index.search({ text, filters: {}, sort: 'name', limit: 5 }).ids;
    expect(find('newer')).toEqual([a.id]);
    expect(find('older')).toEqual([]);
    index.upsert({ ...a, version: 4, name: 'Older Name' });
    expect(find('older')).toEqual([a.id]);
    index.remove(a.id);
    expect(index.versionOf(a.id)).toBe(-1);
  });

  it('always applies an upsert without a version', () => {
    const { version: _v, ...unversioned } = b;
    const index = createDirectoryIndex();
    index.upsert(unversioned);
    expect(index.versionOf(b.id)).toBe(0);
    index.upsert({ ...unversioned, name: 'Second Name' });
    expect(index.search({ text: 'second', filters: {}, sort: 'name', limit: 5 }).ids).toEqual([
      b.id,
    ]);
  });
});
