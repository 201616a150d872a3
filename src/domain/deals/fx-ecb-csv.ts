// Reads the ECB's published CSV files: the daily eurofxref.csv ("Date, USD, JPY, ...,"; dates like
// "27 November 2026") and the history eurofxref-hist.csv (ISO dates, "N/A" for unquoted days).
// Both have a trailing comma on every line. One table per data row.
import { parse } from 'csv-parse/sync';
import type { FieldIssue } from '../shared/errors.ts';
import type { FxTable } from './fx.ts';
import { currencyDigits } from './money.ts';
import { buildTable } from './fx-table-check.ts';
import { isIsoDate } from './iso-date.ts';

export const ECB_SOURCE = 'ECB euro foreign exchange reference rates';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "27 November 2026" or "2026-11-27" -> "2026-11-27"; null otherwise. */
export function ecbDate(text: string): string | null {
  if (isIsoDate(text)) return text;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim());
  if (m === null) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

// The history file keeps columns for currencies since replaced by the euro or redenominated
// (CYP, ROL, TRL ...): they cannot be converted with today's minor units, so they are skipped.
const isCurrent = (currency: string): boolean => currencyDigits(currency) !== null;

function readRows(text: string): string[][] | FieldIssue {
  try {
    return parse(text, { trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    return {
      path: '',
      message: `Not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

function rowToTable(header: readonly string[], row: readonly string[], index: number) {
  const path = `rows[${index}]`;
  const date = ecbDate(row[0] ?? '');
  if (date === null) {
    return {
      table: null,
      issues: [{ path: `${path}.Date`, message: `Not an ECB date: "${row[0] ?? ''}"` }],
    };
  }
  const entries: [string, string][] = [];
  header.forEach((currency, col) => {
    const value = row[col] ?? '';
    if (col === 0 || !isCurrent(currency) || value === '' || value === 'N/A') return;
    entries.push([currency, value]);
  });
  return buildTable(date, ECB_SOURCE, entries, path);
}

export interface EcbImport {
  /** Newest first. */
  tables: FxTable[];
  issues: FieldIssue[];
  /** Header currencies that are no longer ISO 4217 codes, left out of every table. */
  skippedCurrencies: string[];
}

/** Parses ECB CSV text into tables; any issue in any row is reported with its path. */
export function parseEcbCsv(text: string): EcbImport {
  const rows = readRows(text);
  if (!Array.isArray(rows)) return { tables: [], issues: [rows], skippedCurrencies: [] };
  const [header, ...data] = rows;
  if (header === undefined || header[0] !== 'Date' || data.length === 0) {
    const message = 'Expected a "Date, USD, JPY, ..." header and at least one row';
    return { tables: [], issues: [{ path: '', message }], skippedCurrencies: [] };
  }
  const tables: FxTable[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  data.forEach((row, i) => {
    const built = rowToTable(header, row, i);
    issues.push(...built.issues);
    if (built.table === null) return;
    if (seen.has(built.table.date)) {
      issues.push({ path: `rows[${i}].Date`, message: `Date ${built.table.date} appears twice` });
    }
    seen.add(built.table.date);
    tables.push(built.table);
  });
  const skippedCurrencies = header.slice(1).filter((c) => c !== '' && !isCurrent(c));
  return { tables: tables.sort((a, b) => (a.date < b.date ? 1 : -1)), issues, skippedCurrencies };
}
