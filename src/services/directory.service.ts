// Directory search: the in-memory index answers, the store supplies the records of one page.
import { streamIndexedOrgs } from '../db/repos/org-index.repo.ts';
import type { DirectoryQuery, FacetCount, FacetField } from '../domain/directory/directory-query.ts';
import type { Org } from '../domain/profile/profile.ts';
import { validationError, type FieldIssue } from '../domain/shared/errors.ts';
import { checkCodes } from '../domain/taxonomy/check-codes.ts';
import { CODED_LIST_FIELDS } from '../domain/taxonomy/vocabularies.ts';
import type { ServiceDeps } from './deps.ts';
import { getOrgs } from './orgs.service.ts';

export interface DirectoryResult {
  orgs: Org[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
  nextCursor: string | null;
}

/** `paths` names the request parameter behind each field, so errors point at what the caller sent. */
export async function searchDirectory(
  deps: ServiceDeps,
  query: DirectoryQuery,
  paths: Partial<Record<string, string>> = {},
): Promise<DirectoryResult> {
  const issues: FieldIssue[] = [];
  for (const field of CODED_LIST_FIELDS) {
    const values = query.filters[field];
    if (values !== undefined) issues.push(...checkCodes(field, values, paths[field] ?? field));
  }
  if (issues.length > 0) throw validationError(issues, 'Unknown filter codes');
  const page = deps.directory.search(query);
  const orgs = await getOrgs(deps, page.ids);
  return { orgs, total: page.total, facets: page.facets, nextCursor: page.nextCursor };
}

export interface DirectoryLoad {
  /** Orgs the index holds. */
  orgs: number;
  /** The latest updated_at read ('' for an empty store): where the multi-process sync catches up from. */
  latest: string;
}

/** Fills the index from the store at start-up through the lean index read and the bulk path. */
export async function loadDirectory(deps: ServiceDeps): Promise<DirectoryLoad> {
  let latest = '';
  for await (const page of streamIndexedOrgs(deps.db, deps.storeKind)) {
    deps.directory.upsertMany(page.orgs);
    if (page.latest > latest) latest = page.latest;
  }
  return { orgs: deps.directory.size, latest };
}
