// The inbox over HTTP on both stores: received referrals awaiting an answer first (soonest expiry),
// then active, then sent and waiting, then closed; counts over the whole inbox; keyset pages that
// add up to the whole; only the org's own referrals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface InboxDto {
  counts: {
    needsAction: number;
    incoming: { total: number; byStatus: Record<string, number> };
    outgoing: { total: number; byStatus: Record<string, number> };
    expiringSoon: number;
    expiringWithinHours: number;
  };
  items: {
    referral: { id: string; status: string; substatus: string; side: string };
    direction: string;
    partner: { orgId: string; name: string };
    needsAction: boolean;
    expiringSoon: boolean;
  }[];
  nextCursor: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`inbox (${kind})`, () => {
    let t: TestApp;
    let me: SignedUp;
    let p1: SignedUp;
    let p2: SignedUp;
    const ids: Record<string, string> = {};

    const refer = async (from: SignedUp, to: SignedUp): Promise<string> => {
      const opportunityId = await createOpportunity(t, from);
      const res = await post(t, from, '/api/v1/referrals', {
        opportunityId,
        toOrgId: to.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const patch = async (who: SignedUp, id: string, body: Record<string, unknown>) => {
      const res = await t.as(who.token, {
        method: 'PATCH',
        url: `/api/v1/referrals/${id}`,
        payload: body,
        headers: { 'if-match': '*' },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const inbox = async (who: SignedUp, query = '') => {
      const res = await get(t, who, `/api/v1/inbox${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<InboxDto>();
    };

    beforeAll(async () => {
      t = await createTestApp(kind, { CIRCLES_SESSION_HOURS: String(24 * 90) });
      me = await t.signup();
      p1 = await t.signup();
      p2 = await t.signup();
      await partnerUp(t, p1, me);
      await partnerUp(t, me, p2);
      const step = async (name: string, from: SignedUp, to: SignedUp) => {
        t.clock.advance(HOUR);
        ids[name] = await refer(from, to);
      };
      await step('r1', p1, me);
      await step('r2', p1, me);
      await step('r3', p2, me);
      await step('o1', me, p1);
      await step('o2', me, p2);
      await step('r4', p1, me);
      await step('r5', p2, me);
      await step('o3', me, p1);
      t.clock.advance(HOUR);
      await patch(me, ids.r4 ?? '', { status: 'Active', substatus: 'Accepted' });
      t.clock.advance(HOUR);
      await patch(me, ids.r5 ?? '', {
        status: 'Closed',
        substatus: 'Declined',
        statusReason: 'No capacity',
      });
      t.clock.advance(HOUR);
      await patch(p1, ids.o3 ?? '', { status: 'Active', substatus: 'Accepted' });
      t.clock.advance(2 * DAY);
      ids.r6 = await refer(p2, me);
      // r1..r3 were made about 14 days before this; r6 two days later: only the first three
      // expire within the next 72 hours.
      t.clock.advance(14 * DAY - 2 * DAY - 60 * HOUR);
    });
    afterAll(async () => t.close());

    it('puts received referrals awaiting an answer first, soonest expiry first, then the rest', async () => {
      const page = await inbox(me);
      const order = page.items.map(
        (i) => Object.entries(ids).find(([, id]) => id === i.referral.id)?.[0],
      );
      expect(order).toEqual(['r1', 'r2', 'r3', 'r6', 'o3', 'r4', 'o1', 'o2', 'r5']);
      expect(page.nextCursor).toBeNull();
      const first = page.items[0];
      expect(first).toMatchObject({
        direction: 'incoming',
        needsAction: true,
        expiringSoon: true,
        partner: { orgId: p1.organization.id, name: p1.organization.name },
        referral: { side: 'receiver', substatus: 'Received' },
      });
      const r6 = page.items[3];
      expect(r6).toMatchObject({ needsAction: true, expiringSoon: false });
      const o1 = page.items.find((i) => i.referral.id === ids.o1);
      expect(o1).toMatchObject({
        direction: 'outgoing',
        needsAction: false,
        referral: { side: 'sender', substatus: 'Pending' },
      });
    });

    it('counts the whole inbox', async () => {
      const { counts } = await inbox(me, '?limit=1');
      expect(counts).toEqual({
        needsAction: 4,
        incoming: { total: 6, byStatus: { New: 4, Active: 1, Closed: 1 } },
        outgoing: { total: 3, byStatus: { New: 2, Active: 1, Closed: 0 } },
        expiringSoon: 3,
        expiringWithinHours: 72,
      });
      const theirs = await inbox(p2);
      expect(theirs.counts).toMatchObject({
        needsAction: 1,
        incoming: { total: 1 },
        outgoing: { total: 3, byStatus: { New: 2, Active: 0, Closed: 1 } },
      });
    });

    it('pages with a cursor through the same order, and filters by direction', async () => {
      const whole = (await inbox(me)).items.map((i) => i.referral.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = `?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
        const page = await inbox(me, q);
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((i) => i.referral.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 20);
      expect(paged).toEqual(whole);
      expect(pages).toBe(5);

      const out = await inbox(me, '?direction=outgoing');
      expect(out.items.map((i) => i.referral.id)).toEqual([ids.o3, ids.o1, ids.o2]);
      const inc = await inbox(me, '?direction=incoming&limit=3');
      expect(inc.items.map((i) => i.referral.id)).toEqual([ids.r1, ids.r2, ids.r3]);
      const rest = await inbox(
        me,
        `?direction=incoming&cursor=${encodeURIComponent(inc.nextCursor ?? '')}`,
      );
      expect(rest.items.map((i) => i.referral.id)).toEqual([ids.r6, ids.r4, ids.r5]);
    });

    it('shows an org only its own referrals and rejects foreign cursors', async () => {
      const p1Ids = (await inbox(p1)).items.map((i) => i.referral.id);
      expect(p1Ids.sort()).toEqual([ids.r1, ids.r2, ids.r4, ids.o1, ids.o3].sort());
      const outsider = await t.signup();
      const empty = await inbox(outsider);
      expect(empty.items).toEqual([]);
      expect(empty.counts.incoming.total + empty.counts.outgoing.total).toBe(0);
      const bad = expectProblem(await get(t, me, '/api/v1/inbox?cursor=bm90LWEtY3Vyc29y'), 400);
      expect(bad.errors[0]?.path).toBe('cursor');
      expectProblem(await get(t, me, '/api/v1/inbox?limit=0'), 400);
    });
  });
}
