// Imported FX rate tables (the shipped snapshot lives in data/fx and is not stored here).
import type { Kysely } from 'kysely';
import type { Database, FxTablesTable } from '../schema.ts';

export interface FxTableRow {
  date: string;
  source: string;
  /** Currency -> units per 1 EUR as exact decimal text. */
  rates: Record<string, string>;
  importedAt: string;
}

const toRow = (r: FxTablesTable): FxTableRow => ({
  date: r.date,
  source: r.source,
  rates: JSON.parse(r.rates) as Record<string, string>,
  importedAt: r.imported_at,
});

/** The newest table dated on or before `day` (YYYY-MM-DD), or the oldest one when `day` is null. */
export async function findFxTableRow(
  db: Kysely<Database>,
  day: string | null,
): Promise<FxTableRow | undefined> {
  const q = db.selectFrom('fx_tables').selectAll();
  const row =
    day === null
      ? await q.orderBy('date', 'asc').limit(1).executeTakeFirst()
      : await q.where('date', '<=', day).orderBy('date', 'desc').limit(1).executeTakeFirst();
  return row === undefined ? undefined : toRow(row);
}

/** Dates and sources of every imported table, newest first (no rates: there may be thousands). */
export async function listFxTableDates(
  db: Kysely<Database>,
): Promise<{ date: string; source: string }[]> {
  return db.selectFrom('fx_tables').select(['date', 'source']).orderBy('date', 'desc').execute();
}

/** Inserts or replaces the tables of these dates (a re-import of a corrected file wins). */
export async function upsertFxTables(
  db: Kysely<Database>,
  tables: readonly FxTableRow[],
): Promise<void> {
  for (const t of tables) {
    const values = {
      date: t.date,
      source: t.source,
      rates: JSON.stringify(t.rates),
      imported_at: t.importedAt,
    };
    await db
      .insertInto('fx_tables')
      .values(values)
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({
          source: values.source,
          rates: values.rates,
          imported_at: values.imported_at,
        }),
      )
      .execute();
  }
}
