// FX rate tables: the snapshot shipped in data/fx is the default; tables imported from ECB CSV
// files are kept in the store (so every process sees them) and take over from their date on.
import {
  findFxTableRow,
  listFxTableDates,
  upsertFxTables,
  type FxTableRow,
} from '../db/repos/fx.repo.ts';
import { parseEcbCsv } from '../domain/deals/fx-ecb-csv.ts';
import { SHIPPED_FX_TABLE, toFxSnapshot } from '../domain/deals/fx-snapshot.ts';
import { buildTable } from '../domain/deals/fx-table-check.ts';
import { currenciesOf, type FxTable } from '../domain/deals/fx.ts';
import { AppError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import type { ServiceDeps } from './deps.ts';

export interface KnownFxTable {
  table: FxTable;
  shipped: boolean;
}

function fromRow(row: FxTableRow): KnownFxTable | null {
  const built = buildTable(row.date, row.source, Object.entries(row.rates), '');
  return built.table === null ? null : { table: built.table, shipped: false };
}

const SHIPPED: KnownFxTable = { table: SHIPPED_FX_TABLE, shipped: true };

/**
 * The table for conversions at `at`: the newest dated on or before its day (an imported table of
 * the shipped snapshot's date replaces it); null when every table is newer.
 */
export async function fxTableAt(
  deps: Pick<ServiceDeps, 'db'>,
  at: Date,
): Promise<KnownFxTable | null> {
  const day = at.toISOString().slice(0, 10);
  const row = await findFxTableRow(deps.db, day);
  const imported = row === undefined ? null : fromRow(row);
  const shipped = SHIPPED_FX_TABLE.date <= day ? SHIPPED : null;
  if (imported === null) return shipped;
  if (shipped === null) return imported;
  return imported.table.date >= shipped.table.date ? imported : shipped;
}

/** The table in use now; when every table is dated later (a clock in the past), the oldest. */
export async function currentFxTable(deps: ServiceDeps): Promise<KnownFxTable> {
  const now = await fxTableAt(deps, deps.now());
  if (now !== null) return now;
  const oldest = await findFxTableRow(deps.db, null);
  const imported = oldest === undefined ? null : fromRow(oldest);
  return imported !== null && imported.table.date < SHIPPED_FX_TABLE.date ? imported : SHIPPED;
}

export interface FxOverview {
  current: KnownFxTable;
  currencies: string[];
  /** Every table known, newest first. */
  tables: { date: string; source: string; shipped: boolean }[];
}

export async function fxOverview(deps: ServiceDeps): Promise<FxOverview> {
  const current = await currentFxTable(deps);
  const imported = (await listFxTableDates(deps.db)).map((t) => ({ ...t, shipped: false }));
  const tables = imported.some((t) => t.date === SHIPPED_FX_TABLE.date)
    ? imported
    : [
        ...imported,
        { date: SHIPPED_FX_TABLE.date, source: SHIPPED_FX_TABLE.source, shipped: true },
      ];
  tables.sort((a, b) => (a.date < b.date ? 1 : -1));
  return { current, currencies: currenciesOf(current.table), tables };
}

const MAX_ISSUES_SHOWN = 3;

export interface FxImportResult {
  dates: string[];
  skippedCurrencies: string[];
}

/** Imports an ECB CSV (daily or history); any bad row rejects the whole file. */
export async function importEcbCsv(deps: ServiceDeps, text: string): Promise<FxImportResult> {
  const parsed = parseEcbCsv(text);
  if (parsed.issues.length > 0 || parsed.tables.length === 0) {
    const more = parsed.issues.length - MAX_ISSUES_SHOWN;
    const shown = parsed.issues.slice(0, MAX_ISSUES_SHOWN);
    const suffix = more > 0 ? ` (and ${more} more)` : '';
    throw new AppError(
      'validation',
      `Not a valid ECB rates file: ${parsed.issues.length} problem(s)${suffix}`,
      shown,
    );
  }
  const importedAt = deps.now().toISOString();
  const rows = parsed.tables.map((t) => ({
    date: t.date,
    source: t.source,
    rates: toFxSnapshot(t, '').rates,
    importedAt,
  }));
  await deps.db.transaction().execute(async (trx) => {
    await upsertFxTables(trx, rows);
    await recordAudit(
      trx,
      deps,
      null,
      { requestId: null },
      {
        action: 'fx.imported',
        targetType: 'fx_table',
        targetId: rows[0]?.date ?? null,
        orgId: null,
        details: { dates: rows.length, newest: rows[0]?.date ?? null },
      },
    );
  });
  return { dates: rows.map((r) => r.date), skippedCurrencies: parsed.skippedCurrencies };
}
