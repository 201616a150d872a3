// Agreement proposals over HTTP on both stores: the proposer withdraws its open proposal, the other
// side declines it; the wrong side gets 403 naming who may, a decided version 409 naming its state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, get, partnerUp, post } from './support/deals-helpers.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface AgreementDto {
  id: string;
  versions: { n: number; status: string; decidedByOrgId: string | null }[];
  inForce: { n: number } | null;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`agreement proposals (${kind})`, () => {
    let t: TestApp;
    let a: SignedUp;
    let b: SignedUp;
    let outsider: SignedUp;
    let partnershipId: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      a = await t.signup();
      b = await t.signup();
      outsider = await t.signup();
      partnershipId = await partnerUp(t, a, b);
    });
    afterAll(async () => t.close());

    const propose = async () => {
      const res = await post(t, a, '/api/v1/agreements', { partnershipId, type: 'referral' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<AgreementDto>().id;
    };
    const url = (id: string, n: number, action: string) =>
      `/api/v1/agreements/${id}/versions/${n}/${action}`;

    it('lets the proposer withdraw, not decline, its open proposal', async () => {
      const id = await propose();
      const wrong = expectProblem(await post(t, a, url(id, 1, 'decline')), 403);
      expect(wrong.detail).toMatch(/withdraws/);
      const res = await post(t, a, url(id, 1, 'withdraw'));
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json<AgreementDto>();
      expect(after.versions[0]).toMatchObject({
        status: 'withdrawn',
        decidedByOrgId: a.organization.id,
      });
      expect(after.inForce).toBeNull();
      const again = expectProblem(await post(t, b, url(id, 1, 'accept')), 409);
      expect(again.detail).toMatch(/withdrawn/);
      expect(await auditActions(t, a, 'agreement.withdrawn')).toContain(id);
    });

    it('lets the other side decline, not withdraw, and then counter-propose', async () => {
      const id = await propose();
      const wrong = expectProblem(await post(t, b, url(id, 1, 'withdraw')), 403);
      expect(wrong.detail).toMatch(/proposer/);
      const res = await post(t, b, url(id, 1, 'decline'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<AgreementDto>().versions[0]).toMatchObject({
        status: 'declined',
        decidedByOrgId: b.organization.id,
      });
      expect(await auditActions(t, b, 'agreement.declined')).toContain(id);

      const counter = await post(t, b, `/api/v1/agreements/${id}/versions`, {
        terms: { paymentDays: 60 },
      });
      expect(counter.statusCode, counter.body).toBe(201);
      const acc = await post(t, a, url(id, 2, 'accept'));
      expect(acc.json<AgreementDto>().inForce?.n).toBe(2);
    });

    it('refuses decided and unknown versions with 409 / 404 naming why', async () => {
      const id = await propose();
      await post(t, b, url(id, 1, 'accept'));
      for (const [who, action] of [
        [a, 'withdraw'],
        [b, 'decline'],
      ] as const) {
        const p = expectProblem(await post(t, who, url(id, 1, action)), 409);
        expect(p.detail).toMatch(/Version 1 is accepted/);
        expect(p.errors[0]).toMatchObject({ path: 'n', message: 'Open proposal: none' });
      }
      expectProblem(await post(t, a, url(id, 9, 'withdraw')), 404);
      expectProblem(await post(t, a, url(id, 1, 'cancel')), 400);
      const read = (await get(t, a, `/api/v1/agreements/${id}`)).json<AgreementDto>();
      expect(read.versions.map((v) => v.status)).toEqual(['accepted']);
    });

    it('hides proposals from non-parties and keeps org members read-only', async () => {
      const id = await propose();
      expectProblem(await post(t, outsider, url(id, 1, 'decline')), 404);
      expectProblem(await post(t, outsider, url(id, 1, 'withdraw')), 404);
      const member = await joinAs(t, b, 'member');
      expectProblem(await post(t, member, url(id, 1, 'decline')), 403);
      const read = (await get(t, b, `/api/v1/agreements/${id}`)).json<AgreementDto>();
      expect(read.versions[0]?.status).toBe('proposed');
    });
  });
}
