// The audit log: every identity mutation leaves an entry, admins read their org's chain newest
// first, and verification catches a row edited behind the application's back.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/services/audit.service.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import {
  createTestApp,
  expectProblem,
  PASSWORD,
  type SignedUp,
  type TestApp,
} from './support/test-app.ts';

interface EntryDto {
  seq: number;
  at: string;
  action: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  targetId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}
const TOKEN_ROUNDS = 25;

interface PageDto {
  entries: EntryDto[];
  nextBefore: number | null;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`audit (${kind})`, () => {
    let t: TestApp;
    let owner: SignedUp;
    let admin: SignedUp;
    let member: SignedUp;
    const secrets: string[] = [];

    beforeAll(async () => {
      t = await createTestApp(kind);
      owner = await t.signup();
      admin = await joinAs(t, owner, 'admin');
      member = await joinAs(t, owner, 'member');
      secrets.push(owner.token, admin.token, member.token, owner.csrfToken);
      // A spread of mutations on the org's chain, one clock step apart.
      for (let i = 0; i < TOKEN_ROUNDS; i++) {
        t.clock.advance(60_000);
        const tok = await t.as(admin.token, {
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { name: `t${i}` },
        });
        const { id, token } = tok.json<{ id: string; token: string }>();
        secrets.push(token);
        await t.as(owner.token, { method: 'DELETE', url: `/api/v1/tokens/${id}` });
      }
      await t.as(owner.token, {
        method: 'PATCH',
        url: `/api/v1/members/${member.user.id}`,
        payload: { role: 'admin' },
      });
      await t.as(owner.token, {
        method: 'PATCH',
        url: `/api/v1/members/${member.user.id}`,
        payload: { role: 'member' },
      });
      const inv = await t.as(owner.token, {
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email: 'later@example.com' },
      });
      secrets.push(inv.json<{ token: string }>().token);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: owner.user.email, password: 'not-the-password' },
      });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: owner.user.email, password: PASSWORD },
      });
      secrets.push(login.json<{ token: string }>().token);
    });
    afterAll(() => t.close());

    const page = (s: { token: string }, query = '') =>
      t.as(s.token, { method: 'GET', url: `/api/v1/audit${query}` });

    it('records every identity mutation, newest first, with who and which request', async () => {
      const res = await page(owner, '?limit=200');
      expect(res.statusCode, res.body).toBe(200);
      const { entries, nextBefore } = res.json<PageDto>();
      expect(nextBefore).toBeNull();
      const seqs = entries.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(seqs.at(-1)).toBe(1);
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'org.created',
        'auth.signup',
        'member.invited',
        'invitation.accepted',
        'token.created',
        'token.revoked',
        'member.role_changed',
        'auth.login',
      ]) {
        expect(actions, a).toContain(a);
      }
      expect(entries[0]).toMatchObject({
        action: 'auth.login',
        actorUserId: owner.user.id,
        requestId: expect.any(String) as string,
      });
      // Failed sign-ins are on the system chain, not the org's.
      expect(actions).not.toContain('auth.login_failed');
    });

    it('never stores a secret or a password in any chain', async () => {
      const rows = await t.store.db.selectFrom('audit_log').selectAll().execute();
      const all = JSON.stringify(rows);
      for (const s of secrets) expect(all).not.toContain(s);
      expect(all).not.toContain(PASSWORD);
      expect(all).not.toContain('not-the-password');
    });

    it('filters by action, actor and time window', async () => {
      const created = (await page(owner, '?action=token.created&limit=200')).json<PageDto>()
        .entries;
      expect(created).toHaveLength(TOKEN_ROUNDS);
      expect(created.every((e) => e.actorUserId === admin.user.id)).toBe(true);

      const byAdmin = (await page(owner, `?actor=${admin.user.id}&limit=200`)).json<PageDto>()
        .entries;
      expect(new Set(byAdmin.map((e) => e.action))).toEqual(
        new Set(['invitation.accepted', 'auth.signup', 'token.created']),
      );

      const all = (await page(owner, '?limit=200')).json<PageDto>().entries;
      const mid = created[2]!.at;
      const fromMid = (
        await page(owner, `?action=token.created&limit=200&from=${mid}`)
      ).json<PageDto>().entries;
      expect(fromMid).toHaveLength(3);
      const toMid = (await page(owner, `?action=token.created&limit=200&to=${mid}`)).json<PageDto>()
        .entries;
      expect(toMid).toHaveLength(TOKEN_ROUNDS - 3);
      expect(all.length).toBeGreaterThan(15);
    });

    it('pages with limit and nextBefore until every entry was seen exactly once', async () => {
      const seen: number[] = [];
      let before: number | null = null;
      for (let i = 0; i < 50; i++) {
        const q: string = before === null ? '?limit=7' : `?limit=7&before=${before}`;
        const body: PageDto = (await page(admin, q)).json<PageDto>();
        expect(body.entries.length).toBeLessThanOrEqual(7);
        seen.push(...body.entries.map((e) => e.seq));
        before = body.nextBefore;
        if (before === null) break;
      }
      const total = (await page(admin, '?limit=200')).json<PageDto>().entries.length;
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('is for admins and owners of the org only', async () => {
      expectProblem(await page(member), 403);
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/audit' }), 401);
      const other = await t.signup();
      const theirs = (await page(other, '?limit=200')).json<PageDto>().entries;
      expect(theirs.map((e) => e.action)).toEqual(['auth.signup', 'org.created']);
    });

    it.each([
      '?limit=0',
      '?limit=201',
      '?limit=abc',
      '?before=0',
      '?before=x',
      '?from=yesterday',
      '?to=2030-01-01',
      `?action=${'a'.repeat(101)}`,
    ])('rejects the query %s', async (q) => {
      expectProblem(await page(owner, q), 400);
    });

    it('verifies every chain, then reports the first tampered row', async () => {
      const clean = await verifyAudit(t.deps);
      expect(clean.breaks).toEqual([]);
      expect(clean.chains).toBeGreaterThanOrEqual(3); // two orgs + system
      const total = await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(clean.entries).toBe(Number(total.n));

      const victim = await t.store.db
        .selectFrom('audit_log')
        .select(['id', 'seq'])
        .where('chain', '=', owner.organization.id)
        .where('action', '=', 'member.role_changed')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      await sql`UPDATE audit_log SET details = ${'{"from":"member","to":"owner"}'} WHERE id = ${victim.id}`.execute(
        t.store.db,
      );

      const tampered = await verifyAudit(t.deps);
      expect(tampered.breaks).toEqual([
        { chain: owner.organization.id, seq: victim.seq, reason: 'content hash does not match' },
      ]);
      expect(tampered.entries).toBe(clean.entries);
    });
  });
}
