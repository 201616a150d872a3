// API tokens over HTTP: shown once, hashed at rest, scoped to one org, revocable, expiring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { joinAs } from './support/identity-helpers.ts';
import { createTestApp, expectProblem, type TestApp } from './support/test-app.ts';

interface TokenDto {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
}

const DAY = 24 * 3600_000;

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`API tokens (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    async function create(s: { token: string }, payload: Record<string, unknown> = { name: 'ci' }) {
      const res = await t.as(s.token, { method: 'POST', url: '/api/v1/tokens', payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<TokenDto & { token: string }>();
    }

    it('creates a token shown once, stores only its hash, and lists it without the secret', async () => {
      const s = await t.signup();
      const created = await create(s, { name: '  nightly sync  ' });
      expect(created.token).toMatch(/^cit_[A-Za-z0-9_-]{43}$/);
      expect(created.prefix).toBe(created.token.slice(0, 10));
      expect(created.name).toBe('nightly sync');
      expect(created.expiresAt).toBe(new Date(t.clock.now().getTime() + 90 * DAY).toISOString());

      const row = await t.store.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(created.token);

      const list = await t.as(s.token, { method: 'GET', url: '/api/v1/tokens' });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(created.token);
      const { tokens } = list.json<{ tokens: TokenDto[] }>();
      expect(tokens).toEqual(
        [{ ...created, token: undefined, lastUsedAt: null, revokedAt: null }].map(
          ({ token: _t, ...r }) => r,
        ),
      );
    });

    it('acts as its creator in its org, with their current role, and records when it was used', async () => {
      const s = await t.signup();
      const { token, id } = await create(s);
      const me = await t.as(token, { method: 'GET', url: '/api/v1/me' });
      expect(me.json()).toMatchObject({
        via: 'api_token',
        user: { id: s.user.id },
        organization: { id: s.organization.id, role: 'owner' },
      });
      expect(me.json()).not.toHaveProperty('csrfToken');
      // Bearer callers need no CSRF token for writes.
      const inv = await t.as(token, {
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email: 'x@example.com' },
      });
      expect(inv.statusCode).toBe(201);
      const listed = (await t.as(s.token, { method: 'GET', url: '/api/v1/tokens' })).json<{
        tokens: TokenDto[];
      }>();
      expect(listed.tokens.find((x) => x.id === id)?.lastUsedAt).toBe(t.clock.now().toISOString());
      const audit = await t.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'member.invited')
        .where('actor_token_id', '=', id)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>]>([
      ['no name', {}],
      ['empty name', { name: '' }],
      ['blank name', { name: '   ' }],
      ['long name', { name: 'x'.repeat(101) }],
      ['name as number', { name: 5 }],
      ['0 days', { name: 'a', expiresInDays: 0 }],
      ['366 days', { name: 'a', expiresInDays: 366 }],
      ['fractional days', { name: 'a', expiresInDays: 1.5 }],
      ['days as string', { name: 'a', expiresInDays: '10' }],
      ['days as null', { name: 'a', expiresInDays: null }],
    ])('rejects %s', async (_label, payload) => {
      const s = await t.signup();
      expectProblem(await t.as(s.token, { method: 'POST', url: '/api/v1/tokens', payload }), 400);
    });

    it('needs a caller, and a token cannot mint tokens', async () => {
      expectProblem(
        await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'a' } }),
        401,
      );
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/tokens' }), 401);
      const s = await t.signup();
      const { token } = await create(s);
      expectProblem(
        await t.as(token, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'child' } }),
        403,
      );
    });

    it('expires after expiresInDays (move the clock)', async () => {
      const s = await t.signup();
      const { token } = await create(s, { name: 'short', expiresInDays: 1 });
      t.clock.advance(DAY - 1);
      expect((await t.as(token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      t.clock.advance(1);
      expectProblem(await t.as(token, { method: 'GET', url: '/api/v1/me' }), 401);
    });

    it('revoked tokens stop working at once; revoking again is a no-op', async () => {
      const s = await t.signup();
      const { token, id } = await create(s);
      expect(
        (await t.as(s.token, { method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode,
      ).toBe(204);
      expectProblem(await t.as(token, { method: 'GET', url: '/api/v1/me' }), 401);
      expect(
        (await t.as(s.token, { method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode,
      ).toBe(204);
      const revoked = await t.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'token.revoked')
        .where('target_id', '=', id)
        .execute();
      expect(revoked).toHaveLength(1);
      const listed = (await t.as(s.token, { method: 'GET', url: '/api/v1/tokens' })).json<{
        tokens: TokenDto[];
      }>();
      expect(listed.tokens[0]?.revokedAt).toBe(t.clock.now().toISOString());
    });

    it('hides other orgs’ tokens: unknown and foreign ids are both 404', async () => {
      const a = await t.signup();
      const b = await t.signup();
      const { id, token } = await create(b);
      expectProblem(await t.as(a.token, { method: 'DELETE', url: `/api/v1/tokens/${id}` }), 404);
      expectProblem(
        await t.as(a.token, { method: 'DELETE', url: '/api/v1/tokens/does-not-exist' }),
        404,
      );
      expectProblem(
        await t.as(a.token, { method: 'DELETE', url: `/api/v1/tokens/${'x'.repeat(100)}` }),
        404,
      );
      expectProblem(
        await t.as(a.token, {
          method: 'DELETE',
          url: `/api/v1/tokens/${encodeURIComponent("1' OR '1'='1")}`,
        }),
        404,
      );
      expect(
        (await t.as(a.token, { method: 'GET', url: '/api/v1/tokens' })).json<{
          tokens: TokenDto[];
        }>().tokens,
      ).toEqual([]);
      expect((await t.as(token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    });

    it('members see and revoke only their own tokens; admins manage all', async () => {
      const owner = await t.signup();
      const member = await joinAs(t, owner, 'member');
      const admin = await joinAs(t, owner, 'admin');
      const ownerTok = await create(owner);
      const memberTok = await create(member);
      const memberTok2 = await create(member, { name: 'second' });

      const seenByMember = (
        await t.as(member.token, { method: 'GET', url: '/api/v1/tokens' })
      ).json<{ tokens: TokenDto[] }>();
      expect(seenByMember.tokens.map((x) => x.id).sort()).toEqual(
        [memberTok.id, memberTok2.id].sort(),
      );
      const seenByAdmin = (await t.as(admin.token, { method: 'GET', url: '/api/v1/tokens' })).json<{
        tokens: TokenDto[];
      }>();
      expect(seenByAdmin.tokens).toHaveLength(3);

      expectProblem(
        await t.as(member.token, { method: 'DELETE', url: `/api/v1/tokens/${ownerTok.id}` }),
        403,
      );
      expect(
        (await t.as(member.token, { method: 'DELETE', url: `/api/v1/tokens/${memberTok.id}` }))
          .statusCode,
      ).toBe(204);
      expect(
        (await t.as(admin.token, { method: 'DELETE', url: `/api/v1/tokens/${memberTok2.id}` }))
          .statusCode,
      ).toBe(204);
    });

    it('a removed member’s tokens stop working, and a demotion applies to tokens at once', async () => {
      const owner = await t.signup();
      const admin = await joinAs(t, owner, 'admin');
      const adminTok = await create(admin);
      expect(
        (await t.as(adminTok.token, { method: 'GET', url: '/api/v1/invitations' })).statusCode,
      ).toBe(200);
      await t.as(owner.token, {
        method: 'PATCH',
        url: `/api/v1/members/${admin.user.id}`,
        payload: { role: 'member' },
      });
      expectProblem(await t.as(adminTok.token, { method: 'GET', url: '/api/v1/invitations' }), 403);
      expect(
        (await t.as(owner.token, { method: 'DELETE', url: `/api/v1/members/${admin.user.id}` }))
          .statusCode,
      ).toBe(204);
      expectProblem(await t.as(adminTok.token, { method: 'GET', url: '/api/v1/me' }), 401);
    });

    it('an Idempotency-Key retry replays the result but never the secret', async () => {
      const s = await t.signup();
      const send = () =>
        t.as(s.token, {
          method: 'POST',
          url: '/api/v1/tokens',
          headers: { 'idempotency-key': 'tok-1' },
          payload: { name: 'once' },
        });
      const first = await send();
      const second = await send();
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const a = first.json<TokenDto & { token: string }>();
      const b = second.json<TokenDto & { token: string }>();
      expect(b.id).toBe(a.id);
      expect(b.token).not.toBe(a.token);
      expect(b.token).not.toMatch(/^cit_/);
      const stored = await t.store.db
        .selectFrom('idempotency_keys')
        .select('response_body')
        .execute();
      expect(stored.map((r) => r.response_body).join()).not.toContain(a.token);
    });
  });
}
