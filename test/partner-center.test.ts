// The Partner Center bridge on both stores: import a Partner Center referral (opportunity +
// referral from the caller's org), export it back with Microsoft's field names, and 400s with
// the body's paths for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

const pcReferral = (engagementId: string) => ({
  engagementId,
  name: 'Secure 400 Microsoft 365 mailboxes',
  externalReferenceId: 'CRM-4711',
  status: 'New',
  substatus: 'Pending',
  type: 'Independent',
  qualification: 'None',
  customerProfile: {
    name: 'Contoso GmbH',
    address: { country: 'DE' },
    ids: { external: 'contoso.de' },
  },
  consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
  details: {
    notes: 'Wants a pilot in February',
    dealValue: 48000.25,
    currency: 'EUR',
    closingDateTime: '2030-03-31T00:00:00Z',
    requirements: {
      industries: [],
      products: ['Microsoft365'],
      services: ['DeploymentOrMigration'],
      solutions: ['ModernWork'],
    },
  },
  team: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@alpha.example' }],
});

interface PcDto {
  id: string;
  engagementId: string;
  name: string;
  status: string;
  substatus: string;
  customerProfile: { name: string; ids: { external?: string } };
  consent: { consentToToShareInfoWithOthers: boolean };
  details: Record<string, unknown>;
  team: unknown[];
  target: { type: string; id: string }[];
  inviteContext: { invitedBy: { organizationId: string; organizationName: string } };
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`Partner Center bridge (${kind})`, () => {
    let t: TestApp;
    let sender: SignedUp;
    let receiver: SignedUp;
    let n = 0;
    const eng = () => `0f6c1a2b-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;

    beforeAll(async () => {
      t = await createTestApp(kind);
      sender = await t.signup(undefined, 'Alpha Consulting');
      receiver = await t.signup();
      await partnerUp(t, sender, receiver);
    });
    afterAll(async () => t.close());

    const importAs = (who: SignedUp, body: Record<string, unknown>) =>
      post(t, who, '/api/v1/referrals/import/partner-center', body);

    it('imports a referral and exports it back with the same Partner Center fields', async () => {
      const source = pcReferral(eng());
      const res = await importAs(sender, { referral: source, toOrgId: receiver.organization.id });
      expect(res.statusCode, res.body).toBe(201);
      const out = res.json<{
        referral: { id: string; engagementId: string; status: string; value: unknown };
        opportunityId: string;
        ignored: string[];
      }>();
      expect(out.referral).toMatchObject({
        engagementId: source.engagementId,
        status: 'New',
        value: { amount: 48_000_25, currency: 'EUR' },
      });
      expect(out.ignored).toEqual(['referral.externalReferenceId']);

      const exp = await get(t, sender, `/api/v1/referrals/${out.referral.id}/partner-center`);
      expect(exp.statusCode, exp.body).toBe(200);
      const pc = exp.json<PcDto>();
      expect(pc).toMatchObject({
        id: out.referral.id,
        engagementId: source.engagementId,
        name: source.name,
        status: 'New',
        substatus: 'Pending',
        customerProfile: { name: 'Contoso GmbH', ids: { external: 'contoso.de' } },
        consent: source.consent,
        team: source.team,
        target: [{ type: 'Organization', id: receiver.organization.id }],
        inviteContext: {
          invitedBy: {
            organizationId: sender.organization.id,
            organizationName: 'Alpha Consulting',
          },
        },
      });
      expect(pc.details).toEqual(source.details);

      // The receiver sees its side: Received; the opportunity was shared with it.
      const theirs = await get(t, receiver, `/api/v1/referrals/${out.referral.id}/partner-center`);
      expect(theirs.json<PcDto>().substatus).toBe('Received');
      const opp = await get(t, receiver, `/api/v1/opportunities/${out.opportunityId}`);
      expect(opp.statusCode, opp.body).toBe(200);

      // Re-importing the same engagement is refused.
      const again = expectProblem(
        await importAs(sender, { referral: source, toOrgId: receiver.organization.id }),
        409,
      );
      expect(again.errors[0]?.path).toBe('referral.engagementId');
    });

    it('hides the customer from the receiver without consent, and maps target[]', async () => {
      const source = {
        ...pcReferral(eng()),
        consent: { consentToToShareInfoWithOthers: false, consentToContact: false },
        target: [{ type: 'Organization', id: receiver.organization.id }],
      };
      const res = await importAs(sender, { referral: source });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ referral: { id: string } }>().referral.id;
      const theirs = (
        await get(t, receiver, `/api/v1/referrals/${id}/partner-center`)
      ).json<PcDto>();
      expect(theirs.customerProfile).toEqual({
        name: 'Undisclosed customer',
        address: { country: 'DE' }, // the country of the requirements, which the partner sees
        team: [],
        ids: {},
      });
      const mine = (await get(t, sender, `/api/v1/referrals/${id}/partner-center`)).json<PcDto>();
      expect(mine.customerProfile.name).toBe('Contoso GmbH');
    });

    it('answers bad input with 400 and the paths of the body', async () => {
      const shape = expectProblem(
        await importAs(sender, {
          referral: { ...pcReferral(eng()), details: { dealValue: 'lots', currency: 'EUR' } },
        }),
        400,
      );
      expect(shape.errors.map((e) => e.path)).toEqual(
        expect.arrayContaining([
          'body.referral.details.dealValue',
          'body.referral.details.closingDateTime',
        ]),
      );

      const src = pcReferral(eng());
      const codes = expectProblem(
        await importAs(sender, {
          referral: {
            ...src,
            details: { ...src.details, requirements: { products: ['Azure', 'Gizmo'] } },
          },
          toOrgId: receiver.organization.id,
        }),
        400,
      );
      expect(codes.errors.map((e) => e.path)).toEqual([
        'referral.details.requirements.products[1]',
      ]);

      const bad = expectProblem(
        await importAs(sender, {
          referral: { ...pcReferral(eng()), status: 'Closed', substatus: 'Won' },
        }),
        400,
      );
      expect(bad.errors.map((e) => e.path).sort()).toEqual(['referral.status', 'toOrgId']);
      expectProblem(
        await t.as(sender.token, {
          method: 'POST',
          url: '/api/v1/referrals/import/partner-center',
          headers: { 'content-type': 'application/json' },
          payload: '{"referral": ',
        }),
        400,
      );
    });

    it('refers only to active partners and exports only to parties', async () => {
      const stranger = await t.signup();
      const res = expectProblem(
        await importAs(sender, { referral: pcReferral(eng()), toOrgId: stranger.organization.id }),
        409,
      );
      expect(res.errors[0]?.path).toBe('toOrgId');
      const ok = await importAs(sender, {
        referral: pcReferral(eng()),
        toOrgId: receiver.organization.id,
      });
      const id = ok.json<{ referral: { id: string } }>().referral.id;
      expectProblem(await get(t, stranger, `/api/v1/referrals/${id}/partner-center`), 404);
    });
  });
}
