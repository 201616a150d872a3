// config -> store (migrated) -> directory index loaded: everything a process needs to serve.
import type { Config } from '../config.ts';
import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDirectoryIndex } from '../index/directory-index.ts';
import type { ServiceDeps } from './deps.ts';
import { loadDirectory } from './directory.service.ts';
import { startIndexSync, type IndexSync } from './index-sync.service.ts';

export interface Services {
  deps: ServiceDeps;
  store: Store;
  /** Milliseconds spent migrating and loading the directory, for the start-up log. */
  timings: { migrateMs: number; loadMs: number };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Skip building the directory index (commands that never search). */
  skipIndex?: boolean;
  /**
   * On PostgreSQL, follow other processes' org writes into the index (LISTEN/NOTIFY): what a
   * long-running server needs; SQLite has one writer process, so there is nothing to follow.
   */
  syncIndex?: boolean;
  /** Where the index sync reports a lost connection or a failed re-read. */
  onSyncError?: (err: unknown) => void;
}

export async function openServices(config: Config, opts: OpenOptions = {}): Promise<Services> {
  const store = openStore(config);
  let sync: IndexSync | null = null;
  try {
    const t0 = performance.now();
    await migrateToLatest(store.db, store.kind);
    const t1 = performance.now();
    const deps: ServiceDeps = {
      db: store.db,
      storeKind: store.kind,
      directory: createDirectoryIndex(),
      now: () => new Date(),
    };
    if (opts.skipIndex !== true) {
      if (opts.syncIndex === true && store.kind === 'postgres') {
        const onError = opts.onSyncError;
        sync = startIndexSync(deps, store, onError === undefined ? {} : { onError });
        await sync.listening;
      }
      const loaded = await loadDirectory(deps);
      sync?.start(loaded.latest);
    }
    const t2 = performance.now();
    const close = async () => {
      await sync?.close();
      await store.close();
    };
    return { deps, store, timings: { migrateMs: t1 - t0, loadMs: t2 - t1 }, close };
  } catch (err) {
    await sync?.close();
    await store.close();
    throw err;
  }
}
