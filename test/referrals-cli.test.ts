// `circles referrals expire` through a real process on a SQLite store: wired, migrates, and is
// harmless to run twice (the job's behaviour is tested in referral-expiry.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/circles.mjs');

describe('referrals CLI (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'circles-referrals-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => {
    const { DATABASE_URL: _pg, ...env } = process.env; // always the SQLite store in `dir`
    return spawnSync(process.execPath, [BIN, ...args], {
      env: { ...env, CIRCLES_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('expires nothing on an empty store, twice, exiting 0', () => {
    for (let i = 0; i < 2; i++) {
      const r = run(['referrals', 'expire']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Expired 0 referrals.');
    }
  });
});
