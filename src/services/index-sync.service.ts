// Keeps this process's directory index current with writes made by other server processes on the
// same PostgreSQL database. Writers send (id, version) notices inside their transactions
// (announceOrgChanges); here a dedicated LISTEN connection collects them, and changed orgs are
// re-read in batches through the lean index read. A notice for a version the index already
// holds (this process's own writes, upserted after commit) costs no read. Orgs that are gone
// are removed. After (re)connecting, orgs changed since the watermark (minus a margin for
// transactions that committed late or clocks that differ) are re-read, so nothing missed while
// deaf stays missed; re-reading is idempotent because upserts never step back a version.
// SQLite needs none of this: it is one process's file (the server holds it), so the index that
// process keeps after each commit is the only one.
import type { Store } from '../db/connect.ts';
import { listenForOrgChanges, type OrgChangeListenerOptions } from '../db/org-change-listener.ts';
import { notifyOrgChanges, type OrgChange } from '../db/repos/org-changes.repo.ts';
import {
  findIndexedOrgs,
  findIndexedOrgsChangedSince,
  type IndexedPage,
} from '../db/repos/org-index.repo.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ServiceDeps } from './deps.ts';

/** How far before the watermark a catch-up reads. */
const CATCH_UP_MARGIN_MS = 5 * 60_000;
/** Notices arriving within this window are read together. */
const BATCH_DELAY_MS = 5;

/** Inside the writing transaction: on PostgreSQL, tell the other processes (sent on commit). */
export async function announceOrgChanges(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  changes: readonly OrgChange[],
): Promise<void> {
  if (deps.storeKind === 'postgres') await notifyOrgChanges(trx, changes);
}

export interface IndexSync {
  /** Resolves once listening and caught up with writes since the load. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface IndexSyncOptions extends OrgChangeListenerOptions {
  /** The latest updated_at the index has seen (from loadDirectory). */
  since: string;
  onError?: (err: unknown) => void;
}

export function startIndexSync(deps: ServiceDeps, store: Store, opts: IndexSyncOptions): IndexSync {
  if (store.newPgClient === undefined) throw new Error('index sync needs a PostgreSQL store');
  let watermark = opts.since;
  const pending = new Set<string>();
  let catchUp = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  let caughtUp: () => void = () => undefined;
  const ready = new Promise<void>((res) => (caughtUp = res));
  const onError = opts.onError ?? (() => undefined);

  const apply = (page: IndexedPage, asked: readonly string[]) => {
    for (const org of page.orgs) deps.directory.upsert(org);
    if (asked.length > page.orgs.length) {
      const found = new Set(page.orgs.map((o) => o.id));
      for (const id of asked) if (!found.has(id)) deps.directory.remove(id);
    }
    if (page.latest > watermark) watermark = page.latest;
  };

  const drain = async () => {
    while (!closed && (pending.size > 0 || catchUp)) {
      if (catchUp) {
        catchUp = false;
        apply(await findIndexedOrgsChangedSince(deps.db, before(watermark)), []);
        caughtUp();
      }
      const ids = [...pending];
      pending.clear();
      if (ids.length > 0) apply(await findIndexedOrgs(deps.db, ids), ids);
    }
  };

  const schedule = () => {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(drain).catch((err: unknown) => {
        onError(err);
        catchUp = true; // the read failed: read again on the next notice or reconnect
      });
    }, BATCH_DELAY_MS);
  };

  const listener = listenForOrgChanges(
    store.newPgClient,
    {
      onChanges: (changes) => {
        for (const c of changes) {
          if (c.version > 0 && deps.directory.versionOf(c.id) >= c.version) continue;
          pending.add(c.id);
        }
        if (pending.size > 0) schedule();
      },
      onListening: () => {
        catchUp = true;
        schedule();
      },
      onError,
    },
    opts,
  );

  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await listener.close();
      await running.catch(() => undefined);
      caughtUp();
    },
  };
}

function before(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? '' : new Date(t - CATCH_UP_MARGIN_MS).toISOString();
}
