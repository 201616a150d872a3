// What a newcomer does: `circles serve --demo` on an empty data dir seeds the demo ecosystem,
// prints the URL and a demo sign-in that works; a restart does not seed twice. Bad config: one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/connect.ts';
import { startServerProcess } from './support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'circles-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('serve --demo', () => {
  it('seeds once, prints a working demo sign-in, and the directory has the demo orgs', async () => {
    const env = { CIRCLES_DATA_DIR: dataDir, CIRCLES_DEMO_ORGS: '300' };
    const first = await startServerProcess(env, ['--demo']);
    const m = /Demo sign-in: (\S+) \/ (\S+)/.exec(first.output());
    expect(m).not.toBeNull();
    const [, email, password] = m as unknown as [string, string, string];
    const token = await signIn(first.url, email, password);
    const page = (await (
      await fetch(`${first.url}/api/v1/orgs?limit=5`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { total: number; facets: { country: unknown[] } };
    expect(page.total).toBe(300);
    expect(page.facets.country.length).toBeGreaterThan(20);
    // The second sign-in owns another org: the other side for trying the deal flow.
    const p = /Demo partner sign-in: (\S+) \/ (\S+)/.exec(first.output());
    expect(p).not.toBeNull();
    const [, partnerEmail, partnerPassword] = p as unknown as [string, string, string];
    const partnerToken = await signIn(first.url, partnerEmail, partnerPassword);
    const me = async (t: string) =>
      (
        (await (
          await fetch(`${first.url}/api/v1/me`, { headers: { authorization: `Bearer ${t}` } })
        ).json()) as {
          organization: { id: string };
        }
      ).organization.id;
    expect(await me(partnerToken)).not.toBe(await me(token));
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env, ['--demo']);
    const token2 = await signIn(second.url, email, password);
    const again = (await (
      await fetch(`${second.url}/api/v1/orgs?limit=1`, {
        headers: { authorization: `Bearer ${token2}` },
      })
    ).json()) as { total: number };
    expect(again.total).toBe(300);
    expect(await second.stop()).toBe(0);
  });
});

describe('configuration', () => {
  it('opens SQLite with the chosen commit durability, FULL unless told otherwise', async () => {
    expect(() => loadConfig({ CIRCLES_SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /CIRCLES_SQLITE_SYNCHRONOUS/,
    );
    const syncLevel = async (env: NodeJS.ProcessEnv): Promise<unknown> => {
      const store = openStore(loadConfig({ ...env, CIRCLES_DATA_DIR: join(dataDir, 'sync') }));
      try {
        return store.sqlite?.pragma('synchronous', { simple: true });
      } finally {
        await store.close();
      }
    };
    expect(await syncLevel({})).toBe(2); // FULL
    expect(await syncLevel({ CIRCLES_SQLITE_SYNCHRONOUS: 'normal' })).toBe(1); // NORMAL
  });

  it('rejects bad values naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('stops the CLI with one line and a non-zero exit', () => {
    const res = spawnSync(
      process.execPath,
      [resolve(import.meta.dirname, '../bin/circles.mjs'), 'migrate'],
      {
        env: { ...process.env, PORT: 'not-a-port', CIRCLES_DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/PORT/);
  });
});
