// Keeps this process's directory index current with writes made by other server processes on the
// same PostgreSQL database. Writers send (id, version) notices inside their transactions
// (announceOrgChanges), so they go out only on commit; here a dedicated LISTEN connection collects
// them and the changed orgs are re-read in batches through the lean index read. A notice for a
// version the index already holds (this process's own writes, upserted after commit) costs no
// read; orgs that are gone are removed. Listening starts before the start-up load, and what is
// announced during the load is re-read after it, so no write falls in between. After a lost
// connection, orgs changed since the watermark (less a margin for transactions that commit after
// they stamp updated_at) are re-read. Re-reading is idempotent: upserts never step back a version.
// SQLite needs none of this: a SQLite store is served by one process, whose index is updated
// after each of its commits (a CLI writing to the file meanwhile shows at the server's next start).
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

/** How far before the watermark a catch-up reads (transactions commit after they stamp). */
const CATCH_UP_MARGIN_MS = 60_000;
const RETRY_DELAY_MS = 1_000;
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
  /** Resolves once LISTEN is in place: load the index after this, so no write falls between. */
  listening: Promise<void>;
  /** After the load: re-reads what was announced meanwhile, then follows every notice. */
  start(since: string): void;
  close(): Promise<void>;
}

export interface IndexSyncOptions extends OrgChangeListenerOptions {
  onError?: (err: unknown) => void;
}

/** Starts listening at once; notices wait until start() (the index is loading meanwhile). */
export function startIndexSync(
  deps: ServiceDeps,
  store: Store,
  opts: IndexSyncOptions = {},
): IndexSync {
  if (store.newPgClient === undefined) throw new Error('index sync needs a PostgreSQL store');
  /** The latest updated_at read: a catch-up after a reconnect reads from a margin before it. */
  let watermark = '';
  const pending = new Set<string>();
  let catchUp = false;
  let started = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
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
      }
      const ids = [...pending];
      pending.clear();
      if (ids.length === 0) continue;
      try {
        apply(await findIndexedOrgs(deps.db, ids), ids);
      } catch (err) {
        for (const id of ids) pending.add(id);
        throw err;
      }
    }
  };

  const schedule = (delay = BATCH_DELAY_MS) => {
    if (timer !== undefined || closed || !started) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(drain).catch((err: unknown) => {
        onError(err);
        schedule(RETRY_DELAY_MS); // the store did not answer: try again
      });
    }, delay);
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
      onListening: (reconnected) => {
        // Notices sent while the connection was down are lost: read what changed meanwhile.
        if (!reconnected) return;
        catchUp = true;
        schedule();
      },
      onError,
    },
    opts,
  );

  return {
    listening: listener.ready,
    start: (since) => {
      if (since > watermark) watermark = since;
      started = true;
      schedule();
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await listener.close();
      await running.catch(() => undefined);
    },
  };
}

function before(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? '' : new Date(t - CATCH_UP_MARGIN_MS).toISOString();
}
