// Opens the store: embedded SQLite (the default) or PostgreSQL, behind one Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** The raw SQLite handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /** PostgreSQL: a new dedicated connection with the pool's settings (LISTEN needs its own). */
  newPgClient?: () => pg.Client;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT arrive as strings from pg; our counts fit comfortably in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openSqlite(file: string, synchronous: 'full' | 'normal' = 'full'): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL (the default): a commit is on disk before we acknowledge it, so a kill -9 or power cut
  // loses nothing. NORMAL, by choice: a kill -9 still loses nothing, a power cut may lose the last
  // commits. The value is one of two literals, never user text.
  sqlite.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}

// Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing was
// an eighth of a referral transition's time. Kysely runs one query at a time on the connection
// (a stream holds it until done), so a cached statement is never busy when reused.
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (stmt === undefined) {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

export interface PostgresOptions {
  /** Schema to use as search_path (tests isolate each file in its own schema). */
  schema?: string;
  max?: number;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Store {
  const settings: pg.ClientConfig = {
    connectionString: url,
    ...(opts.schema === undefined ? {} : { options: `-c search_path=${opts.schema}` }),
  };
  const pool = new pg.Pool({ ...settings, max: opts.max ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const newPgClient = () => new pg.Client({ ...settings, keepAlive: true });
  return { db, kind: 'postgres', newPgClient, close: () => db.destroy() };
}

export interface StoreConfig {
  databaseUrl: string | null;
  sqliteFile: string;
  sqliteSynchronous?: 'full' | 'normal';
}

export function openStore(config: StoreConfig): Store {
  return config.databaseUrl === null
    ? openSqlite(config.sqliteFile, config.sqliteSynchronous)
    : openPostgres(config.databaseUrl);
}
