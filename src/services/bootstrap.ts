// config -> store (migrated) -> directory index loaded: everything a process needs to serve.
import type { Config } from '../config.ts';
import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDirectoryIndex } from '../index/directory-index.ts';
import type { ServiceDeps } from './deps.ts';
import { loadDirectory } from './directory.service.ts';

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
}

export async function openServices(config: Config, opts: OpenOptions = {}): Promise<Services> {
  const store = openStore(config);
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
    if (opts.skipIndex !== true) await loadDirectory(deps);
    const t2 = performance.now();
    return { deps, store, timings: { migrateMs: t1 - t0, loadMs: t2 - t1 }, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
