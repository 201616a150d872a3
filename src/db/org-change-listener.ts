// PostgreSQL only: a dedicated connection that LISTENs for org change notices (see
// repos/org-changes.repo.ts). When the connection drops or stops answering the heartbeat, it
// reconnects with exponential backoff; `onListening(true)` then tells the owner to catch up on
// what it may have missed while deaf.
import type pg from 'pg';
import { ORG_CHANGES_CHANNEL, parseOrgChanges, type OrgChange } from './repos/org-changes.repo.ts';

/** How the listener's connection shows in pg_stat_activity. */
export const LISTENER_APP_NAME = 'circles-index-sync';

export interface OrgChangeEvents {
  onChanges(changes: OrgChange[]): void;
  /** Listening again; `reconnected` is false on the first connection. */
  onListening(reconnected: boolean): void;
  onError(err: unknown): void;
}

export interface OrgChangeListenerOptions {
  minBackoffMs?: number;
  maxBackoffMs?: number;
  heartbeatMs?: number;
}

export interface OrgChangeListener {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function listenForOrgChanges(
  newClient: () => pg.Client,
  events: OrgChangeEvents,
  opts: OrgChangeListenerOptions = {},
): OrgChangeListener {
  const minBackoff = opts.minBackoffMs ?? 100;
  const maxBackoff = opts.maxBackoffMs ?? 5_000;
  let backoff = minBackoff;
  let client: pg.Client | null = null;
  let closed = false;
  let connectedOnce = false;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((res) => (markReady = res));

  const dropped = (c: pg.Client, err: unknown) => {
    if (client !== c) return; // already replaced
    client = null;
    clearInterval(heartbeat);
    c.removeAllListeners('notification');
    void c.end().catch(() => undefined);
    if (closed) return;
    events.onError(err);
    retry = setTimeout(connect, backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  };

  const connect = () => {
    if (closed) return;
    const c = newClient();
    client = c;
    c.on('error', (err) => dropped(c, err));
    c.on('end', () => dropped(c, new Error('listener connection ended')));
    void start(c).catch((err: unknown) => dropped(c, err));
  };

  const start = async (c: pg.Client) => {
    await c.connect();
    await c.query(`set application_name = '${LISTENER_APP_NAME}'`);
    const schema = (await c.query<{ s: string }>('select current_schema() as s')).rows[0]?.s ?? '';
    c.on('notification', (n) => {
      if (n.channel !== ORG_CHANGES_CHANNEL || n.payload === undefined) return;
      const changes = parseOrgChanges(n.payload, schema);
      if (changes !== null && changes.length > 0) events.onChanges(changes);
    });
    await c.query(`LISTEN ${ORG_CHANGES_CHANNEL}`);
    if (client !== c || closed) return;
    backoff = minBackoff;
    heartbeat = setInterval(() => {
      c.query('select 1').catch((err: unknown) => dropped(c, err));
    }, opts.heartbeatMs ?? 10_000);
    heartbeat.unref();
    events.onListening(connectedOnce);
    connectedOnce = true;
    markReady();
  };

  connect();
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const c = client;
      client = null;
      markReady();
      if (c !== null) await c.end().catch(() => undefined);
    },
  };
}
