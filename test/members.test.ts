// Members and invitations over HTTP: who may do what, the last-owner rule, and org isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteToken, joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface MemberDto {
  userId: string;
  email: string;
  role: string;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`members and invitations (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      // Sessions outlive the 7-day invitation expiry the tests step over.
      t = await createTestApp(kind, { CIRCLES_SESSION_HOURS: '720' });
    });
    afterAll(() => t.close());

    const members = async (s: { token: string }) =>
      (await t.as(s.token, { method: 'GET', url: '/api/v1/members' })).json<{
        members: MemberDto[];
      }>().members;
    const patch = (s: { token: string }, userId: string, payload: unknown) =>
      t.as(s.token, {
        method: 'PATCH',
        url: `/api/v1/members/${userId}`,
        payload: payload as Record<string, unknown>,
      });
    const remove = (s: { token: string }, userId: string) =>
      t.as(s.token, { method: 'DELETE', url: `/api/v1/members/${userId}` });

    describe('listing', () => {
      it('every member can list the org’s members, and only their org’s', async () => {
        const owner = await t.signup();
        const member = await joinAs(t, owner, 'member');
        await t.signup(); // another org, never listed
        const list = await members(member);
        expect(list.map((m) => [m.userId, m.role]).sort()).toEqual(
          [
            [owner.user.id, 'owner'],
            [member.user.id, 'member'],
          ].sort(),
        );
        expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/members' }), 401);
      });
    });

    describe('invitations', () => {
      let owner: SignedUp;
      let admin: SignedUp;
      let member: SignedUp;
      beforeAll(async () => {
        owner = await t.signup();
        admin = await joinAs(t, owner, 'admin');
        member = await joinAs(t, owner, 'member');
      });

      it('admins invite admins and members; only owners invite owners; members cannot invite', async () => {
        const res = await t.as(admin.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: ' New@Example.com ' },
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({
          email: 'new@example.com',
          role: 'member',
          invitedBy: admin.user.id,
          token: expect.stringMatching(/^cii_/) as string,
        });
        expectProblem(
          await t.as(admin.token, {
            method: 'POST',
            url: '/api/v1/invitations',
            payload: { email: 'o@example.com', role: 'owner' },
          }),
          403,
        );
        expect(
          (
            await t.as(owner.token, {
              method: 'POST',
              url: '/api/v1/invitations',
              payload: { email: 'o@example.com', role: 'owner' },
            })
          ).statusCode,
        ).toBe(201);
        expectProblem(
          await t.as(member.token, {
            method: 'POST',
            url: '/api/v1/invitations',
            payload: { email: 'm@example.com' },
          }),
          403,
        );
        expectProblem(await t.as(member.token, { method: 'GET', url: '/api/v1/invitations' }), 403);
      });

      it.each<[string, Record<string, unknown>]>([
        ['missing email', {}],
        ['bad email', { email: 'nope' }],
        ['unknown role', { email: 'a@example.com', role: 'superuser' }],
        ['role as number', { email: 'a@example.com', role: 1 }],
      ])('rejects %s', async (_l, payload) => {
        expectProblem(
          await t.as(owner.token, { method: 'POST', url: '/api/v1/invitations', payload }),
          400,
        );
      });

      it('refuses to invite someone already in the org (409)', async () => {
        const p = expectProblem(
          await t.as(owner.token, {
            method: 'POST',
            url: '/api/v1/invitations',
            payload: { email: member.user.email.toUpperCase() },
          }),
          409,
        );
        expect(p.errors[0]?.path).toBe('email');
      });

      it('lists open invitations without tokens; a re-invite replaces the earlier one', async () => {
        const first = await inviteToken(t, owner, 'twice@example.com');
        const second = await inviteToken(t, owner, 'twice@example.com', 'admin');
        const list = await t.as(owner.token, { method: 'GET', url: '/api/v1/invitations' });
        expect(list.body).not.toContain('cii_');
        const open = list
          .json<{ invitations: { email: string; role: string }[] }>()
          .invitations.filter((i) => i.email === 'twice@example.com');
        expect(open).toEqual([expect.objectContaining({ role: 'admin' })]);
        const other = await t.signup('twice@example.com');
        expectProblem(
          await t.as(other.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token: first },
          }),
          404,
        );
        const ok = await t.as(other.token, {
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token: second },
        });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json()).toEqual({
          organization: { id: owner.organization.id, name: owner.organization.name, role: 'admin' },
        });
      });

      it('accepting: only the invited address, only once, not after expiry or withdrawal', async () => {
        const invitee = await t.signup();
        const stranger = await t.signup();
        const token = await inviteToken(t, owner, invitee.user.email);
        expectProblem(
          await t.as(stranger.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token },
          }),
          403,
        );
        expect(
          (
            await t.as(invitee.token, {
              method: 'POST',
              url: '/api/v1/invitations/accept',
              payload: { token },
            })
          ).statusCode,
        ).toBe(200);
        expectProblem(
          await t.as(invitee.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token },
          }),
          404,
        );

        const late = await t.signup();
        const lateToken = await inviteToken(t, owner, late.user.email);
        t.clock.advance(7 * 24 * 3600_000);
        expectProblem(
          await t.as(late.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token: lateToken },
          }),
          404,
        );

        const withdrawn = await t.signup();
        const res = await t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: withdrawn.user.email },
        });
        const inv = res.json<{ id: string; token: string }>();
        expect(
          (await t.as(admin.token, { method: 'DELETE', url: `/api/v1/invitations/${inv.id}` }))
            .statusCode,
        ).toBe(204);
        expectProblem(
          await t.as(withdrawn.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token: inv.token },
          }),
          404,
        );
        expectProblem(
          await t.as(admin.token, { method: 'DELETE', url: `/api/v1/invitations/${inv.id}` }),
          404,
        );

        expectProblem(
          await t.as(late.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: {},
          }),
          400,
        );
        expectProblem(
          await t.as(late.token, {
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token: 'cii_garbage' },
          }),
          404,
        );
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/invitations/accept',
            payload: { token: 'cii_garbage' },
          }),
          401,
        );
      });

      it('an accepted invitation cannot be withdrawn (409); another org’s or an unknown id is 404', async () => {
        const res = await t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: 'acc@example.com' },
        });
        const inv = res.json<{ id: string; token: string }>();
        const acc = await t.signup('acc@example.com');
        await t.as(acc.token, {
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token: inv.token },
        });
        expectProblem(
          await t.as(owner.token, { method: 'DELETE', url: `/api/v1/invitations/${inv.id}` }),
          409,
        );

        const foreign = await t.signup();
        const foreignInv = (
          await t.as(foreign.token, {
            method: 'POST',
            url: '/api/v1/invitations',
            payload: { email: 'f@example.com' },
          })
        ).json<{ id: string }>();
        expectProblem(
          await t.as(owner.token, {
            method: 'DELETE',
            url: `/api/v1/invitations/${foreignInv.id}`,
          }),
          404,
        );
        expectProblem(
          await t.as(owner.token, { method: 'DELETE', url: '/api/v1/invitations/nope' }),
          404,
        );
        expectProblem(
          await t.as(member.token, {
            method: 'DELETE',
            url: `/api/v1/invitations/${foreignInv.id}`,
          }),
          403,
        );
      });
    });

    describe('roles', () => {
      it('admins move people between member and admin; only owners touch the owner role', async () => {
        const owner = await t.signup();
        const admin = await joinAs(t, owner, 'admin');
        const m = await joinAs(t, owner, 'member');
        const up = await patch(admin, m.user.id, { role: 'admin' });
        expect(up.statusCode, up.body).toBe(200);
        expect(up.json()).toMatchObject({ userId: m.user.id, role: 'admin', email: m.user.email });
        expectProblem(await patch(admin, m.user.id, { role: 'owner' }), 403);
        expectProblem(await patch(admin, owner.user.id, { role: 'member' }), 403);
        expect((await patch(owner, m.user.id, { role: 'owner' })).statusCode).toBe(200);
        expect((await patch(m, owner.user.id, { role: 'admin' })).statusCode).toBe(200);
        const roles = Object.fromEntries((await members(owner)).map((x) => [x.userId, x.role]));
        expect(roles).toEqual({
          [owner.user.id]: 'admin',
          [admin.user.id]: 'admin',
          [m.user.id]: 'owner',
        });
        const changes = await t.store.db
          .selectFrom('audit_log')
          .select('details')
          .where('chain', '=', owner.organization.id)
          .where('action', '=', 'member.role_changed')
          .execute();
        expect(changes.map((c) => JSON.parse(c.details) as unknown)).toEqual([
          { from: 'member', to: 'admin' },
          { from: 'admin', to: 'owner' },
          { from: 'owner', to: 'admin' },
        ]);
      });

      it('never demotes the last owner (409), even themselves', async () => {
        const owner = await t.signup();
        const p = expectProblem(await patch(owner, owner.user.id, { role: 'admin' }), 409);
        expect(p.detail).toMatch(/at least one owner/);
        expect((await patch(owner, owner.user.id, { role: 'owner' })).statusCode).toBe(200);
      });

      it('members can change nothing; validation and unknown/foreign ids answer 400/404', async () => {
        const owner = await t.signup();
        const m = await joinAs(t, owner, 'member');
        const outsider = await t.signup();
        expectProblem(await patch(m, m.user.id, { role: 'admin' }), 403);
        expectProblem(await patch(m, outsider.user.id, { role: 'admin' }), 403);
        expectProblem(await patch(owner, outsider.user.id, { role: 'admin' }), 404);
        expectProblem(await patch(owner, 'no-such-user', { role: 'admin' }), 404);
        expectProblem(await patch(owner, m.user.id, { role: 'god' }), 400);
        expectProblem(await patch(owner, m.user.id, {}), 400);
        expectProblem(await patch(owner, m.user.id, ['admin']), 400);
      });
    });

    describe('removal', () => {
      it('anyone may leave; a removed member’s sessions end at once', async () => {
        const owner = await t.signup();
        const m = await joinAs(t, owner, 'member');
        expect((await remove(m, m.user.id)).statusCode).toBe(204);
        expectProblem(await t.as(m.token, { method: 'GET', url: '/api/v1/me' }), 401);
        expect((await members(owner)).map((x) => x.userId)).toEqual([owner.user.id]);
        const audit = await t.store.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'member.removed')
          .where('target_id', '=', m.user.id)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(audit.details)).toMatchObject({
          self: true,
          role: 'member',
          sessionsRevoked: 1,
        });
      });

      it('the last owner cannot leave or be removed (409); with two owners one may go', async () => {
        const owner = await t.signup();
        expectProblem(await remove(owner, owner.user.id), 409);
        const second = await joinAs(t, owner, 'owner');
        expect((await remove(second, owner.user.id)).statusCode).toBe(204);
        expectProblem(await remove(second, second.user.id), 409);
      });

      it('admins remove members and admins but not owners; members remove nobody else', async () => {
        const owner = await t.signup();
        const admin = await joinAs(t, owner, 'admin');
        const admin2 = await joinAs(t, owner, 'admin');
        const m = await joinAs(t, owner, 'member');
        const m2 = await joinAs(t, owner, 'member');
        expectProblem(await remove(m, m2.user.id), 403);
        expectProblem(await remove(admin, owner.user.id), 403);
        expect((await remove(admin, m2.user.id)).statusCode).toBe(204);
        expect((await remove(admin, admin2.user.id)).statusCode).toBe(204);
        expectProblem(await remove(admin, m2.user.id), 404);
      });

      it('another org’s member is 404, never 403 or 204', async () => {
        const a = await t.signup();
        const b = await t.signup();
        expectProblem(await remove(a, b.user.id), 404);
        expect((await members(b)).map((x) => x.userId)).toEqual([b.user.id]);
      });

      it('a rejoining member gets no old session or token back', async () => {
        const owner = await t.signup();
        const m = await joinAs(t, owner, 'member');
        const tok = (
          await t.as(m.token, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'x' } })
        ).json<{ token: string }>().token;
        await remove(owner, m.user.id);
        const again = await inviteToken(t, owner, m.user.email);
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: {
            email: m.user.email,
            password: 'correct horse battery',
            invitationToken: again,
          },
        });
        expect(login.statusCode, login.body).toBe(200);
        expectProblem(await t.as(m.token, { method: 'GET', url: '/api/v1/me' }), 401);
        expectProblem(await t.as(tok, { method: 'GET', url: '/api/v1/me' }), 401);
      });
    });

    it('concurrent demotions of the only two owners leave one owner', async () => {
      const a = await t.signup();
      const b = await joinAs(t, a, 'owner');
      const [ra, rb] = await Promise.all([
        patch(a, b.user.id, { role: 'admin' }),
        patch(b, a.user.id, { role: 'admin' }),
      ]);
      // The loser sees either the last-owner rule (409) or that it is no longer an owner itself (403).
      expect([ra.statusCode, rb.statusCode].filter((c) => c === 200)).toHaveLength(1);
      expect([ra.statusCode, rb.statusCode].filter((c) => c === 409 || c === 403)).toHaveLength(1);
      expect((await members(a)).filter((x) => x.role === 'owner')).toHaveLength(1);
    });
  });
}
