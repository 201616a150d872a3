// How the server serves the web app (no browser needed): files with the right caching, the app
// shell for page paths, problem+json 404s kept for /api, pre-compressed assets, and a clear
// answer when the web app has not been built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from '../../src/http/web.ts';

const SHELL = '<!doctype html><title>Circles</title><div id="root"></div>';
const JS = 'console.log("circles");'.repeat(50);

async function appWith(distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  // The real app answers unknown routes with problem+json; so does this stand-in.
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send({ title: 'Not found', status: 404, detail: req.url, errors: [] }),
  );
  app.get('/api/v1/ping', async () => ({ pong: true }));
  await registerWeb(app, { distDir });
  await app.ready();
  return app;
}

describe('serving web/dist', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'circles-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), SHELL);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), JS);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(JS));
    app = await appWith(dist);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the app shell at / and for any page path a browser navigates to', async () => {
    for (const url of ['/', '/directory?country=DE', '/orgs/abc', '/my-org/members']) {
      const res = await app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(SHELL);
    }
  });

  it('lets browsers keep hashed assets for a year, and sends the gzip twin when accepted', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(JS);
    const gz = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBeLessThan(JS.length);
    const other = await app.inject({ url: '/favicon.svg' });
    expect(other.headers['cache-control']).toBe('no-cache');
  });

  it('keeps /api 404s as problem+json and never answers a missing asset with the shell', async () => {
    const api = await app.inject({ url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    const asset = await app.inject({ url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(asset.statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/directory' })).statusCode).toBe(404);
  });

  it('never serves files outside web/dist', async () => {
    for (const url of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2findex.html',
      '/%00',
    ]) {
      const res = await app.inject({ url, headers: { accept: '*/*' } });
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('says how to build the web app when web/dist is missing, instead of failing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'circles-web-missing-'));
    const bare = await appWith(join(empty, 'dist'));
    try {
      const res = await bare.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/api/v1/ping' })).statusCode).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
