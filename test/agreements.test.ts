// Agreements over HTTP on both stores: template terms, versions proposed by one side and accepted
// by the other, the version in force, diffs, validation paths, authorization and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, get, partnerUp, post } from './support/deals-helpers.ts';
import { joinAs } from './support/identity-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface VersionDto {
  n: number;
  status: string;
  terms: { fee: { basis: string; rate?: number }; currency: string; paymentDays: number };
}
interface AgreementDto {
  id: string;
  type: string;
  versions: VersionDto[];
  inForce: VersionDto | null;
  diffs: { from: number; to: number; changes: { path: string; kind: string }[] }[];
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`agreements (${kind})`, () => {
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

    it('proposes from the template, is in force once the other side accepts, and diffs versions', async () => {
      const res = await post(t, a, '/api/v1/agreements', { partnershipId, type: 'referral' });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json<AgreementDto>();
      expect(created.versions).toHaveLength(1);
      expect(created.versions[0]).toMatchObject({
        n: 1,
        status: 'proposed',
        terms: { fee: { basis: 'percent-of-revenue', rate: 1000 }, currency: 'EUR' },
      });
      expect(created.inForce).toBeNull();

      expectProblem(await post(t, a, `/api/v1/agreements/${created.id}/versions/1/accept`), 403);
      const acc = await post(t, b, `/api/v1/agreements/${created.id}/versions/1/accept`);
      expect(acc.statusCode, acc.body).toBe(200);
      expect(acc.json<AgreementDto>().inForce?.n).toBe(1);
      expectProblem(await post(t, b, `/api/v1/agreements/${created.id}/versions/1/accept`), 409);

      const v2 = await post(t, b, `/api/v1/agreements/${created.id}/versions`, {
        terms: { paymentDays: 45, fee: { basis: 'percent-of-revenue', rate: 1200 } },
      });
      expect(v2.statusCode, v2.body).toBe(201);
      const after = v2.json<AgreementDto>();
      expect(after.versions.map((v) => v.status)).toEqual(['accepted', 'proposed']);
      expect(after.inForce?.n).toBe(1);
      expect(after.diffs[0]?.changes.map((c) => c.path)).toEqual(['fee.rate', 'paymentDays']);

      t.clock.advance(60_000);
      await post(t, a, `/api/v1/agreements/${created.id}/versions/2/accept`);
      const read = (await get(t, a, `/api/v1/agreements/${created.id}`)).json<AgreementDto>();
      expect(read.inForce?.n).toBe(2);
      expect(read.inForce?.terms.paymentDays).toBe(45);

      const list = (await get(t, b, `/api/v1/agreements?partnershipId=${partnershipId}`)).json<{
        agreements: AgreementDto[];
      }>();
      expect(list.agreements.map((x) => x.id)).toContain(created.id);

      expect(await auditActions(t, a, 'agreement.proposed')).toContain(created.id);
      expect(await auditActions(t, b, 'agreement.accepted')).toContain(created.id);
      expect(await auditActions(t, b, 'agreement.proposed')).toContain(created.id);
      expect(await auditActions(t, a, 'agreement.accepted')).toContain(created.id);
    });

    it('serves each type’s template, signed-in only, as the terms a bare proposal gets', async () => {
      const res = await get(t, a, '/api/v1/agreements/templates');
      expect(res.statusCode, res.body).toBe(200);
      const { templates } = res.json<{
        templates: { type: string; terms: VersionDto['terms'] }[];
      }>();
      expect(templates.map((x) => x.type)).toEqual([
        'referral',
        'resale',
        'subcontract',
        'co-sell',
        'co-delivery',
        'white-label',
      ]);
      const byType = new Map(templates.map((x) => [x.type, x.terms]));
      expect(byType.get('referral')).toMatchObject({
        fee: { basis: 'percent-of-revenue', rate: 1000 },
        currency: 'EUR',
        effectiveFrom: '2030-01-01',
      });
      expect(byType.get('white-label')).toMatchObject({ confidentiality: 'white-label' });

      // The editor's starting point is what the server proposes when no terms are sent.
      const created = await post(t, a, '/api/v1/agreements', { partnershipId, type: 'resale' });
      expect(created.json<AgreementDto>().versions[0]?.terms).toEqual(byType.get('resale'));

      expectProblem(
        await t.app.inject({ method: 'GET', url: '/api/v1/agreements/templates' }),
        401,
      );
      const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(spec.paths)).toContain('/api/v1/agreements/templates');
    });

    it('reports bad terms with field paths', async () => {
      const bad = expectProblem(
        await post(t, a, '/api/v1/agreements', {
          partnershipId,
          type: 'referral',
          terms: {
            currency: 'XXY',
            paymentDays: -3,
            fee: { basis: 'percent-of-revenue', rate: 0 },
          },
        }),
        400,
      );
      expect(bad.errors.map((e) => e.path).sort()).toEqual([
        'terms.currency',
        'terms.fee.rate',
        'terms.paymentDays',
      ]);
      const wrongType = expectProblem(
        await post(t, a, '/api/v1/agreements', { partnershipId, type: 'barter' }),
        400,
      );
      expect(wrongType.errors[0]?.path).toBe('body.type');
      const shape = expectProblem(
        await post(t, a, '/api/v1/agreements', {
          partnershipId,
          type: 'referral',
          terms: { paymentDays: '30' },
        }),
        400,
      );
      expect(shape.errors[0]?.path).toBe('body.terms.paymentDays');
      const wl = expectProblem(
        await post(t, a, '/api/v1/agreements', {
          partnershipId,
          type: 'white-label',
          terms: { confidentiality: 'standard' },
        }),
        400,
      );
      expect(wl.errors.map((e) => e.path)).toEqual(['terms.confidentiality']);
    });

    it('hides agreements from non-parties and keeps members read-only', async () => {
      const res = await post(t, a, '/api/v1/agreements', { partnershipId, type: 'co-sell' });
      const id = res.json<AgreementDto>().id;
      expectProblem(await get(t, outsider, `/api/v1/agreements/${id}`), 404);
      expectProblem(
        await post(t, outsider, `/api/v1/agreements/${id}/versions`, { terms: {} }),
        404,
      );
      expectProblem(await post(t, outsider, `/api/v1/agreements/${id}/versions/1/accept`), 404);
      expectProblem(
        await post(t, outsider, '/api/v1/agreements', { partnershipId, type: 'referral' }),
        404,
      );
      const list = (await get(t, outsider, '/api/v1/agreements')).json<{ agreements: unknown[] }>();
      expect(list.agreements).toEqual([]);

      const member = await joinAs(t, b, 'member');
      expect((await get(t, member, `/api/v1/agreements/${id}`)).statusCode).toBe(200);
      expectProblem(await post(t, member, `/api/v1/agreements/${id}/versions/1/accept`), 403);
    });

    it('needs an active partnership, and freezes agreements once it ends', async () => {
      const d = await t.signup();
      const pid = await partnerUp(t, a, d);
      const created = await post(t, a, '/api/v1/agreements', {
        partnershipId: pid,
        type: 'referral',
      });
      const id = created.json<AgreementDto>().id;
      expect((await post(t, d, `/api/v1/partnerships/${pid}/end`)).statusCode).toBe(200);
      expectProblem(await post(t, d, `/api/v1/agreements/${id}/versions/1/accept`), 409);
      expectProblem(await post(t, a, `/api/v1/agreements/${id}/versions`, { terms: {} }), 409);

      const c = await t.signup();
      const req = await post(t, a, '/api/v1/partnerships', { orgId: c.organization.id });
      const pending = req.json<{ id: string }>().id;
      expectProblem(
        await post(t, a, '/api/v1/agreements', { partnershipId: pending, type: 'referral' }),
        409,
      );
    });
  });
}
