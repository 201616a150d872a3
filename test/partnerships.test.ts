// Partnerships over HTTP on both stores: dual opt-in, ending, listing, authorization, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, get, post } from './support/deals-helpers.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface PartnershipDto {
  id: string;
  requesterOrgId: string;
  addresseeOrgId: string;
  status: string;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`partnerships (${kind})`, () => {
    let t: TestApp;
    let a: SignedUp;
    let b: SignedUp;
    let c: SignedUp;

    beforeAll(async () => {
      t = await createTestApp(kind);
      a = await t.signup();
      b = await t.signup();
      c = await t.signup();
    });
    afterAll(async () => t.close());

    it('request, accept, end: dual opt-in with an audit entry for each step', async () => {
      const res = await post(t, a, '/api/v1/partnerships', { orgId: b.organization.id });
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json<PartnershipDto>();
      expect(p).toMatchObject({
        requesterOrgId: a.organization.id,
        addresseeOrgId: b.organization.id,
        status: 'requested',
      });

      expectProblem(await post(t, a, '/api/v1/partnerships', { orgId: b.organization.id }), 409);
      expectProblem(await post(t, b, '/api/v1/partnerships', { orgId: a.organization.id }), 409);
      expectProblem(await post(t, a, `/api/v1/partnerships/${p.id}/accept`), 403);

      const acc = await post(t, b, `/api/v1/partnerships/${p.id}/accept`);
      expect(acc.json<PartnershipDto>().status).toBe('active');
      expectProblem(await post(t, b, `/api/v1/partnerships/${p.id}/decline`), 409);

      const listA = (await get(t, a, '/api/v1/partnerships?status=active')).json<{
        partnerships: PartnershipDto[];
      }>();
      expect(listA.partnerships.map((x) => x.id)).toEqual([p.id]);

      const end = await post(t, a, `/api/v1/partnerships/${p.id}/end`);
      expect(end.statusCode, end.body).toBe(200);
      expect(end.json<PartnershipDto>().status).toBe('ended');
      expectProblem(await post(t, b, `/api/v1/partnerships/${p.id}/end`), 409);

      expect(await auditActions(t, a, 'partnership.requested')).toContain(p.id);
      expect(await auditActions(t, b, 'partnership.accepted')).toContain(p.id);
      expect(await auditActions(t, a, 'partnership.ended')).toContain(p.id);

      // Ended: a new request between the same orgs is allowed.
      expect(
        (await post(t, b, '/api/v1/partnerships', { orgId: a.organization.id })).statusCode,
      ).toBe(201);
    });

    it('declines, rejects self and unknown orgs, and lets members read but not act', async () => {
      const req = await post(t, c, '/api/v1/partnerships', { orgId: a.organization.id });
      const id = req.json<PartnershipDto>().id;
      expect(
        (await post(t, a, `/api/v1/partnerships/${id}/decline`)).json<PartnershipDto>().status,
      ).toBe('declined');
      expect(await auditActions(t, a, 'partnership.declined')).toContain(id);

      const self = expectProblem(
        await post(t, a, '/api/v1/partnerships', { orgId: a.organization.id }),
        400,
      );
      expect(self.errors[0]?.path).toBe('orgId');
      expectProblem(await post(t, a, '/api/v1/partnerships', { orgId: 'no-such-org' }), 404);
      expectProblem(await post(t, a, '/api/v1/partnerships', { orgId: 42 }), 400);
      expectProblem(await post(t, a, `/api/v1/partnerships/${id}/bogus`), 400);
      expectProblem(await get(t, a, '/api/v1/partnerships?status=bogus'), 400);

      const member = await joinAs(t, a, 'member');
      expect((await get(t, member, `/api/v1/partnerships/${id}`)).statusCode).toBe(200);
      expectProblem(
        await post(t, member, '/api/v1/partnerships', { orgId: b.organization.id }),
        403,
      );
    });

    it('lets only one of two concurrent requests between the same pair through', async () => {
      const x = await t.signup();
      const y = await t.signup();
      const codes = await Promise.all([
        post(t, x, '/api/v1/partnerships', { orgId: y.organization.id }),
        post(t, y, '/api/v1/partnerships', { orgId: x.organization.id }),
        post(t, x, '/api/v1/partnerships', { orgId: y.organization.id }),
      ]).then((rs) => rs.map((r) => r.statusCode).sort());
      expect(codes).toEqual([201, 409, 409]);
    });

    it('hides partnerships from orgs that are not party to them', async () => {
      const outsider = await t.signup();
      const res = await post(t, c, '/api/v1/partnerships', { orgId: b.organization.id });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<PartnershipDto>().id;
      expect((await get(t, b, `/api/v1/partnerships/${id}`)).statusCode).toBe(200);
      expectProblem(await get(t, outsider, `/api/v1/partnerships/${id}`), 404);
      for (const action of ['accept', 'decline', 'end']) {
        expectProblem(await post(t, outsider, `/api/v1/partnerships/${id}/${action}`), 404);
      }
      const list = (await get(t, outsider, '/api/v1/partnerships')).json<{
        partnerships: unknown[];
      }>();
      expect(list.partnerships).toEqual([]);
    });
  });
}
