// Cookie sessions need the CSRF token (and a same-site Origin) for writes; Bearer callers do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import {
  createTestApp,
  expectProblem,
  PASSWORD,
  type SignedUp,
  type TestApp,
} from './support/test-app.ts';

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`CSRF (${kind})`, () => {
    let t: TestApp;
    let s: SignedUp;
    beforeAll(async () => {
      t = await createTestApp(kind);
      s = await t.signup();
    });
    afterAll(() => t.close());

    const post = (headers: Record<string, string> = {}, cookie = s.cookie) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        cookies: { circles_session: cookie },
        headers,
        payload: { name: 'web' },
      });

    function expectCsrf(res: Awaited<ReturnType<typeof post>>, path: string) {
      const p = expectProblem(res, 403);
      expect(p.type).toMatch(/\/csrf$/);
      expect(p.errors[0]?.path).toBe(path);
    }

    it('refuses a cookie write without the header, or with a wrong one', async () => {
      expectCsrf(await post(), 'headers.x-csrf-token');
      expectCsrf(await post({ 'x-csrf-token': 'wrong' }), 'headers.x-csrf-token');
      expectCsrf(
        await post({
          'x-csrf-token': s.csrfToken.slice(0, -1) + (s.csrfToken.endsWith('A') ? 'B' : 'A'),
        }),
        'headers.x-csrf-token',
      );
      expectCsrf(await post({ 'x-csrf-token': '' }), 'headers.x-csrf-token');
      expect(await t.store.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(0);
    });

    it('accepts a cookie write with the session’s token', async () => {
      expect((await post({ 'x-csrf-token': s.csrfToken })).statusCode).toBe(201);
    });

    it('guards DELETE and PATCH the same way', async () => {
      const del = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/tokens/x',
        cookies: { circles_session: s.cookie },
      });
      expectCsrf(del, 'headers.x-csrf-token');
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/members/${s.user.id}`,
        cookies: { circles_session: s.cookie },
        payload: { role: 'owner' },
      });
      expectCsrf(patch, 'headers.x-csrf-token');
    });

    it('lets cookie reads through without a token', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/tokens',
        cookies: { circles_session: s.cookie },
      });
      expect(res.statusCode).toBe(200);
    });

    it('needs no CSRF token for Bearer callers (a browser cannot forge the header)', async () => {
      expect(
        (await t.as(s.token, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'cli' } }))
          .statusCode,
      ).toBe(201);
    });

    it('refuses a cross-site Origin on a cookie write even with the right token', async () => {
      expectCsrf(
        await post({ 'x-csrf-token': s.csrfToken, origin: 'https://evil.example' }),
        'headers.origin',
      );
      expectCsrf(await post({ 'x-csrf-token': s.csrfToken, origin: 'null' }), 'headers.origin');
      expectCsrf(
        await post({
          'x-csrf-token': s.csrfToken,
          origin: 'http://circles.example:8080',
          host: 'circles.example',
        }),
        'headers.origin',
      );
      for (const [origin, host] of [
        ['http://localhost:80', 'localhost'],
        ['https://circles.example', 'circles.example:443'],
        ['http://circles.example:8080', 'circles.example:8080'],
      ]) {
        const same = await post({ 'x-csrf-token': s.csrfToken, origin: origin!, host: host! });
        expect(same.statusCode, same.body).toBe(201);
      }
    });

    it('does not ask for a token to sign in again while a cookie is present', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        cookies: { circles_session: s.cookie },
        payload: { email: s.user.email, password: PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('treats a dead cookie as no session: 401, not 403', async () => {
      expectProblem(await post({}, 'cis_not-a-session'), 401);
      expectProblem(await post({}, 'cit_tokens-are-not-cookies'), 401);
    });

    it('a cookie on an unknown route still answers 404 problem', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/nope',
        cookies: { circles_session: s.cookie },
      });
      expectProblem(res, 404);
    });
  });
}
