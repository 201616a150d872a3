// Online backup: a consistent SQLite copy; PostgreSQL is pointed to pg_dump.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, type Store } from '../src/db/connect.ts';
import { countOrgs } from '../src/db/repos/orgs.repo.ts';
import { AppError } from '../src/domain/shared/errors.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { backupStore } from '../src/services/backup.service.ts';
import { seedDemo } from '../src/services/demo.service.ts';
import { openTestStore, storeAvailable } from './support/stores.ts';

describe('backup', () => {
  const open: Store[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('copies the live SQLite store to a file that opens on its own', async () => {
    const store = await openTestStore('sqlite');
    open.push(store);
    const deps = {
      db: store.db,
      storeKind: store.kind,
      directory: createDirectoryIndex(),
      now: () => new Date(),
    };
    await seedDemo(deps, { count: 120, seed: 5 });
    const dir = mkdtempSync(join(tmpdir(), 'circles-backup-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'backup.db');
    const result = await backupStore(store, file);
    expect(result.file).toBe(file);
    expect(result.bytes).toBeGreaterThan(0);
    const copy = openSqlite(file);
    open.push(copy);
    expect(await countOrgs(copy.db)).toBe(120);
  });

  it('refuses to overwrite the live database', async () => {
    const store = await openTestStore('sqlite');
    open.push(store);
    await expect(backupStore(store, store.sqlite?.name ?? '')).rejects.toThrow(
      /is the live database/,
    );
  });

  it.skipIf(!storeAvailable('postgres'))('tells PostgreSQL users to use pg_dump', async () => {
    const store = await openTestStore('postgres');
    open.push(store);
    const err: unknown = await backupStore(store, '/tmp/never.db').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).message).toMatch(/pg_dump/);
  });
});
