// Hand-written cases: type-ahead prefixes, relevance by field, deterministic ties, cursors.
import { describe, expect, it } from 'vitest';
import type { DirectoryQuery, IndexedOrg } from '../domain/directory/directory-query.ts';
import { AppError } from '../domain/shared/errors.ts';
import { CODED_LIST_FIELDS, type CodedListField } from '../domain/taxonomy/vocabularies.ts';
import { createDirectoryIndex } from './directory-index.ts';

const noCodes = Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, [] as string[]])) as Record<
  CodedListField,
  string[]
>;

function org(id: string, name: string, extra: Partial<IndexedOrg> = {}): IndexedOrg {
  return {
    id,
    name,
    description: '',
    skills: [],
    sizeRank: 0,
    teamingOpen: false,
    codes: noCodes,
    ...extra,
  };
}

function indexOf(...orgs: IndexedOrg[]) {
  const index = createDirectoryIndex();
  orgs.forEach((o) => index.upsert(o));
  return index;
}

const query = (q: Partial<DirectoryQuery>): DirectoryQuery => ({
  text: '',
  filters: {},
  sort: 'relevance',
  limit: 20,
  ...q,
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('directory index', () => {
  const index = indexOf(
    org('a', 'Contoso Cloud'),
    org('b', 'Fabrikam Clouds'),
    org('c', 'Cloudy Bay', { description: 'Contoso partner for data' }),
    org('d', 'Northwind', { skills: ['Cloud migration'] }),
  );

  it('prefix-matches the last word only, and ANDs the words', () => {
    expect(index.search(query({ text: 'clo', sort: 'name' })).ids).toEqual(['c', 'a', 'b', 'd']);
    expect(index.search(query({ text: 'clouds', sort: 'name' })).ids).toEqual(['b']);
    expect(index.search(query({ text: 'clouds fab', sort: 'name' })).ids).toEqual(['b']);
    expect(index.search(query({ text: 'contoso clou', sort: 'name' })).ids).toEqual(['c', 'a']);
    expect(index.search(query({ text: 'clou contoso', sort: 'name' })).ids).toEqual([]);
    expect(index.search(query({ text: 'cloud contoso', sort: 'name' })).ids).toEqual(['a']);
    expect(index.search(query({ text: 'nothing' })).total).toBe(0);
  });

  it('folds case and accents, and ignores stop words and punctuation', () => {
    const i = indexOf(org('m', 'Müller & Söhne IT'), org('n', 'The Other One'));
    expect(i.search(query({ text: 'MULLER soh' })).ids).toEqual(['m']);
    expect(i.search(query({ text: 'the other' })).ids).toEqual(['n']);
    expect(i.search(query({ text: 'it' })).ids).toEqual(['m']);
  });

  it('ranks a name match above a skill match above a description match', () => {
    const i = indexOf(
      org('desc', 'Alpha', { description: 'Azure experts' }),
      org('skill', 'Beta', { skills: ['Azure'] }),
      org('name', 'Gamma Azure'),
      org('none', 'Delta'),
    );
    expect(i.search(query({ text: 'azure' })).ids).toEqual(['name', 'skill', 'desc']);
  });

  it('ranks rarer words higher', () => {
    const i = indexOf(
      org('common', 'Data One', { description: 'sap' }),
      org('rare', 'Sap One', { description: 'data' }),
      org('x', 'Data Two'),
      org('y', 'Data Three'),
    );
    expect(i.search(query({ text: 'data sap' })).ids).toEqual(['rare', 'common']);
  });

  it('breaks ties by case-insensitive name, then id, whatever the insertion order', () => {
    const i = indexOf(
      org('3', 'acme'),
      org('1', 'ACME'),
      org('2', 'Acme'),
      org('0', 'Beta'),
      org('4', 'aardvark'),
    );
    expect(i.search(query({ sort: 'name' })).ids).toEqual(['4', '1', '2', '3', '0']);
    expect(i.search(query({ text: 'acme' })).ids).toEqual(['1', '2', '3']);
  });

  it('sorts by size, largest first, then by name', () => {
    const i = indexOf(
      org('s', 'Small', { sizeRank: 1 }),
      org('u', 'Unknown'),
      org('b', 'Big', { sizeRank: 6 }),
      org('a', 'Also big', { sizeRank: 6 }),
    );
    expect(i.search(query({ sort: 'size' })).ids).toEqual(['a', 'b', 's', 'u']);
  });

  it('filters any-of within a field and all-of across fields, with teaming', () => {
    const codes = (countries: string[], services: string[]) => ({
      ...noCodes,
      countries,
      services,
    });
    const i = indexOf(
      org('us', 'A', { codes: codes(['US'], ['Licensing']), teamingOpen: true }),
      org('de', 'B', { codes: codes(['DE'], ['Licensing']) }),
      org('fr', 'C', { codes: codes(['FR'], ['Integration']), teamingOpen: true }),
    );
    const page = i.search(query({ filters: { countries: ['US', 'FR'] } }));
    expect(page.ids).toEqual(['us', 'fr']);
    expect(page.facets.countries).toEqual([
      { code: 'FR', count: 1 },
      { code: 'US', count: 1 },
    ]);
    expect(page.facets.services).toEqual([
      { code: 'Integration', count: 1 },
      { code: 'Licensing', count: 1 },
    ]);
    expect(page.facets.teaming).toEqual([{ code: 'yes', count: 2 }]);
    expect(
      i.search(query({ filters: { countries: ['US', 'FR'], services: ['Licensing'] } })).ids,
    ).toEqual(['us']);
    expect(i.search(query({ teaming: false })).ids).toEqual(['de']);
    expect(i.search(query({ filters: { countries: ['ZZ'] } })).total).toBe(0);
    expect(i.search(query({ filters: { countries: ['JP'] } })).total).toBe(0);
    expect(i.search(query({ filters: { countries: ['JP', 'US'] } })).ids).toEqual(['us']);
    expect(i.search(query({ filters: { countries: ['JP', 'ZZ'] } })).total).toBe(0);
  });

  it('counts a repeated or unknown code once', () => {
    const codes = { ...noCodes, countries: ['US', 'US'], services: ['NotACode'] };
    const i = indexOf(org('a', 'A', { codes }), org('b', 'B'));
    const page = i.search(query({ filters: { countries: ['US'] } }));
    expect(page.ids).toEqual(['a']);
    expect(page.facets.countries).toEqual([{ code: 'US', count: 1 }]);
    expect(page.facets.services).toEqual([{ code: 'NotACode', count: 1 }]);
    i.remove('a');
    expect(i.search(query({})).facets.countries).toEqual([]);
  });

  it('shows an upsert at once and forgets the old data', () => {
    const i = indexOf(org('a', 'Old Name'), org('b', 'Other'));
    i.upsert(org('a', 'New Name'));
    expect(i.search(query({ text: 'old' })).total).toBe(0);
    expect(i.search(query({ text: 'new' })).ids).toEqual(['a']);
    i.remove('a');
    i.remove('missing');
    expect(i.search(query({ text: 'name' })).total).toBe(0);
    expect(i.size).toBe(1);
  });

  it('pages with cursors, each item exactly once', () => {
    const i = indexOf(...Array.from({ length: 45 }, (_, n) => org(`id${n}`, `Org ${n % 7}`)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = i.search(
        query({ sort: 'name', limit: 10, ...(cursor === null ? {} : { cursor }) }),
      );
      seen.push(...page.ids);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(45);
    expect(seen).toEqual(i.search(query({ sort: 'name', limit: 100 })).ids);
  });

  it('rejects a bad cursor or limit as a validation error', () => {
    const cursor = index.search(query({ sort: 'name', limit: 1 })).nextCursor!;
    const bad = [
      'not a cursor!',
      Buffer.from('{"x":1}').toString('base64url'),
      Buffer.from('["n",0,0,1,2]').toString('base64url'),
      '',
    ];
    for (const c of bad) {
      const e = errorOf(() => index.search(query({ sort: 'name', cursor: c })));
      expect(e.code).toBe('validation');
      expect(e.issues[0]?.path).toBe('cursor');
    }
    expect(errorOf(() => index.search(query({ sort: 'size', cursor }))).issues[0]?.path).toBe(
      'cursor',
    );
    for (const limit of [0, 101, 2.5]) {
      expect(errorOf(() => index.search(query({ limit }))).issues[0]?.path).toBe('limit');
    }
  });
});
