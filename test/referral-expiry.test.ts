// The expiry job on both stores: a received referral unanswered for 14 days closes as Expired,
// with one event in its log and an audit entry for the sender; running it again (or twice at
// once) changes nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireReferrals } from '../src/services/referral-expiry.service.ts';
import { auditActions, createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

const DAY = 24 * 3_600_000;

interface ReferralDto {
  id: string;
  status: string;
  substatus: string;
  statusReason: string | null;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`referral expiry (${kind})`, () => {
    let t: TestApp;
    let sender: SignedUp;
    let receiver: SignedUp;

    beforeAll(async () => {
      t = await createTestApp(kind, { CIRCLES_SESSION_HOURS: String(24 * 90) }); // the clock moves weeks
      sender = await t.signup();
      receiver = await t.signup();
      await partnerUp(t, sender, receiver);
    });
    afterAll(async () => t.close());

    const refer = async () => {
      const opportunityId = await createOpportunity(t, sender);
      const res = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<ReferralDto>().id;
    };
    const read = async (id: string) =>
      (await get(t, receiver, `/api/v1/referrals/${id}`)).json<ReferralDto>();

    it('expires at 14 days exactly, once, and tells the sender', async () => {
      const id = await refer();
      const answered = await refer();
      await t.as(receiver.token, {
        method: 'PATCH',
        url: `/api/v1/referrals/${answered}`,
        payload: { status: 'Active', substatus: 'Accepted' },
        headers: { 'if-match': '"1"' },
      });

      t.clock.advance(14 * DAY - 1);
      expect(await expireReferrals(t.deps)).toEqual({ expired: 0, skipped: false });
      expect((await read(id)).status).toBe('New');

      t.clock.advance(1);
      const [a, b] = await Promise.all([expireReferrals(t.deps), expireReferrals(t.deps)]);
      expect((a?.expired ?? 0) + (b?.expired ?? 0)).toBe(1);
      expect(await expireReferrals(t.deps)).toEqual({ expired: 0, skipped: false });

      expect(await read(id)).toMatchObject({ status: 'Closed', substatus: 'Expired' });
      expect((await read(answered)).status).toBe('Active');
      const log = (await get(t, sender, `/api/v1/referrals/${id}/events`)).json<{
        events: { type: string; actorOrgId: string | null }[];
        verified: boolean;
      }>();
      expect(log.verified).toBe(true);
      expect(log.events.filter((e) => e.type === 'referral.expired')).toEqual([
        expect.objectContaining({ actorOrgId: null }),
      ]);
      expect(await auditActions(t, sender, 'referral.expired')).toEqual([id]);

      const late = expectProblem(
        await t.as(receiver.token, {
          method: 'PATCH',
          url: `/api/v1/referrals/${id}`,
          payload: { status: 'Active', substatus: 'Accepted' },
          headers: { 'if-match': '*' },
        }),
        409,
      );
      expect(late.detail).toContain('read-only');
    });

    it('refuses an answer after expiry even before the job has run', async () => {
      const id = await refer();
      t.clock.advance(15 * DAY);
      const res = expectProblem(
        await t.as(receiver.token, {
          method: 'PATCH',
          url: `/api/v1/referrals/${id}`,
          payload: { status: 'Active', substatus: 'Accepted' },
          headers: { 'if-match': '"1"' },
        }),
        409,
      );
      expect(res.detail).toContain('Expired unanswered');
      expect((await expireReferrals(t.deps)).expired).toBe(1);
    });
  });
}
