// The JSON snapshot format of data/fx/*.json: { source, base: "EUR", date, rates: { USD: "1.0832" } }.
// Rates are decimal strings so that they are read exactly. `circles fx import` writes this format.
import snapshot from '../../../data/fx/ecb-2026-11-27.json' with { type: 'json' };
import type { FieldIssue } from '../shared/errors.ts';
import { FX_BASE, type FxTable } from './fx.ts';
import { buildTable } from './fx-table-check.ts';
import type { Ratio } from './rational.ts';

export interface FxSnapshotJson {
  source: string;
  base: 'EUR';
  date: string;
  note?: string;
  rates: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed JSON snapshot; every problem comes back as a FieldIssue with its path. */
export function parseFxSnapshot(json: unknown): { table: FxTable | null; issues: FieldIssue[] } {
  if (!isRecord(json))
    return { table: null, issues: [{ path: '', message: 'Expected a JSON object' }] };
  const issues: FieldIssue[] = [];
  if (json.base !== FX_BASE)
    issues.push({ path: 'base', message: 'Only EUR-based tables are supported' });
  if (typeof json.date !== 'string')
    issues.push({ path: 'date', message: 'Required (YYYY-MM-DD)' });
  if (!isRecord(json.rates))
    issues.push({ path: 'rates', message: 'Expected an object of currency -> rate' });
  if (issues.length > 0 || typeof json.date !== 'string' || !isRecord(json.rates)) {
    return { table: null, issues };
  }
  const entries: [string, string][] = [];
  for (const [currency, rate] of Object.entries(json.rates)) {
    if (typeof rate === 'string') entries.push([currency, rate]);
    else
      issues.push({
        path: `rates.${currency}`,
        message: 'Rate must be a decimal string such as "1.0832"',
      });
  }
  const source = typeof json.source === 'string' ? json.source : 'unknown';
  const built = buildTable(json.date, source, entries, '');
  return { table: built.table, issues: [...issues, ...built.issues] };
}

function decimalText(r: Ratio): string {
  const digits = r.den.toString().length - 1; // den is a power of ten for parsed decimals
  const whole = r.num / r.den;
  if (digits === 0 || 10n ** BigInt(digits) !== r.den) return whole.toString();
  const frac = (r.num % r.den).toString().padStart(digits, '0');
  return `${whole}.${frac}`;
}

/** The snapshot JSON for a table (what the import command writes). */
export function toFxSnapshot(table: FxTable, note: string): FxSnapshotJson {
  const rates: Record<string, string> = {};
  for (const currency of [...table.rates.keys()].sort()) {
    const r = table.rates.get(currency);
    if (r !== undefined) rates[currency] = decimalText(r);
  }
  return { source: table.source, base: FX_BASE, date: table.date, note, rates };
}

function loadShipped(): FxTable {
  const { table, issues } = parseFxSnapshot(snapshot);
  if (table === null) {
    throw new Error(
      `Shipped FX snapshot is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return table;
}

/** The snapshot shipped in data/fx; newer imported tables take over through `pickTable`. */
export const SHIPPED_FX_TABLE: FxTable = loadShipped();
