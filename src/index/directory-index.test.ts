// The index against a brute-force reference over seeded random orgs: totals, facet counts and
// the full order of every sort (walked page by page through cursors), before and after churn.
import { describe, expect, it } from 'vitest';
import type {
  DirectoryQuery,
  DirectorySearcher,
  DirectorySort,
  FacetCount,
  FacetField,
  IndexedOrg,
} from '../domain/directory/directory-query.ts';
import {
  CODED_LIST_FIELDS,
  VOCABULARIES,
  type CodedListField,
} from '../domain/taxonomy/vocabularies.ts';
import { createDirectoryIndex } from './directory-index.ts';
import { tokenize } from './tokenize.ts';

// --- seeded random data -------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
/** Skewed pick: low indexes much more likely, like real directories (US, Azure, ...). */
const skewed = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * rng() * xs.length)]!;
const some = <T>(rng: Rng, xs: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: Math.floor(rng() * (max + 1)) }, () => skewed(rng, xs))),
];

// prettier-ignore
const NAME_A = ['Contoso', 'Fabrikam', 'Northwind', 'Adatum', 'Tailspin', 'Woodgrove', 'Litware', 'Müller', 'Ölund', 'acme', 'ACME', 'Acme'];
// prettier-ignore
const NAME_B = ['Cloud', 'Clouds', 'Data', 'Systems', 'Consulting', 'IT', 'Partners', 'Labs', '365', 'Digital'];
// prettier-ignore
const WORDS = ['azure', 'cloud', 'cloudy', 'clouded', 'migration', 'security', 'data', 'dataverse', 'analytics', 'power', 'platform', 'teams', 'modern', 'work', 'managed', 'services', 'service', 'devops', 'kubernetes', 'sap', 'dynamics', 'finance', 'supply', 'chain', 'retail', 'health', 'healthcare', 'education', 'government', 'the', 'and', 'of', 'a', 'ai', 'ml', 'copilot', 'identity', 'network', 'networking', 'backup', 'recovery', 'licensing', 'training', 'zürich', 'straße', 'café'];
const CODE_POOLS: Record<CodedListField, string[]> = Object.fromEntries(
  CODED_LIST_FIELDS.map((f) => [f, VOCABULARIES[f].map((e) => e.code)]),
) as Record<CodedListField, string[]>;
CODE_POOLS.countries = [
  'US',
  'GB',
  'DE',
  'FR',
  'NL',
  'IN',
  'AU',
  'CA',
  'BE',
  'SE',
  'DK',
  'NO',
  'IE',
  'CH',
  'AT',
];
CODE_POOLS.languages = ['en', 'de', 'fr', 'nl', 'es', 'it', 'sv', 'da'];

function randomOrg(rng: Rng, id: string): IndexedOrg {
  const codes = Object.fromEntries(
    CODED_LIST_FIELDS.map((f) => [f, some(rng, CODE_POOLS[f], f === 'products' ? 5 : 3)]),
  ) as Record<CodedListField, string[]>;
  if (rng() < 0.02) codes.services.push('NotInTheVocabulary');
  return {
    id,
    name: `${pick(rng, NAME_A)} ${rng() < 0.7 ? pick(rng, NAME_B) : ''}`.trim(),
    // Plus a rare word or two, so the word dictionary grows to thousands of words.
    description: [
      ...Array.from({ length: Math.floor(rng() * 14) }, () => skewed(rng, WORDS)),
      ...Array.from({ length: Math.floor(rng() * 3) }, () => `tag${Math.floor(rng() * 4000)}`),
    ].join(' '),
    skills: some(rng, WORDS, 3).map((w) => (rng() < 0.3 ? w.toUpperCase() : w)),
    sizeRank: Math.floor(rng() * 7),
    teamingOpen: rng() < 0.4,
    codes,
  };
}

const idOf = (i: number): string => `org-${String(i).padStart(6, '0')}`;

function randomQuery(rng: Rng): Omit<DirectoryQuery, 'limit' | 'cursor'> {
  const filters: DirectoryQuery['filters'] = {};
  for (let i = Math.floor(rng() * 3.5); i > 0; i--) {
    const field = pick(rng, CODED_LIST_FIELDS);
    filters[field] = some(rng, CODE_POOLS[field], 3);
  }
  const words = Array.from({ length: Math.floor(rng() * 3) }, () => skewed(rng, WORDS));
  const last = words.pop();
  if (last !== undefined)
    words.push(rng() < 0.5 ? last.slice(0, 1 + Math.floor(rng() * last.length)) : last);
  if (rng() < 0.15) words.push(pick(rng, NAME_A).toUpperCase());
  if (rng() < 0.1) words.push(`tag${Math.floor(rng() * 400)}`);
  const sort = pick<DirectorySort>(rng, ['relevance', 'name', 'size']);
  const teaming = rng() < 0.7 ? undefined : rng() < 0.5;
  return { text: words.join(' '), filters, sort, ...(teaming === undefined ? {} : { teaming }) };
}

// --- the reference --------------------------------------------------------------------------

const freqCache = new WeakMap<IndexedOrg, Map<string, number>>();

function wordFreqs(org: IndexedOrg): Map<string, number> {
  const cached = freqCache.get(org);
  if (cached !== undefined) return cached;
  const m = new Map<string, number>();
  freqCache.set(org, m);
  const add = (text: string, w: number) => {
    for (const t of tokenize(text)) m.set(t, Math.min(255, (m.get(t) ?? 0) + w));
  };
  add(org.name, 3);
  org.skills.forEach((s) => add(s, 2));
  add(org.description, 1);
  return m;
}

// Document frequencies of the live orgs, recomputed only when the set of org objects changes.
let dfCache: { orgs: readonly IndexedOrg[]; df: Map<string, number> } | null = null;

function docFreqs(live: readonly IndexedOrg[]): Map<string, number> {
  const same = dfCache?.orgs.length === live.length && dfCache.orgs.every((o, i) => o === live[i]);
  if (same) return dfCache!.df;
  const df = new Map<string, number>();
  for (const o of live) for (const w of wordFreqs(o).keys()) df.set(w, (df.get(w) ?? 0) + 1);
  dfCache = { orgs: live, df };
  return df;
}

interface Expected {
  ids: string[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
}

function reference(
  orgs: ReadonlyMap<string, IndexedOrg>,
  q: Omit<DirectoryQuery, 'limit'>,
): Expected {
  const live = [...orgs.values()];
  const freqs = new Map(live.map((o) => [o.id, wordFreqs(o)]));
  const df = docFreqs(live);
  const wordScore = (w: string, tf: number) => {
    const d = df.get(w)!;
    const idf = Math.log(1 + (live.length - d + 0.5) / (d + 0.5));
    return Math.round(1000 * idf * ((tf * 2.2) / (tf + 1.2)));
  };
  const words = tokenize(q.text);
  const prefix = words.pop();
  const exact = [...new Set(words)];
  const scores = new Map<string, number>();
  const matched = live.filter((o) => {
    for (const field of CODED_LIST_FIELDS) {
      const want = q.filters[field];
      if (want !== undefined && want.length > 0 && !o.codes[field].some((c) => want.includes(c)))
        return false;
    }
    if (q.teaming !== undefined && o.teamingOpen !== q.teaming) return false;
    if (prefix === undefined) return true;
    const f = freqs.get(o.id)!;
    if (!exact.every((w) => f.has(w))) return false;
    const best = Math.max(
      -1,
      ...[...f].filter(([w]) => w.startsWith(prefix)).map(([w, tf]) => wordScore(w, tf)),
    );
    if (best < 0) return false;
    scores.set(
      o.id,
      exact.reduce((s, w) => s + wordScore(w, f.get(w)!), best),
    );
    return true;
  });
  const byName = (a: IndexedOrg, b: IndexedOrg) =>
    cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id);
  const order =
    q.sort === 'size'
      ? (a: IndexedOrg, b: IndexedOrg) => b.sizeRank - a.sizeRank || byName(a, b)
      : q.sort === 'relevance' && prefix !== undefined
        ? (a: IndexedOrg, b: IndexedOrg) => scores.get(b.id)! - scores.get(a.id)! || byName(a, b)
        : byName;
  return {
    ids: matched.sort(order).map((o) => o.id),
    total: matched.length,
    facets: facetsOf(matched),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function facetsOf(orgs: readonly IndexedOrg[]): Record<FacetField, FacetCount[]> {
  const count = (codesOf: (o: IndexedOrg) => readonly string[]): FacetCount[] => {
    const m = new Map<string, number>();
    for (const o of orgs) for (const c of new Set(codesOf(o))) m.set(c, (m.get(c) ?? 0) + 1);
    return [...m]
      .map(([code, n]) => ({ code, count: n }))
      .sort((a, b) => b.count - a.count || cmp(a.code, b.code));
  };
  const facets = Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, count((o) => o.codes[f])]));
  return { ...facets, teaming: count((o) => [o.teamingOpen ? 'yes' : 'no']) } as Record<
    FacetField,
    FacetCount[]
  >;
}

// --- comparing ------------------------------------------------------------------------------

/** Walks every page of `q` and checks each against the reference; returns the pages walked. */
function expectSameAsReference(
  index: DirectorySearcher,
  orgs: ReadonlyMap<string, IndexedOrg>,
  q: Omit<DirectoryQuery, 'limit' | 'cursor'>,
  limit: number,
): number {
  const want = reference(orgs, q);
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = index.search({ ...q, limit, ...(cursor === undefined ? {} : { cursor }) });
    expect(page.total, JSON.stringify(q)).toBe(want.total);
    if (pages === 0) expect(page.facets, JSON.stringify(q)).toEqual(want.facets);
    expect(page.ids.length).toBeLessThanOrEqual(limit);
    seen.push(...page.ids);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor !== undefined && pages <= want.total + 1);
  expect(seen, JSON.stringify(q)).toEqual(want.ids);
  return pages;
}

describe('directory index against a brute-force reference', () => {
  const rng = mulberry32(20240611);
  const orgs = new Map<string, IndexedOrg>();
  const index = createDirectoryIndex(16);
  for (let i = 0; i < 3000; i++) {
    const org = randomOrg(rng, idOf(i));
    orgs.set(org.id, org);
    index.upsert(org);
  }

  it('has every org', () => {
    expect(index.size).toBe(3000);
  });

  it('answers 300 random queries like the reference, in every sort, page by page', () => {
    let multiPage = 0;
    for (let i = 0; i < 300; i++) {
      const pages = expectSameAsReference(
        index,
        orgs,
        randomQuery(rng),
        1 + Math.floor(rng() * 60),
      );
      if (pages > 1) multiPage++;
    }
    expect(multiPage).toBeGreaterThan(100);
  });

  it('answers the unfiltered query with all orgs and the totals as facets', () => {
    for (const sort of ['relevance', 'name', 'size'] as const) {
      expectSameAsReference(index, orgs, { text: '', filters: {}, sort }, 100);
    }
  });

  it('reflects upserts and removals immediately, through compactions', () => {
    // Rewriting every org leaves half the docs dead: the index compacts on the last upsert.
    for (let i = 0; i < 3000; i++) {
      const org = randomOrg(rng, idOf(i));
      orgs.set(org.id, org);
      index.upsert(org);
      if (i % 500 === 499) expectSameAsReference(index, orgs, randomQuery(rng), 30);
    }
    for (const sort of ['relevance', 'name', 'size'] as const) {
      expectSameAsReference(index, orgs, { text: 'cloud', filters: {}, sort }, 50);
    }
    let next = 3000;
    for (let step = 1; step <= 4000; step++) {
      const r = rng();
      const existing = idOf(Math.floor(rng() * next));
      if (r < 0.5) {
        const org = randomOrg(rng, existing);
        orgs.set(existing, org);
        index.upsert(org);
      } else if (r < 0.8) {
        orgs.delete(existing);
        index.remove(existing);
      } else {
        const org = randomOrg(rng, idOf(next++));
        orgs.set(org.id, org);
        index.upsert(org);
      }
      expect(index.size).toBe(orgs.size);
      if (step % 200 === 0) expectSameAsReference(index, orgs, randomQuery(rng), 25);
    }
    for (let i = 0; i < 40; i++)
      expectSameAsReference(index, orgs, randomQuery(rng), 1 + Math.floor(rng() * 40));
  });
});
