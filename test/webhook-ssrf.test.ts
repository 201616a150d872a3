// The webhook SSRF guard on both stores, with the default config: loopback, private, metadata and
// other internal destinations are refused at registration (by literal or by DNS), and a host that
// resolves to a blocked address when a delivery is sent (DNS rebinding) gets nothing: the attempt
// is logged as failed and no request reaches the receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { AppError } from '../src/domain/shared/errors.ts';
import type { Actor } from '../src/services/deps.ts';
import { deliverDueWebhooks } from '../src/services/webhook-delivery.service.ts';
import type { ResolveAll } from '../src/services/webhook-destination.ts';
import { createWebhook } from '../src/services/webhooks.service.ts';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';
import { startReceiver, type Receiver } from './support/webhook-receiver.ts';

interface Attempt {
  statusCode: number | null;
  error: string | null;
  nextRetryAt: string | null;
}
interface DeliveryDto {
  status: string;
  attempts: Attempt[];
}

const resolvesTo =
  (...addresses: string[]): ResolveAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('CIRCLES_WEBHOOK_ALLOW_PRIVATE', () => {
  it('is off by default and can be turned on', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ CIRCLES_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate).toBe(true);
    expect(() => loadConfig({ CIRCLES_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(
      /CIRCLES_WEBHOOK_ALLOW_PRIVATE/,
    );
  });
});

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`webhook SSRF guard (${kind})`, () => {
    let t: TestApp;
    let rx: Receiver;
    let port: string;

    beforeAll(async () => {
      t = await createTestApp(kind); // the default config: private destinations refused
      rx = await startReceiver();
      port = new URL(rx.url()).port;
    });
    afterAll(async () => {
      await rx.close();
      await t.close();
    });

    const ownerOf = (who: SignedUp): Actor => ({
      userId: who.user.id,
      orgId: who.organization.id,
      role: 'owner',
      tokenId: null,
      sessionId: null,
    });

    /** A partnered pair; the sender registers `url` through the service with `resolve`. */
    const hookedPair = async (url: string, resolve: ResolveAll, allowPrivate = false) => {
      const sender = await t.signup();
      const receiver = await t.signup();
      await partnerUp(t, sender, receiver);
      const { webhook } = await createWebhook(
        t.deps,
        ownerOf(sender),
        { requestId: null },
        { url, events: ['referral.created'] },
        { allowPrivate, resolve },
      );
      const opportunityId = await createOpportunity(t, sender);
      const res = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      return { sender, hookId: webhook.id };
    };

    const deliveries = async (who: SignedUp, hookId: string) => {
      const res = await get(t, who, `/api/v1/webhooks/${hookId}/deliveries`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ deliveries: DeliveryDto[] }>().deliveries;
    };

    const at = (path: string) => rx.received.filter((r) => r.path.startsWith(path));

    it('refuses loopback, private, metadata and other internal addresses with 400 on url', async () => {
      const owner = await t.signup();
      for (const url of [
        rx.url('/loopback'),
        `http://127.1:${port}/short-loopback`,
        `http://2130706433:${port}/decimal-loopback`,
        'http://10.1.2.3/hook',
        'http://172.16.0.1/hook',
        'http://192.168.0.10/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://100.64.0.1/hook',
        'http://0.0.0.0/hook',
        'http://224.0.0.1/hook',
        `http://[::1]:${port}/hook`,
        `http://[::ffff:127.0.0.1]:${port}/hook`,
        'http://[::ffff:169.254.169.254]/hook',
        'http://[fd00:ec2::254]/hook',
        'http://[fe80::1]/hook',
        'https://[::]/hook',
      ]) {
        const res = await post(t, owner, '/api/v1/webhooks', { url, events: ['referral.created'] });
        const problem = expectProblem(res, 400);
        expect(problem.errors, url).toEqual([
          {
            path: 'url',
            message: expect.stringMatching(
              /^Must not point at a private, loopback, link-local/,
            ) as unknown,
          },
        ]);
      }
      const metadata = expectProblem(
        await post(t, owner, '/api/v1/webhooks', {
          url: 'http://169.254.169.254/latest/meta-data/',
          events: ['referral.created'],
        }),
        400,
      );
      expect(metadata.errors[0]?.message).toContain('169.254.169.254 is a link-local address');
      expect((await get(t, owner, '/api/v1/webhooks')).json()).toEqual({ webhooks: [] });
      await new Promise((r) => setTimeout(r, 20));
      expect(rx.received).toEqual([]);
    });

    it('refuses a host name that resolves to a blocked address (localhost)', async () => {
      const owner = await t.signup();
      const res = await post(t, owner, '/api/v1/webhooks', {
        url: `http://localhost:${port}/by-name`,
        events: ['referral.created'],
      });
      const problem = expectProblem(res, 400);
      expect(problem.errors).toEqual([
        {
          path: 'url',
          message: expect.stringMatching(
            /localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
          ) as unknown,
        },
      ]);
      // One blocked address among public ones is enough to refuse.
      const sender = await t.signup();
      await expect(
        createWebhook(
          t.deps,
          ownerOf(sender),
          { requestId: null },
          { url: 'https://hooks.example/x', events: ['referral.created'] },
          { allowPrivate: false, resolve: resolvesTo('93.184.216.34', '10.0.0.7') },
        ),
      ).rejects.toMatchObject({
        code: 'validation',
        issues: [
          {
            path: 'url',
            message: expect.stringContaining('10.0.0.7, a private address') as unknown,
          },
        ],
      });
      await expect(
        createWebhook(
          t.deps,
          ownerOf(sender),
          { requestId: null },
          { url: 'https://hooks.example/x', events: ['referral.created'] },
          {
            allowPrivate: false,
            resolve: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })),
          },
        ),
      ).rejects.toBeInstanceOf(AppError);
    });

    it('refuses a host whose DNS does not answer in time, naming url', async () => {
      const owner = await t.signup();
      const started = Date.now();
      await expect(
        createWebhook(
          t.deps,
          ownerOf(owner),
          { requestId: null },
          { url: 'https://slow-dns.example/x', events: ['referral.created'] },
          {
            allowPrivate: false,
            resolve: () => new Promise(() => undefined),
            resolveTimeoutMs: 50,
          },
        ),
      ).rejects.toMatchObject({
        code: 'validation',
        issues: [
          {
            path: 'url',
            message: 'Host slow-dns.example did not resolve within 50 ms; try again later',
          },
        ],
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await get(t, owner, '/api/v1/webhooks')).json()).toEqual({ webhooks: [] });
    });

    it('sends nothing to a host that resolves to a blocked address at send time', async () => {
      // Public when registered, loopback (this receiver) when the delivery goes out: DNS rebinding.
      const { sender, hookId } = await hookedPair(
        `http://hooks.example:${port}/rebound`,
        resolvesTo('93.184.216.34'),
      );
      const run = await deliverDueWebhooks(t.deps, {
        timeoutMs: 2_000,
        resolve: resolvesTo('127.0.0.1'),
      });
      expect(run).toEqual({ attempted: 1, delivered: 0, retrying: 0, failed: 1 });
      expect(at('/rebound')).toEqual([]);
      const [d] = await deliveries(sender, hookId);
      expect(d?.status).toBe('failed');
      expect(d?.attempts).toEqual([
        expect.objectContaining({
          statusCode: null,
          nextRetryAt: null,
          error:
            'Blocked destination: hooks.example resolves to 127.0.0.1, a loopback address; ' +
            'set CIRCLES_WEBHOOK_ALLOW_PRIVATE=true to allow it',
        }),
      ]);
    });

    it('connects to the checked address, keeping the Host name (the same send, allowed)', async () => {
      const { sender, hookId } = await hookedPair(
        `http://hooks.example:${port}/allowed`,
        resolvesTo('93.184.216.34'),
      );
      const run = await deliverDueWebhooks(t.deps, {
        timeoutMs: 2_000,
        allowPrivateNetworks: true,
        resolve: resolvesTo('127.0.0.1'),
      });
      expect(run).toMatchObject({ attempted: 1, delivered: 1 });
      const [got] = at('/allowed');
      expect(got?.headers.host).toBe(`hooks.example:${port}`);
      expect((await deliveries(sender, hookId))[0]?.status).toBe('delivered');
    });

    it('sends nothing to an IP-literal destination registered while private ones were allowed', async () => {
      const { sender, hookId } = await hookedPair(
        rx.url('/literal'),
        resolvesTo('127.0.0.1'),
        true,
      );
      // The worker's default: guarded. A fetch of one's own is not an option (a type error), and
      // one slipped in from untyped code is ignored.
      const unguarded = { fetch: globalThis.fetch };
      const run = await deliverDueWebhooks(t.deps, { timeoutMs: 2_000, ...unguarded });
      expect(run).toMatchObject({ attempted: 1, failed: 1 });
      expect(at('/literal')).toEqual([]);
      const [d] = await deliveries(sender, hookId);
      expect(d?.attempts[0]?.error).toBe(
        'Blocked destination: 127.0.0.1 is a loopback address; ' +
          'set CIRCLES_WEBHOOK_ALLOW_PRIVATE=true to allow it',
      );
    });
  });
}
