// Shared checks for rate tables, whichever file format they came from.
import type { FieldIssue } from '../shared/errors.ts';
import { FX_BASE, type FxTable } from './fx.ts';
import { currencyDigits } from './money.ts';
import { parseDecimal, type Ratio } from './rational.ts';
import { isIsoDate } from './iso-date.ts';

export const joinPath = (prefix: string, key: string): string =>
  prefix === '' ? key : `${prefix}.${key}`;

/** One rate given as decimal text: a known currency other than EUR, a positive exact decimal. */
export function checkRate(currency: string, text: string, path: string): Ratio | FieldIssue {
  if (currency === FX_BASE) return { path, message: 'EUR is the base and has no rate' };
  if (currencyDigits(currency) === null) {
    return { path, message: `Unknown currency "${currency}"; expected an ISO 4217 code` };
  }
  const r = parseDecimal(text);
  if (r === null || r.num <= 0n) {
    return { path, message: `Rate must be a positive decimal such as 1.0832, got "${text}"` };
  }
  return r;
}

/** Builds a table from (currency, rate text) pairs, collecting issues instead of failing on the first. */
export function buildTable(
  date: string,
  source: string,
  entries: Iterable<readonly [string, string]>,
  path: string,
): { table: FxTable | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isIsoDate(date))
    issues.push({ path: joinPath(path, 'date'), message: `Not a date (YYYY-MM-DD): "${date}"` });
  const rates = new Map<string, Ratio>();
  for (const [currency, text] of entries) {
    const where = joinPath(path, `rates.${currency}`);
    if (rates.has(currency)) {
      issues.push({ path: where, message: 'Given twice' });
      continue;
    }
    const r = checkRate(currency, text, where);
    if ('path' in r) issues.push(r);
    else rates.set(currency, r);
  }
  if (rates.size === 0) issues.push({ path: joinPath(path, 'rates'), message: 'No rates' });
  return issues.length > 0 ? { table: null, issues } : { table: { date, source, rates }, issues };
}
