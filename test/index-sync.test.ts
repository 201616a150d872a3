// Two real `circles serve` processes on one PostgreSQL database: a write through one process's API
// (or straight into the database by a third writer) shows in the other's directory search within
// one second, updates and deletions included, and after the listener's connection is killed the
// process reconnects and catches up. Skipped without TEST_DATABASE_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Store } from '../src/db/connect.ts';
import { LISTENER_APP_NAME } from '../src/db/org-change-listener.ts';
import { notifyOrgChanges } from '../src/db/repos/org-changes.repo.ts';
import { findOrg, insertOrgs, updateOrgProfile } from '../src/db/repos/orgs.repo.ts';
import { emptyProfile } from '../src/domain/profile/profile.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { pgUrl } from './support/stores.ts';

const SYNC_WITHIN_MS = 1000;

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl ?? '' });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe.skipIf(pgUrl === null)('directory index sync across server processes (PostgreSQL)', () => {
  const database = `circles_sync_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'circles-sync-'));
  let url = '';
  let p1: ServerProcess;
  let p2: ServerProcess;
  let writer: Store;
  let token = '';
  let orgId = '';

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    url = databaseUrl(pgUrl ?? '', database);
    const env = {
      DATABASE_URL: url,
      CIRCLES_DATA_DIR: dataDir,
      CIRCLES_EXPIRY_INTERVAL_MS: '0',
      CIRCLES_WEBHOOK_INTERVAL_MS: '0',
      CIRCLES_LOGIN_RATE_PER_MINUTE: '1000',
    };
    p1 = await startServerProcess(env); // migrates the fresh database
    p2 = await startServerProcess(env);
    writer = openPostgres(url, { max: 2 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([p1?.stop(), p2?.stop()]);
    await writer?.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (base: string, method: string, path: string, body?: unknown, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const search = async (base: string, q: string): Promise<string[]> => {
    const res = await call(base, 'GET', `/api/v1/orgs?q=${encodeURIComponent(q)}&limit=10`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((o) => o.id);
  };

  /** Polls `base`'s search for `q` until `want(ids)`; returns the milliseconds it took. */
  const waitFor = async (base: string, q: string, want: (ids: string[]) => boolean) => {
    const start = performance.now();
    for (;;) {
      if (want(await search(base, q))) return performance.now() - start;
      if (performance.now() - start > 10_000) throw new Error(`search "${q}" never matched`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('shows an org created through process 1 in process 2 within a second', async () => {
    const res = await call(p1.url, 'POST', '/api/v1/auth/signup', {
      email: `sync-${randomUUID()}@example.com`,
      password: 'correct horse battery',
      name: 'Sync Tester',
      organization: { name: 'Zephyrine Quillworks', website: null, hqCountry: 'SE' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    token = res.body.token as string;
    orgId = (res.body.organization as { id: string }).id;
    const ms = await waitFor(p2.url, 'zephyrine', (ids) => ids.includes(orgId));
    expect(ms).toBeLessThan(SYNC_WITHIN_MS);
    expect(await search(p1.url, 'zephyrine')).toEqual([orgId]);
  });

  it('shows a profile update through process 1 in process 2, old words gone', async () => {
    const res = await call(
      p1.url,
      'PATCH',
      `/api/v1/orgs/${orgId}`,
      { name: 'Quokkaholm Analytics', skills: ['Fabric lakehouses'] },
      { 'if-match': '"1"' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ms = await waitFor(p2.url, 'quokkaholm', (ids) => ids.includes(orgId));
    expect(ms).toBeLessThan(SYNC_WITHIN_MS);
    expect(await search(p2.url, 'zephyrine')).toEqual([]);
    expect(await search(p2.url, 'lakehouses')).toEqual([orgId]);
  });

  it('follows a third writer straight into the database, deletion included, on both processes', async () => {
    const id = randomUUID();
    const at = new Date().toISOString();
    const profile = { ...emptyProfile('Brindlewick Cloudworks', 'DE', null), description: 'x' };
    await writer.db.transaction().execute(async (trx) => {
      await insertOrgs(trx, [{ id, profile, at }]);
      await notifyOrgChanges(trx, [{ id, version: 1 }]);
    });
    for (const p of [p1, p2]) {
      expect(await waitFor(p.url, 'brindlewick', (ids) => ids.includes(id))).toBeLessThan(
        SYNC_WITHIN_MS,
      );
    }
    await writer.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('org_codes').where('org_id', '=', id).execute();
      await trx.deleteFrom('orgs').where('id', '=', id).execute();
      await notifyOrgChanges(trx, [{ id, version: 0 }]);
    });
    for (const p of [p1, p2]) {
      expect(await waitFor(p.url, 'brindlewick', (ids) => ids.length === 0)).toBeLessThan(
        SYNC_WITHIN_MS,
      );
    }
  });

  it('does not notify for a rolled-back write', async () => {
    const id = randomUUID();
    const profile = emptyProfile('Rollbackia Systems', 'DE', null);
    await expect(
      writer.db.transaction().execute(async (trx) => {
        await insertOrgs(trx, [{ id, profile, at: new Date().toISOString() }]);
        await notifyOrgChanges(trx, [{ id, version: 1 }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 300));
    expect(await search(p2.url, 'rollbackia')).toEqual([]);
  });

  it('catches up after its listener connection drops, on writes it never heard of', async () => {
    // A write without a notice (as if sent while the listener was deaf) stays unseen ...
    const current = await findOrg(writer.db, orgId);
    expect(current?.version).toBe(2);
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...profile } = current!;
    const at = new Date().toISOString();
    await writer.db.transaction().execute(async (trx) => {
      expect(
        await updateOrgProfile(trx, orgId, { ...profile, name: 'Marmaladia Consulting' }, 2, at),
      ).toBe(true);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await search(p2.url, 'marmaladia')).toEqual([]);
    // ... until the listener connections are killed: each process reconnects and catches up.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const killed = await c.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = $2',
        [LISTENER_APP_NAME, database],
      );
      expect(killed.rowCount).toBe(2);
    } finally {
      await c.end();
    }
    for (const p of [p1, p2]) {
      expect(await waitFor(p.url, 'marmaladia', (ids) => ids.includes(orgId))).toBeLessThan(5000);
      expect(await search(p.url, 'quokkaholm')).toEqual([]);
    }
  });
});
