// Operations: health, metrics, OpenAPI, security headers, request ids, idempotency, no secrets in logs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildApp, type App } from '../src/http/app.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { STORE_KINDS, openTestStore, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, PASSWORD, type TestApp } from './support/test-app.ts';

describe.each(STORE_KINDS)('operations on %s', (kind) => {
  describe.skipIf(!storeAvailable(kind))('', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => t.close());

    it('reports health with the store kind', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.json()).toEqual({ status: 'ok', store: kind });
    });

    it('replays a POST with the same Idempotency-Key instead of repeating it', async () => {
      const s = await t.signup();
      const create = () =>
        t.as(s.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          headers: { 'idempotency-key': 'invite-42' },
          payload: { email: 'twice@example.com', role: 'member' },
        });
      const first = await create();
      expect(first.statusCode, first.body).toBe(201);
      const second = await create();
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
      const list = await t.as(s.token, { method: 'GET', url: '/api/v1/invitations' });
      expect(JSON.stringify(list.json())).toContain('twice@example.com');
      expect(list.body.match(/twice@example\.com/g)?.length).toBe(1);
      // The same key with another body is a client error, not a silent replay.
      const reused = await t.as(s.token, {
        method: 'POST',
        url: '/api/v1/invitations',
        headers: { 'idempotency-key': 'invite-42' },
        payload: { email: 'other@example.com', role: 'member' },
      });
      expectProblem(reused, 422);
    });
  });
});


/** The app on a fresh SQLite store with no signed-up users; logs go to `logStream` when given. */
async function bareApp(logLevel: 'debug' | 'silent', logStream?: Writable): Promise<{ app: App; close: () => Promise<void> }> {
  const store = await openTestStore('sqlite');
  const app = await buildApp(
    loadConfig({ LOG_LEVEL: logLevel }),
    { db: store.db, storeKind: store.kind, directory: createDirectoryIndex(), now: () => new Date() },
    logStream === undefined ? {} : { logStream },
  );
  return {
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

describe('HTTP surface', () => {
  let app: App;
  let close: () => Promise<void>;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    ({ app, close } = await bareApp('debug', logStream));
  });
  afterAll(async () => close());

  it('serves OpenAPI 3.1 with the documented paths, and browsable docs', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(spec.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/orgs', '/api/v1/orgs/{id}', '/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/me', '/api/v1/tokens', '/api/v1/audit', '/healthz']) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('exposes Prometheus metrics', async () => {
    await app.inject({ method: 'GET', url: '/healthz' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toContain('circles_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(res.body).toContain('circles_directory_orgs');
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('sends security headers and echoes a safe request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const hostile = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).not.toContain('<');
  });

  it('answers unknown routes and unsupported media types with problem+json', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope' }), 404);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expectProblem(xml, 415);
  });

  it('never writes passwords or tokens to the log', async () => {
    const signup = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: 'logs@example.com',
        password: PASSWORD,
        name: 'Log Watcher',
        organization: { name: 'Log Org', website: 'https://logs.example.com', hqCountry: 'FR' },
      },
    });
    const { token } = signup.json<{ token: string }>();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'ci' },
    });
    const apiToken = created.json<{ token: string }>().token;
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${apiToken}` } });
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(token);
    expect(log).not.toContain(apiToken);
  });
});

describe('router-level bad input', () => {
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await bareApp('silent'));
  });
  afterAll(async () => close());

  it('answers over-long path parameters, bad URL encoding and text bodies with problem+json', async () => {
    // Longer than any id: the router finds no such resource.
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/orgs/${'x'.repeat(500)}` }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/orgs/%E0%A4%A' }), 400);
    const text = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expectProblem(text, 415);
  });
});
