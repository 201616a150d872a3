// An acknowledged write survives kill -9 of the server on SQLite (WAL + synchronous=FULL),
// and SIGTERM shuts down gracefully with exit code 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'circles-durability-'));
const env = { CIRCLES_DATA_DIR: dataDir };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('durability on SQLite', () => {
  it('keeps an acknowledged write after kill -9', async () => {
    const first = await startServerProcess(env);
    const signup = await fetch(`${first.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'kill9@example.com',
        password: 'correct horse battery',
        name: 'Kim Nine',
        organization: { name: 'Durable Partners', website: 'https://durable.example.com', hqCountry: 'DK' },
      }),
    });
    expect(signup.status).toBe(201);
    const { token, organization } = (await json(signup)) as { token: string; organization: { id: string } };
    const auth = { authorization: `Bearer ${token}` };
    const got = await fetch(`${first.url}/api/v1/orgs/${organization.id}`, { headers: auth });
    const patch = await fetch(`${first.url}/api/v1/orgs/${organization.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json', 'if-match': got.headers.get('etag') ?? '' },
      body: JSON.stringify({ description: 'Written just before the crash', services: ['ManagedServices'] }),
    });
    expect(patch.status).toBe(200);
    // No graceful shutdown: the process dies mid-flight with whatever is in memory.
    await first.stop('SIGKILL');

    const second = await startServerProcess(env);
    try {
      const login = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'kill9@example.com', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
      const { token: token2 } = (await json(login)) as { token: string };
      const org = await json(
        await fetch(`${second.url}/api/v1/orgs/${organization.id}`, { headers: { authorization: `Bearer ${token2}` } }),
      );
      expect(org.description).toBe('Written just before the crash');
      expect(org.services).toEqual(['ManagedServices']);
      const found = await json(
        await fetch(`${second.url}/api/v1/orgs?q=durable`, { headers: { authorization: `Bearer ${token2}` } }),
      );
      expect(found.total).toBe(1);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  });
});
