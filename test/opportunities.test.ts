// Opportunities over HTTP on both stores: visibility (private, selected, network), competitors,
// hidden customers, validation paths and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditActions,
  createOpportunity,
  get,
  OPPORTUNITY,
  partnerUp,
  post,
} from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface OpportunityDto {
  id: string;
  engagementId: string;
  customerName: string | null;
  customerDomain: string | null;
  competitorOrgIds: string[];
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`opportunities (${kind})`, () => {
    let t: TestApp;
    let owner: SignedUp;
    let partner: SignedUp;
    let competitor: SignedUp;
    let stranger: SignedUp;

    beforeAll(async () => {
      t = await createTestApp(kind);
      owner = await t.signup();
      partner = await t.signup();
      competitor = await t.signup();
      stranger = await t.signup();
      await partnerUp(t, owner, partner);
    });
    afterAll(async () => t.close());

    const ids = async (who: SignedUp) =>
      (await get(t, who, '/api/v1/opportunities'))
        .json<{ opportunities: OpportunityDto[] }>()
        .opportunities.map((o) => o.id);

    it('stores the registrable domain, audits, and shows a network opportunity to all but competitors', async () => {
      const id = await createOpportunity(t, owner, {
        competitorOrgIds: [competitor.organization.id],
      });
      const own = (await get(t, owner, `/api/v1/opportunities/${id}`)).json<OpportunityDto>();
      expect(own).toMatchObject({
        customerDomain: 'contoso.co.uk',
        competitorOrgIds: [competitor.organization.id],
      });
      expect(own.engagementId).toMatch(/^[0-9a-f-]{36}$/);
      const seen = (await get(t, stranger, `/api/v1/opportunities/${id}`)).json<OpportunityDto>();
      expect(seen).toMatchObject({ customerName: 'Contoso GmbH', competitorOrgIds: [] });
      expectProblem(await get(t, competitor, `/api/v1/opportunities/${id}`), 404);
      expect(await ids(stranger)).toContain(id);
      expect(await ids(competitor)).not.toContain(id);
      expect(await auditActions(t, owner, 'opportunity.created')).toContain(id);
    });

    it('keeps private and selected opportunities to their audience, and hides the customer', async () => {
      const priv = await createOpportunity(t, owner, { visibility: 'private' });
      const sel = await createOpportunity(t, owner, {
        visibility: 'selected',
        selectedOrgIds: [partner.organization.id],
        hideCustomer: true,
      });
      for (const id of [priv, sel]) {
        expectProblem(await get(t, stranger, `/api/v1/opportunities/${id}`), 404);
        expect(await ids(stranger)).not.toContain(id);
      }
      expectProblem(await get(t, partner, `/api/v1/opportunities/${priv}`), 404);
      const shown = (await get(t, partner, `/api/v1/opportunities/${sel}`)).json<OpportunityDto>();
      expect(shown).toMatchObject({ customerName: null, customerDomain: null });
      expect(await ids(partner)).toEqual(expect.arrayContaining([sel]));
      expect(await ids(owner)).toEqual(expect.arrayContaining([priv, sel]));
      const own = (await get(t, owner, `/api/v1/opportunities/${sel}`)).json<OpportunityDto>();
      expect(own.customerName).toBe('Contoso GmbH');
    });

    it('rejects bad input with field paths', async () => {
      const bad = expectProblem(
        await post(t, owner, '/api/v1/opportunities', {
          ...OPPORTUNITY,
          description: '',
          cells: [{ kind: 'product', code: 'Nonsense', country: 'XX' }],
          value: { amount: -5, currency: 'ZZZ' },
          expectedCloseDate: '2030-02-30',
          customerDomain: 'not a domain',
          visibility: 'selected',
          selectedOrgIds: [stranger.organization.id],
        }),
        400,
      );
      expect(bad.errors.map((e) => e.path).sort()).toEqual([
        'cells[0].code',
        'cells[0].country',
        'customerDomain',
        'expectedCloseDate',
        'selectedOrgIds[0]',
        'value.amount',
        'value.currency',
      ]);
      const empty = expectProblem(
        await post(t, owner, '/api/v1/opportunities', {
          ...OPPORTUNITY,
          description: '',
          cells: [],
        }),
        400,
      );
      expect(empty.errors.map((e) => e.path)).toEqual(['description']);
      const shape = expectProblem(
        await post(t, owner, '/api/v1/opportunities', {
          ...OPPORTUNITY,
          value: { amount: '5', currency: 'EUR' },
        }),
        400,
      );
      expect(shape.errors[0]?.path).toBe('body.value.amount');
      expectProblem(
        await post(t, owner, '/api/v1/opportunities', { ...OPPORTUNITY, visibility: 'circle' }),
        400,
      );
    });
  });
}
