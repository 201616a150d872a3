import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreKind } from './connect.ts';
import type { Database } from './schema.ts';
import * as m001 from './migrations/001-init.ts';
import * as m002 from './migrations/002-deals.ts';
import * as m003 from './migrations/003-org-index-projection.ts';
import * as m004 from './migrations/004-circles.ts';
import * as m005 from './migrations/005-fees.ts';
import * as m006 from './migrations/006-webhooks.ts';

// Migrations are listed here, in order, so they ship with the code (no directory scanning).
const MIGRATIONS: Record<string, Migration> = {
  '001-init': m001,
  '002-deals': m002,
  '003-org-index-projection': m003,
  '004-circles': m004,
  '005-fees': m005,
  '006-webhooks': m006,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

export interface MigrateResult {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>, kind: StoreKind): Promise<MigrateResult> {
  // On PostgreSQL, keep Kysely's bookkeeping tables in the current schema: without this it looks
  // for them across all schemas and skips creating its own when another schema has them.
  const schema =
    kind === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    // Numbers are reserved per feature and may land out of order; each migration stands alone.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error(`Migration failed: ${JSON.stringify(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
