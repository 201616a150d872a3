// Every store test runs on SQLite and on PostgreSQL (TEST_DATABASE_URL). Each call gets a fresh,
// migrated database: a temp SQLite file, or a PostgreSQL schema of its own, dropped on close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, type Store, type StoreKind } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const pgUrl = process.env.TEST_DATABASE_URL ?? null;

/** Store kinds to run; PostgreSQL is listed but marked skipped when TEST_DATABASE_URL is unset. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

export function storeAvailable(kind: StoreKind): boolean {
  return kind === 'sqlite' || pgUrl !== null;
}

export async function openTestStore(kind: StoreKind): Promise<Store> {
  const store = kind === 'sqlite' ? freshSqlite() : await freshPostgres();
  await migrateToLatest(store.db, store.kind);
  return store;
}

function freshSqlite(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'circles-test-'));
  const store = openSqlite(join(dir, 'test.db'));
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(): Promise<Store> {
  if (pgUrl === null) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = openPostgres(pgUrl, { schema, max: 5 });
  return {
    ...store,
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
