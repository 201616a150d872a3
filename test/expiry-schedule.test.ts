// The expiry job on its in-process schedule (both stores): with the clock past 14 days, the
// running jobs expire the referral, log it, and the sender's webhook receives referral.expired,
// all without anyone calling the job. Also: the intervals come from the configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { startBackgroundJobs, type JobName } from '../src/services/background-jobs.ts';
import { verifySignature } from '../src/domain/webhooks/signature.ts';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { startReceiver, type Receiver } from './support/webhook-receiver.ts';

const DAY = 24 * 3_600_000;

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('background job configuration', () => {
  it('reads the intervals, 0 turning a job off', () => {
    const d = loadConfig({});
    expect(d.expiryIntervalMs).toBe(600_000);
    expect(d.webhookIntervalMs).toBe(5_000);
    expect(d.webhookTimeoutMs).toBe(10_000);
    const c = loadConfig({ CIRCLES_EXPIRY_INTERVAL_MS: '0', CIRCLES_WEBHOOK_INTERVAL_MS: '250' });
    expect([c.expiryIntervalMs, c.webhookIntervalMs]).toEqual([0, 250]);
    expect(() => loadConfig({ CIRCLES_EXPIRY_INTERVAL_MS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ CIRCLES_WEBHOOK_TIMEOUT_MS: 'soon' })).toThrow(
      /CIRCLES_WEBHOOK_TIMEOUT_MS/,
    );
  });
});

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`scheduled expiry (${kind})`, () => {
    let t: TestApp;
    let rx: Receiver;

    beforeAll(async () => {
      t = await createTestApp(kind, {
        CIRCLES_SESSION_HOURS: String(24 * 90),
        CIRCLES_WEBHOOK_ALLOW_PRIVATE: 'true', // the receiver listens on 127.0.0.1
      });
      rx = await startReceiver();
    });
    afterAll(async () => {
      await rx.close();
      await t.close();
    });

    it('expires an unanswered referral on schedule and tells the sender', async () => {
      const sender = await t.signup();
      const receiver = await t.signup();
      await partnerUp(t, sender, receiver);
      const hook = await post(t, sender, '/api/v1/webhooks', {
        url: rx.url('/expired'),
        events: ['referral.expired'],
      });
      expect(hook.statusCode, hook.body).toBe(201);
      const secret = hook.json<{ secret: string }>().secret;
      const opportunityId = await createOpportunity(t, sender);
      const created = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;

      const runs: JobName[] = [];
      const errors: unknown[] = [];
      const jobs = startBackgroundJobs(t.deps, {
        expiryIntervalMs: 20,
        webhookIntervalMs: 20,
        webhookTimeoutMs: 2_000,
        webhookAllowPrivate: true, // as the app config above
        onError: (_job, err) => errors.push(err),
        onRun: (job) => runs.push(job),
      });
      try {
        // Running, but nothing is due yet.
        await until(() => runs.filter((j) => j === 'referral-expiry').length >= 3);
        const before = await get(t, sender, `/api/v1/referrals/${id}`);
        expect(before.json<{ status: string }>().status).toBe('New');

        t.clock.advance(14 * DAY);
        await until(() => rx.received.some((r) => r.path === '/expired'));
      } finally {
        await jobs.stop();
      }
      expect(errors).toEqual([]);

      const [got] = rx.received.filter((r) => r.path === '/expired');
      expect(
        verifySignature(
          String(got?.headers['circles-signature']),
          secret,
          got?.body ?? '',
          t.clock.now(),
        ),
      ).toEqual({ ok: true });
      expect(JSON.parse(got?.body ?? '{}')).toMatchObject({
        type: 'referral.expired',
        data: {
          referral: { id, status: 'Closed', substatus: 'Expired' },
          previous: { status: 'New' },
        },
      });
      const after = await get(t, sender, `/api/v1/referrals/${id}`);
      expect(after.json()).toMatchObject({ status: 'Closed', substatus: 'Expired' });
      const log = (await get(t, sender, `/api/v1/referrals/${id}/events`)).json<{
        events: { type: string; actorOrgId: string | null }[];
        verified: boolean;
      }>();
      expect(log.verified).toBe(true);
      expect(log.events.filter((e) => e.type === 'referral.expired')).toEqual([
        expect.objectContaining({ actorOrgId: null }),
      ]);
      expect(rx.received.filter((r) => r.path === '/expired')).toHaveLength(1);
    });
  });
}
