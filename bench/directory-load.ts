// Loads the demo ecosystem into fresh stores for the directory benchmark, and adds the
// bench-only structures the SQL baselines need: a case-folded name column with an index (the
// name sort), and a full-text index (FTS5 on SQLite, a tsvector GIN index on PostgreSQL).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, openSqlite, type Store } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertOrgs, type NewOrg } from '../src/db/repos/orgs.repo.ts';
import { generateOrgs } from '../src/domain/demo/generate-orgs.ts';

export const BENCH_SEED = 42;
const BATCH = 10_000;
const CREATED_AT = '2024-06-01T00:00:00.000Z';

export interface BenchStore {
  store: Store;
  /** Milliseconds spent inserting (the store's share of the load). */
  loadMs: number;
  /** Milliseconds spent on bench-only indexes. */
  ddlMs: number;
  dispose(): Promise<void>;
}

export async function freshSqlite(): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'circles-bench-'));
  const store = openSqlite(join(dir, 'bench.db'));
  // A throwaway database: trade durability for load speed, and cache the B-trees being filled.
  store.sqlite!.pragma('synchronous = OFF');
  store.sqlite!.pragma('cache_size = -1048576');
  await migrateToLatest(store.db, store.kind);
  const dispose = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, loadMs: 0, ddlMs: 0, dispose };
}

export async function freshPostgres(url: string): Promise<BenchStore> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  // One connection, so the session setting below holds for every statement.
  const store = openPostgres(url, { schema, max: 1 });
  await sql`SET synchronous_commit = off`.execute(store.db);
  await migrateToLatest(store.db, store.kind);
  const dispose = async () => {
    await store.close();
    await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
  };
  return { store, loadMs: 0, ddlMs: 0, dispose };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Generates `count` orgs once and inserts them into every store, in big transactions. */
export async function loadOrgs(count: number, stores: readonly BenchStore[]): Promise<number> {
  let generateMs = 0;
  let batch: NewOrg[] = [];
  const flush = async () => {
    for (const s of stores) {
      const start = performance.now();
      await s.store.db.transaction().execute((trx) => insertOrgs(trx, batch));
      s.loadMs += performance.now() - start;
    }
    batch = [];
  };
  let start = performance.now();
  for (const { id, profile } of generateOrgs({ count, seed: BENCH_SEED })) {
    batch.push({ id, profile, at: CREATED_AT });
    if (batch.length === BATCH) {
      generateMs += performance.now() - start;
      await flush();
      start = performance.now();
    }
  }
  generateMs += performance.now() - start;
  if (batch.length > 0) await flush();
  return generateMs;
}

/** Bench-only DDL for the SQLite baseline. */
export async function prepareSqlite(s: BenchStore): Promise<void> {
  const start = performance.now();
  const raw = s.store.sqlite!;
  // SQLite's lower() folds ASCII only; the index folds Unicode, so the key comes from JavaScript.
  raw.function('js_lower', { deterministic: true }, (v: unknown) => String(v).toLowerCase());
  raw.exec(`
    ALTER TABLE orgs ADD COLUMN name_key TEXT;
    UPDATE orgs SET name_key = js_lower(name);
    CREATE INDEX orgs_name_key_idx ON orgs (name_key, id);
    CREATE VIRTUAL TABLE orgs_fts USING fts5(
      name, skills, description, content='orgs', content_rowid='rowid',
      tokenize = "unicode61 remove_diacritics 2");
    INSERT INTO orgs_fts(orgs_fts) VALUES ('rebuild');
    ANALYZE;
  `);
  // Back to the app's cache size, so the memory figures after the index build are the index's.
  raw.pragma('cache_size = -2000');
  raw.pragma('shrink_memory');
  s.ddlMs = performance.now() - start;
}

/** Bench-only DDL for the PostgreSQL baseline. */
export async function preparePostgres(s: BenchStore): Promise<void> {
  const start = performance.now();
  const { db } = s.store;
  await sql`ALTER TABLE orgs ADD COLUMN name_key text`.execute(db);
  await sql`UPDATE orgs SET name_key = lower(name)`.execute(db);
  await sql`CREATE INDEX orgs_name_key_idx ON orgs (name_key COLLATE "C", id COLLATE "C")`.execute(
    db,
  );
  await sql`ALTER TABLE orgs ADD COLUMN tsv tsvector GENERATED ALWAYS AS
    (to_tsvector('simple', name || ' ' || skills || ' ' || description)) STORED`.execute(db);
  await sql`CREATE INDEX orgs_tsv_idx ON orgs USING gin (tsv)`.execute(db);
  await sql`ANALYZE`.execute(db);
  s.ddlMs = performance.now() - start;
}
