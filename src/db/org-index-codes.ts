// The coded lists of a profile as one JSON text on the org row (orgs.index_codes): what the
// directory index loads at start-up instead of ~20 org_codes rows per org. org_codes stays the
// queryable form; the repo writes both in the same transaction. Keyed by field name (not by
// position) so that adding a coded field later only needs a backfill, never a format change.
import type { CodedLists } from '../domain/profile/profile.ts';
import { CODED_LIST_FIELDS } from '../domain/taxonomy/vocabularies.ts';

/** Deduplicated, sorted codes per non-empty field (the order findOrg returns them in). */
export function encodeIndexCodes(
  lists: Readonly<Record<keyof CodedLists, readonly string[]>>,
): string {
  const out: Partial<Record<keyof CodedLists, string[]>> = {};
  for (const field of CODED_LIST_FIELDS) {
    const codes = lists[field];
    if (codes.length > 0) out[field] = [...new Set(codes)].sort();
  }
  return JSON.stringify(out);
}

export function decodeIndexCodes(text: string): CodedLists {
  const stored = JSON.parse(text) as Partial<CodedLists>;
  return {
    countries: stored.countries ?? [],
    languages: stored.languages ?? [],
    partnerTypes: stored.partnerTypes ?? [],
    services: stored.services ?? [],
    products: stored.products ?? [],
    industries: stored.industries ?? [],
    customerSizes: stored.customerSizes ?? [],
    solutionAreas: stored.solutionAreas ?? [],
    designations: stored.designations ?? [],
    specializations: stored.specializations ?? [],
  };
}
