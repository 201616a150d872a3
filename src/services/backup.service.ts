// Online backup of the embedded SQLite store: consistent while the app keeps serving.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Store } from '../db/connect.ts';
import { AppError } from '../domain/shared/errors.ts';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the live database to `file`. The copy is written next to it first and renamed into place,
 * so `file` is never a half-written backup.
 */
export async function backupStore(store: Store, file: string): Promise<BackupResult> {
  if (store.kind === 'postgres' || store.sqlite === undefined) {
    throw new AppError(
      'validation',
      'Backup is built in for the SQLite store only; for PostgreSQL use pg_dump (e.g. pg_dump --format=custom "$DATABASE_URL" > circles.dump)',
    );
  }
  const target = resolve(file);
  if (target === resolve(store.sqlite.name)) {
    throw new AppError(
      'validation',
      `${file} is the live database; choose another file for the backup`,
    );
  }
  const partial = `${target}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    await store.sqlite.backup(partial);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('validation', `cannot write ${file}: ${reason}`);
  }
  return { file: target, bytes: statSync(target).size };
}
