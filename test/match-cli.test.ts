// `circles match` through a real process on both stores, over a seeded demo ecosystem: a table,
// JSON whose reasons add up, a team with backups, and one-line errors with a non-zero exit.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrl, STORE_KINDS, storeAvailable } from './support/stores.ts';

const BIN = resolve(import.meta.dirname, '../bin/circles.mjs');
// Each step is a fresh `circles` process (tsx start-up): allow for a busy machine.
const SLOW = { timeout: 180_000 };
const NEEDS = [
  '--need',
  'service=ManagedServices,country=US',
  '--need',
  'solutionArea=Security,country=DE',
  '--need',
  'specialization=Finance,country=SE',
];

interface JsonResult {
  org: { id: string; name: string };
  score: number;
  covers: number[];
  reasons: { factor: string; points: number }[];
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl ?? '' });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`match CLI (${kind})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'circles-match-cli-'));
    const schema = `match_${randomBytes(5).toString('hex')}`;
    const env: Record<string, string> = { CIRCLES_DATA_DIR: dir, LOG_LEVEL: 'silent' };

    const run = (args: string[]) => {
      const { DATABASE_URL: _pg, ...rest } = process.env;
      return spawnSync(process.execPath, [BIN, ...args], {
        env: { ...rest, ...env },
        encoding: 'utf8',
        timeout: 170_000,
      });
    };

    beforeAll(async () => {
      if (kind === 'postgres') {
        await adminQuery(`CREATE SCHEMA ${schema}`);
        env.DATABASE_URL = `${pgUrl ?? ''}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      }
      const seeded = run(['demo', '--orgs', '400', '--seed', '5']);
      expect(seeded.status, seeded.stderr).toBe(0);
    }, 180_000);
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });

    it(
      'ranks partners for a three-country need as a table, and as JSON whose reasons add up',
      SLOW,
      () => {
        const table = run(['match', ...NEEDS, '--limit', '5']);
        expect(table.status, table.stderr).toBe(0);
        expect(table.stdout).toContain(
          'Need: #0 ManagedServices in US; #1 Security in DE; #2 Finance in SE',
        );
        expect(table.stdout).toMatch(/#\s+Score\s+Covers\s+Partner\s+Id/);
        expect(table.stdout).toMatch(/Showing 5 of \d+ partners\./);

        const json = run(['match', ...NEEDS, '--limit', '5', '--json']);
        expect(json.status, json.stderr).toBe(0);
        const out = JSON.parse(json.stdout) as { results: JsonResult[]; total: number };
        expect(out.results).toHaveLength(5);
        const scores = out.results.map((r) => r.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const r of out.results) {
          expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
        }
        // The table lists the same partners in the same order.
        const names = out.results.map((r) => r.org.id);
        const ids = table.stdout.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [];
        expect(ids).toEqual(names);

        const asOrg = run(['match', ...NEEDS, '--json', '--as-org', names[0]!]);
        expect(asOrg.status, asOrg.stderr).toBe(0);
        const mine = JSON.parse(asOrg.stdout) as { results: JsonResult[] };
        expect(mine.results.map((r) => r.org.id)).not.toContain(names[0]);
      },
    );

    it('proposes a team with backups', SLOW, () => {
      const r = run(['match', ...NEEDS, '--team']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Team of \d+; largest share \d+ %/);
      expect(r.stdout).toContain('Backups:');
      const json = run(['match', ...NEEDS, '--team', '--json', '--max-share', '0.5']);
      expect(json.status, json.stderr).toBe(0);
      const team = JSON.parse(json.stdout) as {
        members: { cells: number[]; share: number }[];
        uncovered: number[];
        maxShareUsed: number;
      };
      expect(team.members.flatMap((m) => m.cells).sort()).toEqual([0, 1, 2]);
      expect(team.uncovered).toEqual([]);
      expect(team.maxShareUsed).toBeLessThanOrEqual(0.5);
    });

    it('stops a bad need with one line naming the field and a non-zero exit', SLOW, () => {
      const cases: [string[], string][] = [
        [['--need', 'service=Plumbing,country=SE'], 'needs[0].service'],
        [['--need', 'service=ManagedServices,country=XX'], 'needs[0].country'],
        [['--need', 'colour=red,country=SE'], 'needs[0]'],
        [['--need', 'service=ManagedServices'], 'needs[0].country'],
        [['--need', 'service=ManagedServices,country=SE', '--as-org', 'nope'], 'not found'],
        [
          ['--need', 'service=ManagedServices,country=SE', '--team', '--max-share', '2'],
          'maxShare',
        ],
      ];
      for (const [args, says] of cases) {
        const r = run(['match', ...args]);
        expect(r.status, `${args.join(' ')}: ${r.stdout}`).not.toBe(0);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(says);
      }
    });
  });
}
