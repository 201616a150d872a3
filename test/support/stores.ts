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
  if (kind === 'sqlite') {
    const store = freshSqlite();
    await migrateToLatest(store.db, store.kind);
    return store;
  }
  return freshPostgres();
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

// Kysely's migrator lists tables across all schemas; while another test file creates or drops its
// schema that listing can fail. One advisory lock serialises schema set-up and tear-down.
const SCHEMA_LOCK = 7_311_001;

async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgUrl ?? '' });
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(c);
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await c.end();
  }
}

async function freshPostgres(): Promise<Store> {
  if (pgUrl === null) throw new Error('TEST_DATABASE_URL is not set');
  const url = pgUrl;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await withSchemaLock(async (c) => {
    await c.query(`CREATE SCHEMA ${schema}`);
    const opened = openPostgres(url, { schema, max: 5 });
    await migrateToLatest(opened.db, opened.kind);
    return opened;
  });
  return {
    ...store,
    close: async () => {
      await store.close();
      await withSchemaLock((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}
