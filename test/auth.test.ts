// Sign-up, sign-in, sessions, sign-out, org switching and /me over HTTP, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUser } from '../src/services/auth.service.ts';
import { disableUser } from '../src/services/users.service.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import {
  createTestApp,
  expectProblem,
  PASSWORD,
  sessionCookieOf,
  type TestApp,
} from './support/test-app.ts';

const SIGNUP = '/api/v1/auth/signup';
const LOGIN = '/api/v1/auth/login';

function signupBody(over: Record<string, unknown> = {}) {
  return {
    email: `new-${Math.random().toString(36).slice(2)}@example.com`,
    password: PASSWORD,
    name: 'Ann Lee',
    organization: {
      name: 'Contoso Partners',
      website: 'https://www.contoso.co.uk/about',
      hqCountry: 'GB',
    },
    ...over,
  };
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`auth (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    describe('sign-up', () => {
      it('creates user, org, owner membership and session in one go, and indexes the org', async () => {
        const before = t.deps.directory.size;
        const res = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({ email: '  Ann.Lee@Contoso.CO.UK ' }),
        });
        expect(res.statusCode, res.body).toBe(201);
        const body = res.json<{
          token: string;
          csrfToken: string;
          user: { email: string };
          organization: { id: string; role: string; name: string };
        }>();
        expect(body.token).toMatch(/^cis_[A-Za-z0-9_-]{43}$/);
        expect(body.user.email).toBe('ann.lee@contoso.co.uk');
        expect(body.organization).toMatchObject({ name: 'Contoso Partners', role: 'owner' });
        expect(t.deps.directory.size).toBe(before + 1);

        const cookie = res.cookies.find((c) => c.name === 'circles_session');
        expect(cookie).toMatchObject({
          value: body.token,
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
        });
        expect(cookie?.secure).toBeUndefined();

        const org = await t.store.db
          .selectFrom('orgs')
          .selectAll()
          .where('id', '=', body.organization.id)
          .executeTakeFirstOrThrow();
        expect(org.domain).toBe('contoso.co.uk');
        expect(org.hq_country).toBe('GB');
        const session = await t.store.db
          .selectFrom('sessions')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(session.token_hash).not.toContain(body.token.slice(4, 20)); // only the hash is stored
        const actions = await t.store.db
          .selectFrom('audit_log')
          .select('action')
          .where('chain', '=', body.organization.id)
          .orderBy('seq')
          .execute();
        expect(actions.map((a) => a.action)).toEqual(['org.created', 'auth.signup']);
      });

      it('refuses a taken email, whatever its case, naming the field', async () => {
        const first = signupBody();
        await t.app.inject({ method: 'POST', url: SIGNUP, payload: first });
        const res = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({ email: first.email.toUpperCase() }),
        });
        const p = expectProblem(res, 409);
        expect(p.errors).toEqual([{ path: 'email', message: 'Already registered' }]);
      });

      it('rolls everything back when the email is taken (no orphan org)', async () => {
        const first = signupBody();
        await t.app.inject({ method: 'POST', url: SIGNUP, payload: first });
        const orgsBefore = await t.store.db.selectFrom('orgs').select('id').execute();
        await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({ email: first.email }),
        });
        expect(await t.store.db.selectFrom('orgs').select('id').execute()).toHaveLength(
          orgsBefore.length,
        );
      });

      it.each<[string, Record<string, unknown>, string]>([
        ['short password', { password: 'short' }, 'body.password'],
        ['long password', { password: 'x'.repeat(201) }, 'body.password'],
        ['bad email', { email: 'not-an-email' }, 'body.email'],
        ['email as number', { email: 42 }, 'body.email'],
        ['name missing', { name: undefined }, 'body.name'],
        ['blank name', { name: '   ' }, 'body.name'],
        ['name with control characters', { name: 'Ann\u0000' }, 'body.name'],
        ['org as string', { organization: 'Contoso' }, 'body.organization'],
        [
          'lower-case country',
          { organization: { name: 'Contoso', hqCountry: 'gb' } },
          'body.organization.hqCountry',
        ],
        [
          'javascript: website',
          { organization: { name: 'Contoso', hqCountry: 'GB', website: 'javascript:alert(1)' } },
          'body.organization.website',
        ],
        ['neither org nor invitation', { organization: undefined }, 'body.organization'],
        ['both org and invitation', { invitationToken: 'cii_x' }, 'body.organization'],
      ])('rejects %s with a problem naming the field', async (_label, over, path) => {
        const res = await t.app.inject({ method: 'POST', url: SIGNUP, payload: signupBody(over) });
        const p = expectProblem(res, 400);
        expect(p.errors.map((e) => e.path)).toContain(path);
      });

      it('rejects an unknown country code from the vocabulary', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({ organization: { name: 'Contoso', hqCountry: 'ZZ' } }),
        });
        const p = expectProblem(res, 400);
        expect(p.errors[0]?.path).toBe('organization.hqCountry');
      });

      it('answers malformed JSON, an empty body, a wrong media type and an oversized body with problems', async () => {
        const json = { 'content-type': 'application/json' };
        expectProblem(
          await t.app.inject({ method: 'POST', url: SIGNUP, headers: json, payload: '{"email": ' }),
          400,
        );
        expectProblem(
          await t.app.inject({ method: 'POST', url: SIGNUP, headers: json, payload: '' }),
          400,
        );
        expectProblem(
          await t.app.inject({ method: 'POST', url: SIGNUP, headers: json, payload: '[]' }),
          400,
        );
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: SIGNUP,
            headers: { 'content-type': 'application/xml' },
            payload: '<a/>',
          }),
          415,
        );
        const huge = JSON.stringify(signupBody({ name: 'x'.repeat(1024 * 1024 + 10) }));
        expectProblem(
          await t.app.inject({ method: 'POST', url: SIGNUP, headers: json, payload: huge }),
          413,
        );
      });
    });

    describe('sign-in', () => {
      let email: string;
      beforeAll(async () => {
        email = (await t.signup()).user.email;
      });

      it('returns token, csrf token and sets the cookie; email case and spaces do not matter', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: { email: ` ${email.toUpperCase()} `, password: PASSWORD },
        });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<{ token: string; csrfToken: string; user: { email: string } }>();
        expect(body.user.email).toBe(email);
        expect(body.csrfToken.length).toBeGreaterThan(20);
        expect(sessionCookieOf(res)).toBe(body.token);
        const me = await t.as(body.token, { method: 'GET', url: '/api/v1/me' });
        expect(me.statusCode).toBe(200);
      });

      it('gives one generic 401 for a wrong password and for an unknown email, and audits both without the password', async () => {
        const wrong = expectProblem(
          await t.app.inject({
            method: 'POST',
            url: LOGIN,
            payload: { email, password: 'wrong-password-1' },
          }),
          401,
        );
        const unknown = expectProblem(
          await t.app.inject({
            method: 'POST',
            url: LOGIN,
            payload: { email: 'nobody@example.com', password: 'wrong-password-2' },
          }),
          401,
        );
        expect(wrong.detail).toBe(unknown.detail);
        expect(wrong.errors).toEqual(unknown.errors);
        const failed = await t.store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('chain', '=', 'system')
          .where('action', '=', 'auth.login_failed')
          .execute();
        const details = failed.map((f) => f.details).join('\n');
        expect(details).toContain(email);
        expect(details).toContain('nobody@example.com');
        expect(details).not.toContain('wrong-password');
      });

      it('validates the body', async () => {
        expectProblem(await t.app.inject({ method: 'POST', url: LOGIN, payload: { email } }), 400);
        expectProblem(
          await t.app.inject({ method: 'POST', url: LOGIN, payload: { email, password: 123 } }),
          400,
        );
        expectProblem(
          await t.app.inject({ method: 'POST', url: LOGIN, payload: { email, password: '' } }),
          400,
        );
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: LOGIN,
            payload: { email, password: 'x'.repeat(500) },
          }),
          400,
        );
      });

      it('signs in to a chosen org, and 404s for an org the user is not in', async () => {
        const other = await t.signup();
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: LOGIN,
            payload: { email, password: PASSWORD, orgId: other.organization.id },
          }),
          404,
        );
      });

      it('refuses a disabled user, and their sessions stop working', async () => {
        const s = await t.signup();
        await disableUser(t.deps, s.user.email);
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: LOGIN,
            payload: { email: s.user.email, password: PASSWORD },
          }),
          401,
        );
        expectProblem(await t.as(s.token, { method: 'GET', url: '/api/v1/me' }), 401);
      });
    });

    describe('sessions', () => {
      it('expire after the configured hours', async () => {
        const s = await t.signup();
        t.clock.advance(7 * 24 * 3600_000 - 1000);
        expect((await t.as(s.token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
        t.clock.advance(1000);
        expectProblem(await t.as(s.token, { method: 'GET', url: '/api/v1/me' }), 401);
      });

      it('ignore garbage, unknown and non-Bearer credentials', async () => {
        for (const authorization of [
          'Bearer nope',
          'Bearer cis_unknown',
          'Bearer cit_unknown',
          'Bearer cii_x',
          'Basic dXNlcjpwYXNz',
          `Bearer cis_${'a'.repeat(5000)}`,
        ]) {
          expectProblem(
            await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } }),
            401,
          );
        }
        expectProblem(
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/me',
            cookies: { circles_session: 'cis_forged' },
          }),
          401,
        );
      });

      it('never fall back to the cookie when an Authorization header is present', async () => {
        const s = await t.signup();
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          cookies: { circles_session: s.token },
          headers: { authorization: 'Bearer cis_wrong' },
        });
        expectProblem(res, 401);
      });

      it('log out: the session is revoked, the cookie cleared, and it is audited', async () => {
        const s = await t.signup();
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          cookies: { circles_session: s.token },
          headers: { 'x-csrf-token': s.csrfToken },
        });
        expect(res.statusCode, res.body).toBe(204);
        const cleared = res.cookies.find((c) => c.name === 'circles_session');
        expect(cleared?.value).toBe('');
        expectProblem(await t.as(s.token, { method: 'GET', url: '/api/v1/me' }), 401);
        const last = await t.store.db
          .selectFrom('audit_log')
          .select('action')
          .where('chain', '=', s.organization.id)
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        expect(last.action).toBe('auth.logout');
      });

      it('log out without credentials or with an API token changes nothing', async () => {
        expect(
          (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode,
        ).toBe(204);
        const s = await t.signup();
        const tok = await t.as(s.token, {
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { name: 'ci' },
        });
        const apiToken = tok.json<{ token: string }>().token;
        expect(
          (await t.as(apiToken, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode,
        ).toBe(204);
        expect((await t.as(apiToken, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
        expect((await t.as(s.token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      });
    });

    describe('/me and switching orgs', () => {
      it('shows the csrf token only to cookie sessions', async () => {
        const s = await t.signup();
        const viaBearer = await t.as(s.token, { method: 'GET', url: '/api/v1/me' });
        expect(viaBearer.json()).not.toHaveProperty('csrfToken');
        const viaCookie = await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          cookies: { circles_session: s.cookie },
        });
        expect(viaCookie.json()).toMatchObject({
          csrfToken: s.csrfToken,
          via: 'session',
          user: { id: s.user.id },
          organization: { id: s.organization.id, role: 'owner' },
          memberships: [{ orgId: s.organization.id, role: 'owner' }],
        });
      });

      it('switches between orgs the user belongs to, and only those', async () => {
        const a = await t.signup();
        const b = await t.signup();
        const inv = await t.as(b.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: a.user.email, role: 'admin' },
        });
        const invToken = inv.json<{ token: string }>().token;
        expect(
          (
            await t.as(a.token, {
              method: 'POST',
              url: '/api/v1/invitations/accept',
              payload: { token: invToken },
            })
          ).statusCode,
        ).toBe(200);

        const sw = await t.as(a.token, {
          method: 'POST',
          url: '/api/v1/auth/switch-org',
          payload: { orgId: b.organization.id },
        });
        expect(sw.statusCode, sw.body).toBe(200);
        expect(sw.json()).toEqual({
          organization: { id: b.organization.id, name: b.organization.name, role: 'admin' },
        });
        const me = (await t.as(a.token, { method: 'GET', url: '/api/v1/me' })).json<{
          organization: { id: string };
          memberships: unknown[];
        }>();
        expect(me.organization.id).toBe(b.organization.id);
        expect(me.memberships).toHaveLength(2);

        const c = await t.signup();
        expectProblem(
          await t.as(a.token, {
            method: 'POST',
            url: '/api/v1/auth/switch-org',
            payload: { orgId: c.organization.id },
          }),
          404,
        );
        expectProblem(
          await t.as(a.token, {
            method: 'POST',
            url: '/api/v1/auth/switch-org',
            payload: { orgId: 'no-such-org' },
          }),
          404,
        );
        expectProblem(
          await t.as(a.token, { method: 'POST', url: '/api/v1/auth/switch-org', payload: {} }),
          400,
        );
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/switch-org',
            payload: { orgId: b.organization.id },
          }),
          401,
        );

        // Sign-in can pick the org too.
        const login = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: { email: a.user.email, password: PASSWORD, orgId: b.organization.id },
        });
        expect(login.json<{ organization: { id: string } }>().organization.id).toBe(
          b.organization.id,
        );
      });

      it('refuses switching for API tokens', async () => {
        const s = await t.signup();
        const apiToken = (
          await t.as(s.token, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'x' } })
        ).json<{ token: string }>().token;
        expectProblem(
          await t.as(apiToken, {
            method: 'POST',
            url: '/api/v1/auth/switch-org',
            payload: { orgId: s.organization.id },
          }),
          403,
        );
      });
    });

    describe('joining by invitation', () => {
      it('signs up into the inviting org with the invited role', async () => {
        const owner = await t.signup();
        const email = `invitee-${Date.now()}@example.com`;
        const inv = await t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email, role: 'admin' },
        });
        expect(inv.statusCode, inv.body).toBe(201);
        const token = inv.json<{ token: string }>().token;
        expect(token).toMatch(/^cii_/);

        const wrongEmail = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({ organization: undefined, invitationToken: token }),
        });
        expectProblem(wrongEmail, 403);

        const res = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({
            email: email.toUpperCase(),
            organization: undefined,
            invitationToken: token,
          }),
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({
          organization: { id: owner.organization.id, role: 'admin' },
        });

        const again = await t.app.inject({
          method: 'POST',
          url: SIGNUP,
          payload: signupBody({
            email: `x${email}`,
            organization: undefined,
            invitationToken: token,
          }),
        });
        expectProblem(again, 404);
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: SIGNUP,
            payload: signupBody({ organization: undefined, invitationToken: 'cii_nope' }),
          }),
          404,
        );
      });

      it('lets an existing user with no org left sign in with an invitation token', async () => {
        const owner = await t.signup();
        const leaver = await t.signup();
        const leave = await t.as(leaver.token, {
          method: 'POST',
          url: '/api/v1/auth/switch-org',
          payload: { orgId: leaver.organization.id },
        });
        expect(leave.statusCode).toBe(200);
        // The leaver's org has another owner first, so they can go.
        const inv0 = await t.as(leaver.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: owner.user.email, role: 'owner' },
        });
        const t0 = inv0.json<{ token: string }>().token;
        await t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token: t0 },
        });
        expect(
          (await t.as(leaver.token, { method: 'DELETE', url: `/api/v1/members/${leaver.user.id}` }))
            .statusCode,
        ).toBe(204);

        const noOrg = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: { email: leaver.user.email, password: PASSWORD },
        });
        expectProblem(noOrg, 403);

        const inv = await t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: leaver.user.email, role: 'member' },
        });
        const back = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: {
            email: leaver.user.email,
            password: PASSWORD,
            invitationToken: inv.json<{ token: string }>().token,
          },
        });
        expect(back.statusCode, back.body).toBe(200);
        expect(back.json()).toMatchObject({
          organization: { id: owner.organization.id, role: 'member' },
        });
      });
    });

    describe('demo user', () => {
      it('is created once as owner of an existing org, idempotently', async () => {
        const s = await t.signup();
        const demo = {
          email: 'Demo@Circles.dev',
          password: 'demo-password-1',
          orgId: s.organization.id,
        };
        await ensureDemoUser(t.deps, demo);
        await ensureDemoUser(t.deps, demo);
        const login = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: { email: 'demo@circles.dev', password: 'demo-password-1' },
        });
        expect(login.statusCode, login.body).toBe(200);
        expect(login.json()).toMatchObject({
          organization: { id: s.organization.id, role: 'owner' },
        });
        const users = await t.store.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'demo@circles.dev')
          .execute();
        expect(users).toHaveLength(1);
        await expect(ensureDemoUser(t.deps, { ...demo, orgId: 'missing' })).rejects.toMatchObject({
          code: 'not_found',
        });
      });
    });
  });

  describe.skipIf(!storeAvailable(kind))(`sign-in rate limit (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, {
        CIRCLES_LOGIN_RATE_PER_MINUTE: '3',
        CIRCLES_SECURE_COOKIES: 'true',
      });
    });
    afterAll(() => t.close());

    it('answers 429 problem+json per IP and email after the limit, and other emails are unaffected', async () => {
      const s = await t.signup('limited@example.com');
      const first = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { email: 'limited@example.com', password: PASSWORD },
      });
      // CIRCLES_SECURE_COOKIES=true marks the session cookie Secure.
      expect(first.cookies.find((c) => c.name === 'circles_session')?.secure).toBe(true);
      for (let i = 0; i < 2; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: LOGIN,
          payload: { email: 'LIMITED@example.com', password: 'wrong-password' },
        });
        expect(r.statusCode).toBe(401);
      }
      const limited = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { email: s.user.email, password: PASSWORD },
      });
      const p = expectProblem(limited, 429);
      expect(p.type).toMatch(/rate-limited$/);
      expect(limited.headers['retry-after']).toBeDefined();

      const other = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { email: 'other@example.com', password: 'wrong-password' },
      });
      expect(other.statusCode).toBe(401);
      const otherIp = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        remoteAddress: '10.9.8.7',
        payload: { email: s.user.email, password: PASSWORD },
      });
      expect(otherIp.statusCode).toBe(200);
    });
  });
}
