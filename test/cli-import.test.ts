// The real `circles` binary in a child process, on a SQLite data directory of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/circles.mjs');
const work = mkdtempSync(join(tmpdir(), 'circles-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dirs = 0;
const freshDataDir = () => join(work, `data-${++dirs}`);

function circles(dataDir: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, CIRCLES_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function csvFile(name: string, lines: readonly string[]): string {
  const file = join(work, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function exportedNames(dataDir: string): Promise<string[]> {
  const run = await circles(dataDir, 'export', 'orgs', '--format', 'json');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { name: string }[]).map((o) => o.name).sort();
}

const HEADER = 'name,website,hqCountry,services,rateCard,offices';
const GOOD = [
  'Nordlys Cloud Partners AS,https://www.nordlys.no,NO,Integration;ManagedServices,Architect=1200000 NOK,NO:Oslo',
  'Contoso Data Services GmbH,https://www.contoso.de,DE,ConsultingAndProfessional,,DE:Berlin;DE:Munich',
];

// Each run starts Node and tsx afresh: seconds apiece on a busy machine.
describe('circles import orgs / export orgs', { timeout: 120_000 }, () => {
  it('imports a good file and exits 0', async () => {
    const dir = freshDataDir();
    const run = await circles(dir, 'import', 'orgs', csvFile('good.csv', [HEADER, ...GOOD]));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Imported 2 of 2 rows, 0 rows rejected, 0 warnings.\n');
    expect(await exportedNames(dir)).toEqual([
      'Contoso Data Services GmbH',
      'Nordlys Cloud Partners AS',
    ]);
  });

  it('writes nothing on a dry run', async () => {
    const dir = freshDataDir();
    const run = await circles(
      dir,
      'import',
      'orgs',
      csvFile('dry.csv', [HEADER, ...GOOD]),
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Dry run: 2 of 2 rows valid, 0 rows rejected, 0 warnings; nothing written\.$/m,
    );
    expect(await exportedNames(dir)).toEqual([]);
  });

  it('reports broken rows by line, commits the good ones and exits 3', async () => {
    const dir = freshDataDir();
    const file = csvFile('broken.csv', [
      HEADER,
      GOOD[0] ?? '',
      'Bad Code Ltd,,XX,Integratio,,',
      'Too Few,DE',
      'Quote" Inside,DE,,,,',
      GOOD[1] ?? '',
    ]);
    const run = await circles(dir, 'import', 'orgs', file, '--batch-size', '1');
    expect(run.code).toBe(3);
    const report = run.stdout.trim().split('\n');
    expect(report).toHaveLength(4);
    expect(report[0]).toMatch(
      /^line 3: hqCountry: Unknown code "XX".*; services\[0\]: Unknown code "Integratio"; expected one of: /,
    );
    expect(report[1]).toBe('line 4: row: Expected 6 fields (as in the header), found 2');
    expect(report[2]).toMatch(/^line 5: row: A quote inside an unquoted value/);
    expect(report[3]).toBe('Imported 2 of 5 rows, 3 rows rejected, 0 warnings.');
    expect(await exportedNames(dir)).toEqual([
      'Contoso Data Services GmbH',
      'Nordlys Cloud Partners AS',
    ]);
  });

  it('warns about unknown columns on stderr and still imports', async () => {
    const dir = freshDataDir();
    const run = await circles(
      dir,
      'import',
      'orgs',
      csvFile('extra.csv', ['name,hqCountry,colour', 'Fabrikam Ltd,GB,blue']),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^circles: warning: Unknown column "colour" ignored/);
    expect(run.stdout).toBe('Imported 1 of 1 row, 0 rows rejected, 1 warning.\n');
  });

  it('says in one line that a missing file cannot be read and exits 2', async () => {
    const missing = join(work, 'missing.csv');
    const run = await circles(freshDataDir(), 'import', 'orgs', missing);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`circles: cannot read ${missing}: no such file\n`);
  });

  it('exits 2 on bad usage', async () => {
    const run = await circles(freshDataDir(), 'import', 'orgs', 'x.csv', '--batch-size', 'lots');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--batch-size/);
  });

  it('round-trips: export CSV, import into a fresh data directory, export the same orgs', async () => {
    const first = freshDataDir();
    expect((await circles(first, 'demo', '--orgs', '150', '--seed', '9')).code).toBe(0);
    const file = join(work, 'export.csv');
    const exported = await circles(first, 'export', 'orgs', '--format', 'csv', '--out', file);
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toBe(`Exported 150 organizations to ${file}.\n`);

    const second = freshDataDir();
    const imported = await circles(second, 'import', 'orgs', file);
    expect(imported.stdout).toBe('Imported 150 of 150 rows, 0 rows rejected, 0 warnings.\n');
    const again = await circles(second, 'export', 'orgs', '--format', 'csv');
    expect(again.code).toBe(0);
    const sortedLines = (csv: string) => csv.trimEnd().split('\n').sort();
    expect(sortedLines(again.stdout)).toEqual(sortedLines(readFileSync(file, 'utf8')));
  });
});
