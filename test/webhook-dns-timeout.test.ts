// Registering a webhook whose host the resolver never answers for: the request does not hang, it
// gets a 400 problem naming url once the registration's DNS budget (3 s) is spent. DNS is faked
// for that one name; every other name resolves as usual.
import type * as dns from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REGISTRATION_RESOLVE_TIMEOUT_MS } from '../src/services/webhook-destination.ts';
import { get, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type TestApp } from './support/test-app.ts';

const SILENT_HOST = 'silent-dns.example';

vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof dns>();
  const lookup = (hostname: string, ...rest: unknown[]): Promise<unknown> =>
    hostname === 'silent-dns.example'
      ? new Promise(() => undefined)
      : (real.lookup as (h: string, ...r: unknown[]) => Promise<unknown>)(hostname, ...rest);
  return { ...real, default: { ...real, lookup }, lookup };
});

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`webhook registration DNS timeout (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind); // the default config: destinations are checked
    });
    afterAll(async () => t.close());

    it('answers 400 problem+json on url when the host does not resolve in time', async () => {
      const owner = await t.signup();
      const started = Date.now();
      const res = await post(t, owner, '/api/v1/webhooks', {
        url: `https://${SILENT_HOST}/hook`,
        events: ['referral.created'],
      });
      const elapsed = Date.now() - started;
      const problem = expectProblem(res, 400);
      expect(problem.errors).toEqual([
        {
          path: 'url',
          message: `Host ${SILENT_HOST} did not resolve within ${REGISTRATION_RESOLVE_TIMEOUT_MS} ms; try again later`,
        },
      ]);
      expect(elapsed).toBeGreaterThanOrEqual(REGISTRATION_RESOLVE_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(REGISTRATION_RESOLVE_TIMEOUT_MS + 2_000);
      expect((await get(t, owner, '/api/v1/webhooks')).json()).toEqual({ webhooks: [] });
    });
  });
}
