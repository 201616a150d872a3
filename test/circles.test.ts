// Circles of trust over HTTP on both stores: dual opt-in by invitation, owner-only actions,
// members-only reading (404 for everyone else), the circle's shared pipeline, circle visibility of
// opportunities (never to competitors or outsiders) and leaving, which revokes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface InvitationDto {
  id: string;
  circleId: string;
  circleName: string;
  orgId: string;
  status: string;
}
interface CircleDto {
  id: string;
  name: string;
  ownerOrgId: string;
  role: string;
  members: { orgId: string; role: string; orgName: string }[];
  pendingInvitations: InvitationDto[];
}
interface PipelineDto {
  circleId: string;
  opportunities: {
    opportunity: { id: string; customerName: string | null; circleId: string | null };
    referrals: Record<string, number>;
  }[];
  totals: { currency: string; amount: number; count: number }[];
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`circles (${kind})`, () => {
    let t: TestApp;
    let owner: SignedUp;
    let alice: SignedUp;
    let bob: SignedUp;
    let outsider: SignedUp;

    beforeAll(async () => {
      t = await createTestApp(kind);
      owner = await t.signup();
      alice = await t.signup();
      bob = await t.signup();
      outsider = await t.signup();
    });
    afterAll(async () => t.close());

    const createCircle = async (who: SignedUp, name = 'Nordic M365 partners') => {
      const res = await post(t, who, '/api/v1/circles', { name, description: 'Trusted peers' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<CircleDto>();
    };
    const invite = async (circleId: string, who: SignedUp) => {
      const res = await post(t, owner, `/api/v1/circles/${circleId}/invitations`, {
        orgId: who.organization.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<InvitationDto>();
    };
    const join = async (circleId: string, who: SignedUp) => {
      const inv = await invite(circleId, who);
      const res = await post(t, who, `/api/v1/circles/${circleId}/invitations/${inv.id}/accept`);
      expect(res.statusCode, res.body).toBe(200);
    };
    const circleOpportunity = (who: SignedUp, circleId: string, extra = {}) =>
      createOpportunity(t, who, { visibility: 'circle', circleId, ...extra });
    const visibleIds = async (who: SignedUp) =>
      (await get(t, who, '/api/v1/opportunities'))
        .json<{ opportunities: { id: string }[] }>()
        .opportunities.map((o) => o.id);

    it('joins by invitation and acceptance (dual opt-in), audited on both sides', async () => {
      const c = await createCircle(owner);
      expect(c).toMatchObject({ ownerOrgId: owner.organization.id, role: 'owner' });
      expect(c.members.map((m) => [m.orgId, m.role])).toEqual([[owner.organization.id, 'owner']]);

      const inv = await invite(c.id, alice);
      expect(inv).toMatchObject({ status: 'pending', circleName: 'Nordic M365 partners' });
      // Invited is not a member: the circle stays hidden until alice accepts.
      expectProblem(await get(t, alice, `/api/v1/circles/${c.id}`), 404);
      const mine = (await get(t, alice, '/api/v1/circles')).json<{
        circles: { id: string }[];
        invitations: InvitationDto[];
      }>();
      expect(mine.circles).toEqual([]);
      expect(mine.invitations.map((i) => i.id)).toEqual([inv.id]);
      const seenByOwner = (await get(t, owner, `/api/v1/circles/${c.id}`)).json<CircleDto>();
      expect(seenByOwner.pendingInvitations.map((i) => i.orgId)).toEqual([alice.organization.id]);

      // A second invitation while one is pending, and accepting for someone else, are refused.
      expectProblem(
        await post(t, owner, `/api/v1/circles/${c.id}/invitations`, {
          orgId: alice.organization.id,
        }),
        409,
      );
      expectProblem(
        await post(t, owner, `/api/v1/circles/${c.id}/invitations/${inv.id}/accept`),
        403,
      );
      expectProblem(
        await post(t, bob, `/api/v1/circles/${c.id}/invitations/${inv.id}/accept`),
        404,
      );

      const acc = await post(t, alice, `/api/v1/circles/${c.id}/invitations/${inv.id}/accept`);
      expect(acc.statusCode, acc.body).toBe(200);
      expect(acc.json<InvitationDto>().status).toBe('accepted');
      expectProblem(
        await post(t, alice, `/api/v1/circles/${c.id}/invitations/${inv.id}/decline`),
        409,
      );

      const read = (await get(t, alice, `/api/v1/circles/${c.id}`)).json<CircleDto>();
      expect(read.role).toBe('member');
      expect(read.members.map((m) => m.orgId).sort()).toEqual(
        [owner.organization.id, alice.organization.id].sort(),
      );
      expect(read.pendingInvitations).toEqual([]);
      const list = (await get(t, alice, '/api/v1/circles')).json<{
        circles: { id: string; role: string; memberCount: number }[];
      }>();
      expect(list.circles).toEqual([
        expect.objectContaining({ id: c.id, role: 'member', memberCount: 2 }),
      ]);

      expect(await auditActions(t, owner, 'circle.created')).toContain(c.id);
      expect(await auditActions(t, owner, 'circle.invited')).toContain(c.id);
      expect(await auditActions(t, alice, 'circle.invitation_accepted')).toContain(c.id);
      expectProblem(
        await post(t, owner, `/api/v1/circles/${c.id}/invitations`, {
          orgId: alice.organization.id,
        }),
        409,
      );
    });

    it('lets the invited org decline and the owner revoke; only the owner invites and removes', async () => {
      const c = await createCircle(owner, 'Declines');
      const inv = await invite(c.id, bob);
      const dec = await post(t, bob, `/api/v1/circles/${c.id}/invitations/${inv.id}/decline`);
      expect(dec.json<InvitationDto>().status).toBe('declined');
      expectProblem(await get(t, bob, `/api/v1/circles/${c.id}`), 404);
      expect(await auditActions(t, bob, 'circle.invitation_declined')).toContain(c.id);

      const again = await invite(c.id, bob);
      expectProblem(
        await post(t, bob, `/api/v1/circles/${c.id}/invitations/${again.id}/revoke`),
        403,
      );
      const rev = await post(t, owner, `/api/v1/circles/${c.id}/invitations/${again.id}/revoke`);
      expect(rev.json<InvitationDto>().status).toBe('revoked');
      expectProblem(
        await post(t, bob, `/api/v1/circles/${c.id}/invitations/${again.id}/accept`),
        409,
      );

      await join(c.id, alice);
      // A member who is not the owner cannot invite or remove.
      const byMember = await post(t, alice, `/api/v1/circles/${c.id}/invitations`, {
        orgId: bob.organization.id,
      });
      expectProblem(byMember, 403);
      await join(c.id, bob);
      expectProblem(
        await t.as(alice.token, {
          method: 'DELETE',
          url: `/api/v1/circles/${c.id}/members/${bob.organization.id}`,
        }),
        403,
      );
      // The owner cannot leave its own circle; it removes a member.
      expectProblem(await post(t, owner, `/api/v1/circles/${c.id}/leave`), 409);
      const removed = await t.as(owner.token, {
        method: 'DELETE',
        url: `/api/v1/circles/${c.id}/members/${bob.organization.id}`,
      });
      expect(removed.statusCode, removed.body).toBe(204);
      expectProblem(await get(t, bob, `/api/v1/circles/${c.id}`), 404);
      expect(await auditActions(t, owner, 'circle.member_removed')).toContain(c.id);
      expectProblem(
        await t.as(owner.token, {
          method: 'DELETE',
          url: `/api/v1/circles/${c.id}/members/${bob.organization.id}`,
        }),
        404,
      );

      // Org members (not admins) read but do not act.
      const reader = await joinAs(t, alice, 'member');
      expect((await get(t, reader, `/api/v1/circles/${c.id}`)).statusCode).toBe(200);
      expectProblem(await post(t, reader, `/api/v1/circles/${c.id}/leave`), 403);
    });

    it('never shows a circle, its invitations or its pipeline to a non-member', async () => {
      const c = await createCircle(owner, 'Private club');
      const inv = await invite(c.id, alice);
      expectProblem(await get(t, outsider, `/api/v1/circles/${c.id}`), 404);
      expectProblem(await get(t, outsider, `/api/v1/circles/${c.id}/pipeline`), 404);
      expectProblem(
        await post(t, outsider, `/api/v1/circles/${c.id}/invitations`, {
          orgId: bob.organization.id,
        }),
        404,
      );
      expectProblem(
        await post(t, outsider, `/api/v1/circles/${c.id}/invitations/${inv.id}/accept`),
        404,
      );
      expectProblem(await post(t, outsider, `/api/v1/circles/${c.id}/leave`), 404);
      expectProblem(await get(t, outsider, '/api/v1/circles/no-such-circle'), 404);
      expectProblem(
        await post(t, outsider, `/api/v1/circles/${c.id}/invitations/${inv.id}/revoke`),
        404,
      );
      expectProblem(
        await t.as(outsider.token, {
          method: 'DELETE',
          url: `/api/v1/circles/${c.id}/members/${owner.organization.id}`,
        }),
        404,
      );
      expectProblem(await get(t, alice, `/api/v1/circles/${c.id}/pipeline`), 404);
      const theirs = (await get(t, outsider, '/api/v1/circles')).json<{
        circles: unknown[];
        invitations: unknown[];
      }>();
      expect(theirs).toEqual({ circles: [], invitations: [] });
    });

    it('shares circle opportunities with members only, never competitors, and leaving revokes it', async () => {
      const c = await createCircle(owner, 'Pipeline');
      await join(c.id, alice);
      await join(c.id, bob);
      const shared = await circleOpportunity(owner, c.id, { hideCustomer: true });
      const notForBob = await circleOpportunity(owner, c.id, {
        competitorOrgIds: [bob.organization.id],
        value: { amount: 10_000_00, currency: 'USD' },
      });
      const network = await createOpportunity(t, owner);

      expect(await visibleIds(alice)).toEqual(expect.arrayContaining([shared, notForBob]));
      expect(await visibleIds(bob)).toContain(shared);
      expect(await visibleIds(bob)).not.toContain(notForBob);
      expectProblem(await get(t, bob, `/api/v1/opportunities/${notForBob}`), 404);
      expect(await visibleIds(outsider)).not.toContain(shared);
      expectProblem(await get(t, outsider, `/api/v1/opportunities/${shared}`), 404);
      const seen = (await get(t, alice, `/api/v1/opportunities/${shared}`)).json<{
        customerName: string | null;
        circleId: string | null;
      }>();
      expect(seen).toMatchObject({ customerName: null, circleId: c.id });

      // The pipeline: only circle opportunities, with referral counts.
      await partnerUp(t, owner, alice);
      const ref = await post(t, owner, '/api/v1/referrals', {
        opportunityId: shared,
        toOrgId: alice.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(ref.statusCode, ref.body).toBe(201);
      const pipeline = (
        await get(t, alice, `/api/v1/circles/${c.id}/pipeline`)
      ).json<PipelineDto>();
      expect(pipeline.opportunities.map((o) => o.opportunity.id).sort()).toEqual(
        [shared, notForBob].sort(),
      );
      expect(pipeline.opportunities.map((o) => o.opportunity.id)).not.toContain(network);
      const row = pipeline.opportunities.find((o) => o.opportunity.id === shared);
      expect(row?.referrals).toMatchObject({ total: 1, New: 1, Active: 0, Won: 0 });
      expect(row?.opportunity.customerName).toBeNull();
      expect(pipeline.totals).toEqual([
        { currency: 'EUR', amount: 50_000_00, count: 1 },
        { currency: 'USD', amount: 10_000_00, count: 1 },
      ]);
      const bobs = (await get(t, bob, `/api/v1/circles/${c.id}/pipeline`)).json<PipelineDto>();
      expect(bobs.opportunities.map((o) => o.opportunity.id)).toEqual([shared]);

      // Leaving revokes visibility at once.
      const left = await post(t, alice, `/api/v1/circles/${c.id}/leave`);
      expect(left.statusCode, left.body).toBe(204);
      expect(await visibleIds(alice)).not.toContain(shared);
      expectProblem(await get(t, alice, `/api/v1/opportunities/${shared}`), 404);
      expectProblem(await get(t, alice, `/api/v1/circles/${c.id}/pipeline`), 404);
      expect(await auditActions(t, alice, 'circle.left')).toContain(c.id);
      // The circle's remaining members still see it.
      expect(await visibleIds(bob)).toContain(shared);
    });

    it('shares only into circles the creator belongs to, and stops sharing when the owner leaves', async () => {
      const c = await createCircle(owner, 'Own circles only');
      await join(c.id, alice);
      const foreign = await createCircle(bob, 'Bob’s');
      const bad = expectProblem(
        await post(t, alice, '/api/v1/opportunities', {
          description: 'Need',
          customerName: 'X',
          customerDomain: 'x.example.com',
          value: { amount: 1, currency: 'EUR' },
          expectedCloseDate: '2030-01-31',
          visibility: 'circle',
          circleId: foreign.id,
        }),
        400,
      );
      expect(bad.errors.map((e) => e.path)).toEqual(['circleId']);
      const missing = expectProblem(
        await post(t, alice, '/api/v1/opportunities', {
          description: 'Need',
          customerName: 'X',
          customerDomain: 'x.example.com',
          value: { amount: 1, currency: 'EUR' },
          expectedCloseDate: '2030-01-31',
          visibility: 'network',
          circleId: c.id,
        }),
        400,
      );
      expect(missing.errors.map((e) => e.path)).toEqual(['circleId']);

      const alices = await circleOpportunity(alice, c.id);
      expect(await visibleIds(owner)).toContain(alices);
      await post(t, alice, `/api/v1/circles/${c.id}/leave`);
      // Its owner left the circle: the opportunity is no longer shared with it.
      expect(await visibleIds(owner)).not.toContain(alices);
      const pipeline = (
        await get(t, owner, `/api/v1/circles/${c.id}/pipeline`)
      ).json<PipelineDto>();
      expect(pipeline.opportunities.map((o) => o.opportunity.id)).not.toContain(alices);
      expect(await visibleIds(alice)).toContain(alices);
    });

    it('lets only one of two concurrent invitations of the same org through', async () => {
      const c = await createCircle(owner, 'Race');
      const send = () =>
        post(t, owner, `/api/v1/circles/${c.id}/invitations`, { orgId: bob.organization.id });
      const codes = (await Promise.all([send(), send()])).map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, 409]);
      const read = (await get(t, owner, `/api/v1/circles/${c.id}`)).json<CircleDto>();
      expect(read.pendingInvitations.map((i) => i.orgId)).toEqual([bob.organization.id]);
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const send = () =>
        t.as(owner.token, {
          method: 'POST',
          url: '/api/v1/circles',
          payload: { name: 'Once' },
          headers: { 'idempotency-key': 'circle-once' },
        });
      const first = await send();
      const second = await send();
      expect(first.statusCode).toBe(201);
      expect(second.json<CircleDto>().id).toBe(first.json<CircleDto>().id);
      const blank = expectProblem(await post(t, owner, '/api/v1/circles', { name: '   ' }), 400);
      expect(blank.errors[0]?.path).toMatch(/name/);
    });
  });
}
