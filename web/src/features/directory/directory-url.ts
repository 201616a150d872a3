// The directory's state lives in the page URL (shareable, bookmarkable, back-button friendly) and
// uses the API's own parameter names, so the URL query is the API query.
import {
  DIRECTORY_FILTERS,
  FACET_PARAMS,
  type DirectoryFilterParam,
} from '@contract/orgs.contract.ts';
import type { VocabularyName } from '../../lib/vocabularies.ts';

export type FacetParam = (typeof FACET_PARAMS)[number];
export type Sort = 'relevance' | 'name' | 'size';

export const FILTER_PARAMS = Object.keys(DIRECTORY_FILTERS) as DirectoryFilterParam[];
const SORTS: readonly Sort[] = ['relevance', 'name', 'size'];

export interface DirectoryState {
  q: string;
  filters: Partial<Record<FacetParam, string[]>>;
  sort: Sort;
}

export const FACET_TITLES: Record<FacetParam, string> = {
  country: 'Countries served',
  language: 'Languages',
  partnerType: 'Partner type',
  service: 'Services',
  product: 'Products',
  industry: 'Industries',
  customerSize: 'Customer size',
  solutionArea: 'Solution areas',
  designation: 'Designations',
  specialization: 'Specializations',
  teaming: 'Teaming',
};

const TEAMING_LABELS: Record<string, string> = {
  yes: 'Open to teaming',
  no: 'Not open to teaming',
};

/** Label of a facet value, from the vocabularies (teaming has its own two values). */
export function facetLabel(
  param: FacetParam,
  code: string,
  label: (name: VocabularyName, code: string) => string,
): string {
  if (param === 'teaming') return TEAMING_LABELS[code] ?? code;
  return label(DIRECTORY_FILTERS[param], code);
}

export function parseDirectoryState(search: string): DirectoryState {
  const p = new URLSearchParams(search);
  const filters: DirectoryState['filters'] = {};
  for (const param of FACET_PARAMS) {
    const values = p
      .getAll(param)
      .flatMap((v) => v.split(','))
      .filter((v) => v !== '');
    if (values.length > 0) filters[param] = [...new Set(values)];
  }
  const sort = p.get('sort');
  return {
    q: p.get('q') ?? '',
    filters,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
  };
}

/** The canonical query string (stable order), used for the URL, the API call and as a cache key. */
export function toSearch(s: DirectoryState): string {
  const p = new URLSearchParams();
  if (s.q.trim() !== '') p.set('q', s.q.trim());
  for (const param of FACET_PARAMS) for (const v of s.filters[param] ?? []) p.append(param, v);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  const qs = p.toString();
  return qs === '' ? '' : `?${qs}`;
}

export function toggleFilter(s: DirectoryState, param: FacetParam, code: string): DirectoryState {
  const current = s.filters[param] ?? [];
  // Teaming is yes-or-no: choosing one value replaces the other.
  const next = current.includes(code)
    ? current.filter((c) => c !== code)
    : param === 'teaming'
      ? [code]
      : [...current, code];
  return { ...s, filters: { ...s.filters, [param]: next } };
}

export const activeFilterCount = (s: DirectoryState): number =>
  Object.values(s.filters).reduce((n, v) => n + v.length, 0);
