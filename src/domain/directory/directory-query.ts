// What a directory search asks and answers, independent of how it is executed
// (the in-memory index serves it; SQL baselines in bench/ answer the same question).
import type { CodedListField } from '../taxonomy/vocabularies.ts';

export type DirectorySort = 'relevance' | 'name' | 'size';

/** Facets are counted for every coded field, plus teaming (open / not open). */
export type FacetField = CodedListField | 'teaming';

export interface DirectoryQuery {
  /** Free text over name, description and skills; words are ANDed, the last one prefix-matched. */
  text: string;
  /** Any-of within a field, all-of across fields. */
  filters: Partial<Record<CodedListField, readonly string[]>>;
  /** true: only orgs open to teaming; false: only those not open; undefined: both. */
  teaming?: boolean;
  sort: DirectorySort;
  limit: number;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor?: string;
}

export interface FacetCount {
  code: string;
  count: number;
}

export interface DirectoryPage {
  /** Org ids of this page, in sort order. */
  ids: string[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
  nextCursor: string | null;
}

/** The searchable part of an org, as the index keeps it. */
export interface IndexedOrg {
  id: string;
  /** The stored org's version: an upsert never replaces a newer version with an older one. */
  version?: number;
  name: string;
  description: string;
  skills: readonly string[];
  /** 0 = unknown, 1 = smallest band ... 6 = largest. */
  sizeRank: number;
  teamingOpen: boolean;
  codes: Readonly<Record<CodedListField, readonly string[]>>;
  /** Consultants available now (matching's capacity factor); 0 when absent. */
  availableConsultants?: number;
}

export interface DirectorySearcher {
  search(q: DirectoryQuery): DirectoryPage;
  upsert(org: IndexedOrg): void;
  /** Upserts many at once (the start-up load); the sort orders are built once, at the next search. */
  upsertMany(orgs: readonly IndexedOrg[]): void;
  remove(id: string): void;
  /** The version held for an org: -1 when absent, 0 when it came without one. */
  versionOf(id: string): number;
  readonly size: number;
}
