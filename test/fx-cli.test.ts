// `circles fx import <file.csv>` through a real process on both stores: a newer ECB table is
// stored and becomes the one in use (for every process: it lives in the store); a bad row
// rejects the whole file with a one-line error and a non-zero exit, storing nothing.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcbCsv } from '../src/services/fx.service.ts';
import { get } from './support/deals-helpers.ts';
import { pgUrl, STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem } from './support/test-app.ts';

const BIN = resolve(import.meta.dirname, '../bin/circles.mjs');

// Dated after the shipped snapshot (2026-11-27) and not after today, so it is the table in use.
const GOOD = [
  'Date, USD, JPY, GBP, CYP, ',
  '28 November 2026, 1.2500, 150.00, 0.8000, N/A, ',
  '26 November 2026, 1.2400, 149.00, 0.7900, N/A, ',
].join('\n');
const BAD = ['Date, USD, JPY, ', '28 November 2026, 1.25, abc, ', '31 Nov 2026, 1.2, 1, '].join(
  '\n',
);

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`fx CLI (${kind})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'circles-fx-cli-'));
    const schema = `fx_${randomBytes(5).toString('hex')}`;
    const env: Record<string, string> = { CIRCLES_DATA_DIR: dir, LOG_LEVEL: 'silent' };

    beforeAll(async () => {
      writeFileSync(join(dir, 'good.csv'), GOOD);
      writeFileSync(join(dir, 'bad.csv'), BAD);
      if (kind === 'postgres') {
        const c = new pg.Client({ connectionString: pgUrl ?? '' });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
        env.DATABASE_URL = `${pgUrl ?? ''}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      }
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const c = new pg.Client({ connectionString: pgUrl ?? '' });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    });

    const run = (args: string[]) => {
      const { DATABASE_URL: _pg, ...rest } = process.env;
      return spawnSync(process.execPath, [BIN, ...args], {
        env: { ...rest, ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
    };
    const shown = () => {
      const r = run(['fx', 'show', '--json']);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { date: string; shipped: boolean; currencies: string[] };
    };

    // Each step is a fresh `circles` process (tsx start-up): allow for a busy machine.
    const SLOW = { timeout: 180_000 };

    it('uses the shipped snapshot until a newer table is imported', SLOW, () => {
      expect(shown()).toMatchObject({ date: '2026-11-27', shipped: true });
      const r = run(['fx', 'import', join(dir, 'good.csv')]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Imported 2 rate tables (newest 2026-11-28)');
      expect(r.stdout).toContain('CYP');
      const now = shown();
      expect(now).toMatchObject({ date: '2026-11-28', shipped: false });
      expect(now.currencies).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
    });

    it('rejects a file with a bad row in one line, exit 2, storing nothing', SLOW, () => {
      const r = run(['fx', 'import', join(dir, 'bad.csv')]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^circles: Not a valid ECB rates file: 2 problem/);
      expect(lines[0]).toContain('rows[0].rates.JPY');
      expect(lines[0]).toContain('rows[1].Date');
      expect(shown()).toMatchObject({ date: '2026-11-28' });
      const missing = run(['fx', 'import', join(dir, 'nope.csv')]);
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain('cannot read');
    });
  });

  describe.skipIf(!storeAvailable(kind))(`fx tables in the API (${kind})`, () => {
    it('serves the imported table to the app and converts with it', async () => {
      const t = await createTestApp(kind);
      try {
        const who = await t.signup();
        await importEcbCsv(t.deps, GOOD);
        const res = await get(t, who, '/api/v1/fx');
        expect(res.json()).toMatchObject({ date: '2026-11-28', shipped: false });
        const dates = res.json<{ tables: { date: string }[] }>().tables.map((x) => x.date);
        expect(dates).toEqual(['2026-11-28', '2026-11-27', '2026-11-26']);
        const ledger = await get(t, who, '/api/v1/fees?currency=GBP');
        expect(ledger.json()).toMatchObject({
          reporting: { currency: 'GBP', fxDate: '2026-11-28' },
        });
        expectProblem(await get(t, who, '/api/v1/fees?currency=CHF'), 400); // not in the new table
      } finally {
        await t.close();
      }
    });
  });
}
