// `circles audit verify`, `circles users …` and `circles tokens …` on a SQLite store: most cases
// in-process through the same commander program, and the exit codes through real processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../src/cli/command-list.ts';
import { loadConfig } from '../src/config.ts';
import { AppError } from '../src/domain/shared/errors.ts';
import { signup } from '../src/services/auth.service.ts';
import { openServices } from '../src/services/bootstrap.ts';

const BIN = resolve(import.meta.dirname, '../bin/circles.mjs');

describe('identity CLI (sqlite)', () => {
  let dir: string;
  let orgId: string;
  const savedEnv = { ...process.env };

  /** Runs `circles <args>` in this process; `exit` is what main.ts would exit with. */
  async function cli(args: string[]): Promise<{ exit: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((c) => ((out += String(c)), true));
    const e = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((c) => ((err += String(c)), true));
    const program = new Command().name('circles').exitOverride();
    for (const register of COMMANDS) register(program);
    try {
      await program.parseAsync(args, { from: 'user' });
      return { exit: 0, out, err };
    } catch (x) {
      const exit = x instanceof CommanderError ? x.exitCode : x instanceof AppError ? 2 : 1;
      return { exit, out, err: `${err}${x instanceof Error ? x.message : String(x)}` };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  function spawnCli(args: string[], input = '') {
    const { DATABASE_URL: _pg, ...env } = process.env; // always the SQLite store in `dir`
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...env, CIRCLES_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { exit: r.status, out: r.stdout, err: r.stderr };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'circles-cli-'));
    delete process.env.DATABASE_URL;
    process.env.CIRCLES_DATA_DIR = dir;
    process.env.LOG_LEVEL = 'silent';
    const s = await openServices(loadConfig(), { skipIndex: true });
    try {
      const res = await signup(
        s.deps,
        {
          email: 'owner@example.com',
          password: 'owner-password',
          name: 'Owner',
          organization: { name: 'Acme', website: null, hqCountry: 'DE' },
        },
        { sessionHours: 1 },
        { requestId: null },
      );
      orgId = res.organization.id;
    } finally {
      await s.close();
    }
  });
  afterAll(() => {
    process.env = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates users with a generated password, lists and disables them', async () => {
    const created = await cli([
      'users',
      'create',
      '--email',
      'Ops@Example.com',
      '--name',
      'Ops',
      '--org',
      orgId,
      '--role',
      'admin',
    ]);
    expect(created.exit, created.err).toBe(0);
    expect(created.out).toMatch(/Created ops@example.com .* as admin/);
    expect(created.out).toMatch(/Password \(shown once\): \S{20}/);

    expect(
      (
        await cli([
          'users',
          'create',
          '--email',
          'ops@example.com',
          '--name',
          'Again',
          '--org',
          orgId,
        ])
      ).exit,
    ).toBe(2);
    expect(
      (
        await cli([
          'users',
          'create',
          '--email',
          'x@example.com',
          '--name',
          'X',
          '--org',
          'no-such-org',
        ])
      ).exit,
    ).toBe(2);
    expect(
      (
        await cli([
          'users',
          'create',
          '--email',
          'x@example.com',
          '--name',
          'X',
          '--org',
          orgId,
          '--role',
          'king',
        ])
      ).exit,
    ).toBe(2);
    expect(
      (await cli(['users', 'create', '--email', 'not-an-email', '--name', 'X', '--org', orgId]))
        .exit,
    ).toBe(2);
    expect((await cli(['users', 'create', '--name', 'X', '--org', orgId])).exit).toBe(2);

    const list = await cli(['users', 'list', '--org', orgId]);
    expect(list.exit).toBe(0);
    expect(
      list.out
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['ops@example.com', 'owner@example.com']);

    expect((await cli(['users', 'disable', 'OPS@example.com'])).exit).toBe(0);
    expect((await cli(['users', 'list'])).out).toMatch(/ops@example.com\tOps\tdisabled /);
    expect((await cli(['users', 'disable', 'nobody@example.com'])).exit).toBe(2);
  });

  it('creates a token printed once, lists it by prefix, and revokes it', async () => {
    const created = await cli([
      'tokens',
      'create',
      '--org',
      orgId,
      '--user',
      'owner@example.com',
      '--name',
      'deploy',
      '--days',
      '7',
    ]);
    expect(created.exit, created.err).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^cit_[A-Za-z0-9_-]{43}$/);

    const list = await cli(['tokens', 'list', '--org', orgId]);
    expect(list.out).toContain(token.slice(0, 10));
    expect(list.out).not.toContain(token);
    const id = list.out.split('\t')[0]!;

    expect((await cli(['tokens', 'revoke', id])).exit).toBe(0);
    expect((await cli(['tokens', 'list', '--org', orgId])).out).toMatch(/\trevoked /);
    expect((await cli(['tokens', 'revoke', 'nope'])).exit).toBe(2);
    expect(
      (
        await cli([
          'tokens',
          'create',
          '--org',
          orgId,
          '--user',
          'stranger@example.com',
          '--name',
          'x',
        ])
      ).exit,
    ).toBe(2);
    expect(
      (
        await cli([
          'tokens',
          'create',
          '--org',
          orgId,
          '--user',
          'owner@example.com',
          '--name',
          'x',
          '--days',
          '400',
        ])
      ).exit,
    ).toBe(2);
    expect((await cli(['tokens', 'list'])).exit).toBe(2);
  });

  it('as a process: reads the password from stdin, and audit verify exits 1 naming the first break', async () => {
    const created = spawnCli(
      [
        'users',
        'create',
        '--email',
        'in@example.com',
        '--name',
        'In',
        '--org',
        orgId,
        '--password-stdin',
      ],
      'a-long-enough-password\n',
    );
    expect(created.exit, created.err).toBe(0);
    expect(created.out).not.toContain('a-long-enough-password');

    const ok = await cli(['audit', 'verify']);
    expect(ok.exit, ok.err).toBe(0);
    expect(ok.out).toMatch(/Checked \d+ entries in \d+ chains\.\nAll chains intact\./);

    const s = await openServices(loadConfig(), { skipIndex: true });
    try {
      await sql`UPDATE audit_log SET details = '{}' WHERE chain = ${orgId} AND seq = 2`.execute(
        s.deps.db,
      );
    } finally {
      await s.close();
    }
    const bad = spawnCli(['audit', 'verify']);
    expect(bad.exit).toBe(1);
    expect(bad.err).toContain(`audit chain ${orgId} broken at seq 2: content hash does not match`);
  });
});
