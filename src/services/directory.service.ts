// Directory search: the in-memory index answers, the store supplies the records of one page.
import { streamOrgs } from '../db/repos/orgs.repo.ts';
import type { DirectoryQuery, FacetCount, FacetField } from '../domain/directory/directory-query.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
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

/** Fills the index from the store at start-up; returns how many orgs it holds. */
export async function loadDirectory(deps: ServiceDeps): Promise<number> {
  for await (const page of streamOrgs(deps.db)) {
    for (const org of page) deps.directory.upsert(toIndexedOrg(org));
  }
  return deps.directory.size;
}
