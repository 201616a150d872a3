// Referrals over HTTP on both stores: the happy path from partnership to Won, the state machine's
// errors, If-Match, authorization, attribution conflicts, and the tamper-evident event log.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface ReferralDto {
  id: string;
  engagementId: string;
  side: string;
  status: string;
  substatus: string;
  stage: string;
  stagePercent: number;
  agreementId: string | null;
  agreementVersion: number | null;
  attribution: { kind: string; earlier?: { introducedByOrgId: string; referralId: string } };
  value: { amount: number; currency: string } | null;
  version: number;
}
interface EventsDto {
  events: { seq: number; type: string; actorOrgId: string | null }[];
  verified: boolean;
  firstBreak: { seq: number } | null;
}

const DAY = 24 * 3_600_000;

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`referrals (${kind})`, () => {
    let t: TestApp;
    let sender: SignedUp;
    let receiver: SignedUp;
    let outsider: SignedUp;
    let agreementId: string;

    beforeAll(async () => {
      t = await createTestApp(kind, { CIRCLES_SESSION_HOURS: String(24 * 90) }); // the clock moves weeks
      sender = await t.signup();
      receiver = await t.signup();
      outsider = await t.signup();
      const partnershipId = await partnerUp(t, sender, receiver);
      const a = await post(t, sender, '/api/v1/agreements', {
        partnershipId,
        type: 'referral',
        terms: { fee: { basis: 'percent-of-revenue', rate: 1000 } },
      });
      agreementId = a.json<{ id: string }>().id;
      const acc = await post(t, receiver, `/api/v1/agreements/${agreementId}/versions/1/accept`);
      expect(acc.statusCode, acc.body).toBe(200);
    });
    afterAll(async () => t.close());

    const refer = async (who: SignedUp, to: SignedUp, extra: Record<string, unknown> = {}) => {
      const opportunityId = await createOpportunity(t, who);
      return post(t, who, '/api/v1/referrals', {
        opportunityId,
        toOrgId: to.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
        inviteeValue: { amount: 40_000_00, currency: 'EUR' },
        partnerRole: 'deployment',
        notes: 'Customer wants to start in February',
        team: [{ firstName: 'Ada', lastName: 'L', email: 'ada@example.com' }],
        ...extra,
      });
    };
    const patch = (who: SignedUp, id: string, body: Record<string, unknown>, ifMatch?: string) =>
      t.as(who.token, {
        method: 'PATCH',
        url: `/api/v1/referrals/${id}`,
        payload: body,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });

    it('refers, accepts, progresses and wins, with one shared verified timeline', async () => {
      const res = await refer(sender, receiver);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const r = res.json<ReferralDto>();
      expect(r).toMatchObject({
        side: 'sender',
        status: 'New',
        substatus: 'Pending',
        stagePercent: 10,
        agreementId,
        agreementVersion: 1,
        attribution: { kind: 'stamped' },
      });
      const seen = (await get(t, receiver, `/api/v1/referrals/${r.id}`)).json<ReferralDto>();
      expect(seen).toMatchObject({ side: 'receiver', substatus: 'Received' });

      const acc = await patch(receiver, r.id, { status: 'Active', substatus: 'Accepted' }, '"1"');
      expect(acc.statusCode, acc.body).toBe(200);
      expect(acc.headers.etag).toBe('"2"');
      const up = await patch(
        sender,
        r.id,
        { status: 'Active', substatus: 'Accepted', stage: 'Proposed' },
        '"2"',
      );
      expect(up.json<ReferralDto>()).toMatchObject({ stage: 'Proposed', stagePercent: 60 });
      t.clock.advance(4 * DAY);
      const won = await patch(
        receiver,
        r.id,
        { status: 'Closed', substatus: 'Won', value: { amount: 45_000_00, currency: 'EUR' } },
        '"3"',
      );
      expect(won.statusCode, won.body).toBe(200);
      expect(won.json<ReferralDto>()).toMatchObject({
        substatus: 'Won',
        stagePercent: 100,
        value: { amount: 45_000_00 },
      });

      const logs = await Promise.all(
        [sender, receiver].map((w) => get(t, w, `/api/v1/referrals/${r.id}/events`)),
      );
      const [a, b] = logs.map((l) => l.json<EventsDto>());
      expect(a).toEqual(b);
      expect(a?.verified).toBe(true);
      expect(a?.events.map((e) => e.type)).toEqual([
        'referral.created',
        'attribution.stamped',
        'referral.status_changed',
        'referral.updated',
        'referral.status_changed',
        'fee.due', // the win books the agreement's 10 % fee (test/fees.test.ts)
      ]);

      expectProblem(
        await patch(receiver, r.id, { status: 'Closed', substatus: 'Lost' }, '"4"'),
        409,
      );
      expect(await auditActions(t, sender, 'referral.created')).toContain(r.id);
      expect(await auditActions(t, receiver, 'referral.status_changed')).toContain(r.id);
      expect(await auditActions(t, sender, 'referral.updated')).toContain(r.id);
    });

    it('enforces If-Match, the allowed moves, the side and the decline reason', async () => {
      const r = (await refer(sender, receiver)).json<ReferralDto>();
      expectProblem(await patch(receiver, r.id, { status: 'Active', substatus: 'Accepted' }), 428);
      expectProblem(
        await patch(receiver, r.id, { status: 'Active', substatus: 'Accepted' }, '"7"'),
        412,
      );
      const side = expectProblem(
        await patch(sender, r.id, { status: 'Active', substatus: 'Accepted' }, '"1"'),
        403,
      );
      expect(side.detail).toContain('sender');
      const illegal = expectProblem(
        await patch(
          receiver,
          r.id,
          { status: 'Closed', substatus: 'Won', value: { amount: 1, currency: 'EUR' } },
          '"1"',
        ),
        409,
      );
      expect(illegal.errors.map((e) => e.message).join('\n')).toContain(
        'New -> Active/Accepted by receiver',
      );
      const noReason = expectProblem(
        await patch(receiver, r.id, { status: 'Closed', substatus: 'Declined' }, '"1"'),
        400,
      );
      expect(noReason.errors.map((e) => e.path)).toEqual(['statusReason']);
      const mismatch = expectProblem(
        await patch(receiver, r.id, { status: 'New', substatus: 'Won' }, '"1"'),
        400,
      );
      expect(mismatch.errors[0]?.path).toBe('substatus');
      const declined = await patch(
        receiver,
        r.id,
        { status: 'Closed', substatus: 'Declined', statusReason: 'No capacity' },
        '*',
      );
      expect(declined.json<ReferralDto>()).toMatchObject({
        status: 'Closed',
        substatus: 'Declined',
      });
      const readOnly = expectProblem(
        await patch(sender, r.id, { status: 'New', substatus: 'Received' }, '"2"'),
        409,
      );
      expect(readOnly.errors[0]?.message).toContain('read-only');
    });

    it('rejects bad input with paths, non-partners with 409, and others’ opportunities', async () => {
      const bad = expectProblem(
        await refer(sender, receiver, {
          inviteeValue: { amount: -1, currency: 'XYZ' },
          estimatedCloseDate: 'soon',
        }),
        400,
      );
      expect(bad.errors.map((e) => e.path).sort()).toEqual([
        'estimatedCloseDate',
        'inviteeValue.amount',
        'inviteeValue.currency',
      ]);
      const shape = expectProblem(
        await refer(sender, receiver, { arrangementType: 'barter', partnerRole: 'cheerleader' }),
        400,
      );
      expect(shape.errors.map((e) => e.path).sort()).toEqual([
        'body.arrangementType',
        'body.partnerRole',
      ]);
      const notPartner = expectProblem(await refer(sender, outsider), 409);
      expect(notPartner.detail).toContain('active partner');
      expectProblem(await refer(sender, outsider, { toOrgId: 'no-such-org' }), 404);
      const theirs = await createOpportunity(t, receiver);
      expectProblem(
        await post(t, sender, '/api/v1/referrals', {
          opportunityId: theirs,
          toOrgId: receiver.organization.id,
          arrangementType: 'referral',
          estimatedCloseDate: '2030-03-31',
        }),
        403,
      );
    });

    it('hides referrals and their logs from non-parties', async () => {
      const r = (await refer(sender, receiver)).json<ReferralDto>();
      expectProblem(await get(t, outsider, `/api/v1/referrals/${r.id}`), 404);
      expectProblem(await get(t, outsider, `/api/v1/referrals/${r.id}/events`), 404);
      expectProblem(
        await patch(outsider, r.id, { status: 'Active', substatus: 'Accepted' }, '"1"'),
        404,
      );
      const list = (await get(t, outsider, '/api/v1/referrals')).json<{ referrals: unknown[] }>();
      expect(list.referrals).toEqual([]);
    });

    it('lists the inbox by direction and status, soonest expiry first', async () => {
      const first = (await refer(sender, receiver)).json<ReferralDto>();
      t.clock.advance(DAY);
      const second = (await refer(sender, receiver)).json<ReferralDto>();
      const inbox = (
        await get(t, receiver, '/api/v1/referrals?direction=incoming&status=New')
      ).json<{ referrals: ReferralDto[] }>();
      const ids = inbox.referrals.map((x) => x.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(inbox.referrals.every((x) => x.status === 'New' && x.side === 'receiver')).toBe(true);
      const outgoing = (await get(t, receiver, '/api/v1/referrals?direction=outgoing')).json<{
        referrals: unknown[];
      }>();
      expect(outgoing.referrals).toEqual([]);
      expectProblem(await get(t, receiver, '/api/v1/referrals?direction=sideways'), 400);
    });

    it('flags a second introducer of the same customer to both, with the earlier stamp', async () => {
      const third = await t.signup();
      await partnerUp(t, third, receiver);
      const r = (await refer(third, receiver, { arrangementType: 'co-sell' })).json<ReferralDto>();
      expect(r.attribution).toMatchObject({
        kind: 'conflict',
        earlier: { introducedByOrgId: sender.organization.id },
      });
      const earlierId = r.attribution.earlier?.referralId ?? '';
      const earlierLog = (
        await get(t, sender, `/api/v1/referrals/${earlierId}/events`)
      ).json<EventsDto>();
      expect(earlierLog.events.map((e) => e.type)).toContain('attribution.conflict');
      const ownLog = (await get(t, third, `/api/v1/referrals/${r.id}/events`)).json<EventsDto>();
      expect(ownLog.events.map((e) => e.type)).toContain('attribution.conflict');
      const again = (await refer(sender, receiver)).json<ReferralDto>();
      expect(again.attribution.kind).toBe('repeat');
    });

    it('replays a create with the same Idempotency-Key and lets one of two racing changes win', async () => {
      const opportunityId = await createOpportunity(t, sender);
      const body = {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      };
      const send = () =>
        t.as(sender.token, {
          method: 'POST',
          url: '/api/v1/referrals',
          payload: body,
          headers: { 'idempotency-key': `ref-${opportunityId}` },
        });
      const first = await send();
      const again = await send();
      expect(again.statusCode).toBe(201);
      const id = first.json<ReferralDto>().id;
      expect(again.json<ReferralDto>().id).toBe(id);

      const results = await Promise.all([
        patch(receiver, id, { status: 'Active', substatus: 'Accepted' }, '"1"'),
        patch(
          sender,
          id,
          { status: 'Closed', substatus: 'Lost', statusReason: 'Error: duplicate' },
          '"1"',
        ),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const log = (await get(t, sender, `/api/v1/referrals/${id}/events`)).json<EventsDto>();
      expect(log.verified).toBe(true);
      expect(log.events.filter((e) => e.type === 'referral.status_changed')).toHaveLength(1);
    });

    it('detects a tampered event row', async () => {
      const r = (await refer(sender, receiver)).json<ReferralDto>();
      await sql`UPDATE referral_events SET data = ${'{"fromOrgId":"someone-else"}'} WHERE referral_id = ${r.id} AND seq = 1`.execute(
        t.store.db,
      );
      const log = (await get(t, receiver, `/api/v1/referrals/${r.id}/events`)).json<EventsDto>();
      expect(log.verified).toBe(false);
      expect(log.firstBreak?.seq).toBe(1);
    });
  });
}
