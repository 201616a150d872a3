// Webhooks on both stores, delivered over real HTTP to a local receiver: signed events that
// verify, retries with backoff while the receiver errs or is down (nothing lost), giving up after
// 24 h, replay, the delivery log, and that no other org can see or replay any of it.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/domain/webhooks/signature.ts';
import { claimDueDeliveries } from '../src/db/repos/webhooks.repo.ts';
import { deliverDueWebhooks } from '../src/services/webhook-delivery.service.ts';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';
import { startReceiver, type Receiver } from './support/webhook-receiver.ts';

const HOUR = 3_600_000;

interface Attempt {
  n: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  nextRetryAt: string | null;
}
interface DeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  giveUpAt: string;
  replayOf: string | null;
  settledAt: string | null;
  attempts: Attempt[];
}
interface Payload {
  id: string;
  type: string;
  created: number;
  data: { referral?: { id: string; status: string }; agreement?: { id: string } };
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`webhooks (${kind})`, () => {
    let t: TestApp;
    let rx: Receiver;

    beforeAll(async () => {
      t = await createTestApp(kind, {
        CIRCLES_SESSION_HOURS: String(24 * 90), // the clock moves days
        CIRCLES_WEBHOOK_ALLOW_PRIVATE: 'true', // the receiver listens on 127.0.0.1
      });
      rx = await startReceiver();
    });
    afterAll(async () => {
      await rx.close();
      await t.close();
    });

    // The receiver is on 127.0.0.1: private destinations allowed, like the app config above.
    const open = { allowPrivateNetworks: true } as const;
    const work = () => deliverDueWebhooks(t.deps, { ...open, timeoutMs: 2_000 });

    /** A fresh partnered pair, the sender with a webhook at `path`. */
    const pair = async (path: string, events = ['referral.created', 'referral.status_changed']) => {
      const sender = await t.signup();
      const receiver = await t.signup();
      const partnershipId = await partnerUp(t, sender, receiver);
      const res = await post(t, sender, '/api/v1/webhooks', {
        url: rx.url(path),
        events,
        description: 'CRM sync',
      });
      expect(res.statusCode, res.body).toBe(201);
      const hook = res.json<{ id: string; secret: string }>();
      return { sender, receiver, hook, partnershipId };
    };

    const refer = async (sender: SignedUp, receiver: SignedUp) => {
      const opportunityId = await createOpportunity(t, sender);
      const res = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };

    const deliveries = async (who: SignedUp, hookId: string) => {
      const res = await get(t, who, `/api/v1/webhooks/${hookId}/deliveries`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ deliveries: DeliveryDto[] }>().deliveries;
    };

    const at = (path: string) => rx.received.filter((r) => r.path === path);

    it('sends each party its own signed event, verifiable with its secret', async () => {
      const { sender, receiver, hook } = await pair('/signed');
      const theirs = await post(t, receiver, '/api/v1/webhooks', {
        url: rx.url('/signed-receiver'),
        events: ['referral.created'],
      });
      expect(theirs.statusCode, theirs.body).toBe(201);
      const theirSecret = theirs.json<{ secret: string }>().secret;
      expect(hook.secret).toMatch(/^whsec_[\w-]{43}$/);

      const listed = await get(t, sender, '/api/v1/webhooks');
      expect(listed.json<{ webhooks: { id: string }[] }>().webhooks).toEqual([
        expect.objectContaining({
          id: hook.id,
          events: ['referral.created', 'referral.status_changed'],
        }),
      ]);
      expect(listed.body).not.toContain(hook.secret);

      const id = await refer(sender, receiver);
      expect(await work()).toEqual({ attempted: 2, delivered: 2, retrying: 0, failed: 0 });
      const [mine] = at('/signed');
      const [their] = at('/signed-receiver');
      if (mine === undefined || their === undefined) throw new Error('not delivered');
      const sig = mine.headers['circles-signature'];
      expect(typeof sig).toBe('string');
      expect(verifySignature(String(sig), hook.secret, mine.body, t.clock.now())).toEqual({
        ok: true,
      });
      expect(verifySignature(String(sig), theirSecret, mine.body, t.clock.now()).ok).toBe(false);
      // Recomputed here by the receiver's recipe, independently of the code under test.
      const ts = Math.floor(t.clock.now().getTime() / 1000);
      const hmac = createHmac('sha256', hook.secret).update(`${ts}.${mine.body}`).digest('hex');
      expect(sig).toBe(`t=${ts},v1=${hmac}`);
      expect(
        verifySignature(
          String(their.headers['circles-signature']),
          theirSecret,
          their.body,
          t.clock.now(),
        ),
      ).toEqual({ ok: true });
      const body = JSON.parse(mine.body) as Payload;
      expect(body).toMatchObject({
        type: 'referral.created',
        created: Math.floor(t.clock.now().getTime() / 1000),
        data: { referral: { id, status: 'New' } },
      });
      expect(mine.headers['content-type']).toBe('application/json');
      expect(JSON.parse(their.body)).toMatchObject({ type: 'referral.created' });
      expect((JSON.parse(their.body) as Payload).id).not.toBe(body.id); // one event per org

      const [d] = await deliveries(sender, hook.id);
      expect(d).toMatchObject({ status: 'delivered', attemptCount: 1, nextAttemptAt: null });
      expect(d?.attempts).toEqual([
        expect.objectContaining({ n: 1, statusCode: 200, error: null, nextRetryAt: null }),
      ]);
      expect(await work()).toEqual({ attempted: 0, delivered: 0, retrying: 0, failed: 0 });
    });

    it('retries with backoff while the receiver errs or is down, then delivers once', async () => {
      const { sender, receiver, hook } = await pair('/flaky');
      rx.answer(503);
      const id = await refer(sender, receiver);
      expect(await work()).toMatchObject({ attempted: 1, retrying: 1 });
      let [d] = await deliveries(sender, hook.id);
      const first = d?.attempts[0];
      expect(first).toMatchObject({ n: 1, statusCode: 503, error: 'HTTP 503' });
      expect(Date.parse(first?.nextRetryAt ?? '') - Date.parse(first?.at ?? '')).toBe(30_000);

      expect((await work()).attempted).toBe(0); // not due yet
      await rx.down();
      t.clock.advance(30_000);
      expect(await work()).toMatchObject({ attempted: 1, retrying: 1 });
      [d] = await deliveries(sender, hook.id);
      const second = d?.attempts[1];
      expect(second).toMatchObject({ n: 2, statusCode: null });
      expect(second?.error).toMatch(/ECONNREFUSED|fetch failed/);
      expect(Date.parse(second?.nextRetryAt ?? '') - Date.parse(second?.at ?? '')).toBe(60_000);

      t.clock.advance(59_999);
      expect((await work()).attempted).toBe(0);
      await rx.up();
      rx.answer(200);
      t.clock.advance(1);
      expect(await work()).toMatchObject({ attempted: 1, delivered: 1 });
      [d] = await deliveries(sender, hook.id);
      expect(d).toMatchObject({ status: 'delivered', attemptCount: 3, nextAttemptAt: null });
      expect(d?.attempts.map((a) => a.statusCode)).toEqual([503, null, 200]);
      for (const a of d?.attempts ?? []) expect(a.durationMs).toBeGreaterThanOrEqual(0);
      const got = at('/flaky').map((r) => JSON.parse(r.body) as Payload);
      // The 503 answer was received too; the event id stays the same across attempts.
      expect(new Set(got.map((p) => p.id)).size).toBe(1);
      expect(got.map((p) => p.data.referral?.id)).toEqual([id, id]);
    });

    it('loses nothing to a hung receiver or a worker that dies mid-send', async () => {
      const { sender, receiver, hook } = await pair('/slow');
      rx.answer(0);
      await refer(sender, receiver);
      const slow = await deliverDueWebhooks(t.deps, { ...open, timeoutMs: 200 });
      expect(slow).toMatchObject({ attempted: 1, retrying: 1 });
      let [d] = await deliveries(sender, hook.id);
      expect(d?.attempts[0]).toMatchObject({ statusCode: null, error: 'Timed out after 200 ms' });
      expect(d?.attempts[0]?.durationMs).toBeGreaterThanOrEqual(150);

      // A worker claims the retry and dies before recording anything: the claim is a lease.
      rx.answer(200);
      t.clock.advance(30_000);
      const now = t.clock.now();
      const lease = new Date(now.getTime() + 5 * 60_000).toISOString();
      const claimed = await t.deps.db
        .transaction()
        .execute((trx) =>
          claimDueDeliveries(trx, now.toISOString(), lease, 10, kind === 'postgres'),
        );
      expect(claimed.map((c) => c.id)).toEqual([d?.id]);
      expect((await work()).attempted).toBe(0); // leased to the dead worker
      t.clock.advance(5 * 60_000);
      expect(await work()).toMatchObject({ attempted: 1, delivered: 1 });
      [d] = await deliveries(sender, hook.id);
      expect(d).toMatchObject({ status: 'delivered', attemptCount: 2 });
    });

    it('gives up 24 h after the event and marks the delivery failed', async () => {
      const { sender, receiver, hook } = await pair('/dead');
      rx.answer(500);
      await refer(sender, receiver);
      const start = t.clock.now().getTime();
      let d: DeliveryDto | undefined;
      for (let i = 0; i < 40; i += 1) {
        await work();
        [d] = await deliveries(sender, hook.id);
        if (d?.status !== 'pending') break;
        t.clock.set(new Date(d.nextAttemptAt ?? ''));
      }
      rx.answer(200);
      // 1 attempt + 18 retries (30 s doubling to 2 h apart) fit in 24 h.
      expect(d).toMatchObject({ status: 'failed', nextAttemptAt: null, attemptCount: 19 });
      expect(Date.parse(d?.settledAt ?? '') - start).toBeLessThanOrEqual(24 * HOUR);
      expect(Date.parse(d?.settledAt ?? '') - start).toBeGreaterThan(22 * HOUR);
      expect(d?.attempts.at(-1)).toMatchObject({ statusCode: 500, nextRetryAt: null });
      expect(d?.attempts.slice(0, -1).every((a) => a.nextRetryAt !== null)).toBe(true);
      t.clock.advance(HOUR);
      expect((await work()).attempted).toBe(0);

      // Replay: a new delivery of the same event, due now, with its own log.
      const rep = await post(t, sender, `/api/v1/webhooks/${hook.id}/deliveries/${d?.id}/replay`);
      expect(rep.statusCode, rep.body).toBe(201);
      const replay = rep.json<DeliveryDto>();
      expect(replay).toMatchObject({
        status: 'pending',
        replayOf: d?.id,
        eventId: d?.eventId,
        attempts: [],
      });
      expect(await work()).toMatchObject({ attempted: 1, delivered: 1 });
      const log = await deliveries(sender, hook.id);
      expect(log.map((x) => [x.id, x.status])).toEqual([
        [replay.id, 'delivered'],
        [d?.id, 'failed'],
      ]);
      const last = at('/dead').at(-1);
      expect((JSON.parse(last?.body ?? '{}') as Payload).id).toBe(d?.eventId);
    });

    it('claims each due delivery once, even with several workers at once', async () => {
      const { sender, receiver } = await pair('/many', ['referral.created']);
      rx.answer(200);
      for (let i = 0; i < 5; i += 1) await refer(sender, receiver);
      const runs = await Promise.all(
        [1, 2, 3].map(() =>
          deliverDueWebhooks(t.deps, { ...open, timeoutMs: 2_000, batchSize: 2 }),
        ),
      );
      let total = runs.reduce((n, r) => n + r.delivered, 0);
      while (total < 5) {
        const r = await work();
        if (r.attempted === 0) break;
        total += r.delivered;
      }
      const ids = at('/many').map((r) => (JSON.parse(r.body) as Payload).id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('tells both parties of agreement proposals and acceptances', async () => {
      const { sender, receiver, hook, partnershipId } = await pair('/agreements', [
        'agreement.proposed',
        'agreement.accepted',
      ]);
      const created = await post(t, receiver, '/api/v1/agreements', {
        partnershipId,
        type: 'referral',
      });
      expect(created.statusCode, created.body).toBe(201);
      const agreementId = created.json<{ id: string }>().id;
      const acc = await post(t, sender, `/api/v1/agreements/${agreementId}/versions/1/accept`);
      expect(acc.statusCode, acc.body).toBe(200);
      await work();
      // Deliveries go out concurrently: receivers order by `created`, not by arrival.
      const got = at('/agreements').map((r) => JSON.parse(r.body) as Payload);
      expect(got.map((p) => [p.type, p.data.agreement?.id]).sort()).toEqual([
        ['agreement.accepted', agreementId],
        ['agreement.proposed', agreementId],
      ]);
      expect((await deliveries(sender, hook.id)).every((x) => x.status === 'delivered')).toBe(true);
    });

    it('keeps webhooks to their org: others get 404, members 403, bad input 400', async () => {
      const { sender, receiver, hook } = await pair('/private');
      await refer(sender, receiver);
      const [d] = await deliveries(sender, hook.id);
      const stranger = await t.signup();
      expectProblem(await get(t, stranger, `/api/v1/webhooks/${hook.id}/deliveries`), 404);
      expectProblem(
        await post(t, stranger, `/api/v1/webhooks/${hook.id}/deliveries/${d?.id}/replay`),
        404,
      );
      expectProblem(
        await t.as(stranger.token, { method: 'DELETE', url: `/api/v1/webhooks/${hook.id}` }),
        404,
      );
      expect((await get(t, stranger, '/api/v1/webhooks')).json()).toEqual({ webhooks: [] });
      // The partner is party to the referral but not to the sender's webhook.
      expectProblem(await get(t, receiver, `/api/v1/webhooks/${hook.id}/deliveries`), 404);

      const member = await joinAs(t, sender, 'member');
      expectProblem(await get(t, member, '/api/v1/webhooks'), 403);
      expectProblem(
        await post(t, member, '/api/v1/webhooks', { url: rx.url(), events: ['fee.due'] }),
        403,
      );
      expectProblem(
        await post(t, member, `/api/v1/webhooks/${hook.id}/deliveries/${d?.id}/replay`),
        403,
      );

      const bad = expectProblem(
        await post(t, sender, '/api/v1/webhooks', { url: 'ftp://example.com/x', events: ['nope'] }),
        400,
      );
      expect(bad.errors.map((e) => e.path)).toContain('body.events.0');
      const badUrl = expectProblem(
        await post(t, sender, '/api/v1/webhooks', {
          url: 'ftp://example.com/x',
          events: ['fee.due'],
        }),
        400,
      );
      expect(badUrl.errors).toEqual([{ path: 'url', message: 'Must be an http or https URL' }]);
      expectProblem(await post(t, sender, '/api/v1/webhooks', { url: rx.url(), events: [] }), 400);
    });

    it('deleting a webhook cancels what it had pending', async () => {
      const { sender, receiver, hook } = await pair('/deleted');
      await refer(sender, receiver);
      const del = await t.as(sender.token, {
        method: 'DELETE',
        url: `/api/v1/webhooks/${hook.id}`,
      });
      expect(del.statusCode, del.body).toBe(204);
      await work();
      expect(at('/deleted')).toEqual([]);
      expectProblem(await get(t, sender, `/api/v1/webhooks/${hook.id}/deliveries`), 404);
      expect((await get(t, sender, '/api/v1/webhooks')).json()).toEqual({ webhooks: [] });
    });
  });
}
