// Exports every organization as CSV (the import format, so it round-trips) or as a JSON array,
// streamed page by page with backpressure: memory stays flat however many orgs there are.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { streamOrgs } from '../db/repos/orgs.repo.ts';
import type { Org } from '../domain/profile/profile.ts';
import { CODED_LIST_FIELDS, codesOf } from '../domain/taxonomy/vocabularies.ts';
import type { ServiceDeps } from './deps.ts';
import { ORG_CSV_COLUMNS, orgToRow } from './org-csv.ts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

// Codes come back from the store in no particular order; list them in vocabulary order
// (customer sizes small to large, countries A-Z), so exports are stable and readable.
const vocabularyOrder = new Map(
  CODED_LIST_FIELDS.map((f) => [f, new Map(codesOf(f).map((code, i) => [code, i]))] as const),
);

function withSortedCodes(org: Org): Org {
  const sorted = { ...org };
  for (const f of CODED_LIST_FIELDS) {
    const rank = vocabularyOrder.get(f);
    const at = (code: string) => rank?.get(code) ?? Number.MAX_SAFE_INTEGER;
    sorted[f] = [...org[f]].sort((a, b) => at(a) - at(b) || a.localeCompare(b));
  }
  return sorted;
}

/** Writes all orgs to `out` (which the caller ends); returns how many. */
export async function exportOrgs(
  deps: ServiceDeps,
  out: Writable,
  format: ExportFormat,
): Promise<{ count: number }> {
  let count = 0;
  if (format === 'csv') await write(out, stringify([[...ORG_CSV_COLUMNS]]));
  else await write(out, '[');
  for await (const page of streamOrgs(deps.db)) {
    const orgs = page.map(withSortedCodes);
    if (format === 'csv') {
      await write(out, stringify(orgs.map(orgToRow), { columns: [...ORG_CSV_COLUMNS] }));
    } else {
      const items = orgs.map((o, i) => `${count + i === 0 ? '\n' : ',\n'}${JSON.stringify(o)}`);
      await write(out, items.join(''));
    }
    count += page.length;
  }
  if (format === 'json') await write(out, count === 0 ? ']\n' : '\n]\n');
  return { count };
}
