import { describe, expect, it } from 'vitest';
import type { Amount } from './money.ts';
import type { OpportunityView } from './opportunity.ts';
import {
  fromPartnerCenter,
  HIDDEN_CUSTOMER_NAME,
  toMajorUnits,
  toMinorUnits,
  toPartnerCenter,
} from './partner-center.ts';
import type { PcReferral } from './partner-center-types.ts';
import type { Referral } from './referral.ts';

const value = { amount: 50_000_50, currency: 'EUR' } as Amount;

const opportunity: OpportunityView = {
  id: 'opp-1',
  ownerOrgId: 'org-a',
  engagementId: 'eng-1',
  description: 'Move 400 mailboxes to Microsoft 365\nand secure them',
  cells: [
    { kind: 'product', code: 'Microsoft365', country: 'DE' },
    { kind: 'service', code: 'DeploymentOrMigration', country: 'DE' },
    { kind: 'solutionArea', code: 'ModernWork', country: 'DE' },
  ],
  customerName: 'Contoso GmbH',
  customerDomain: 'contoso.co.uk',
  hideCustomer: false,
  value,
  expectedCloseDate: '2030-03-31',
  visibility: 'selected',
  selectedOrgIds: ['org-b'],
  competitorOrgIds: [],
  circleId: null,
  createdAt: '2030-01-01T09:00:00.000Z',
};

const referral: Referral = {
  id: 'ref-1',
  engagementId: 'eng-1',
  opportunityId: 'opp-1',
  fromOrgId: 'org-a',
  toOrgId: 'org-b',
  agreementId: null,
  agreementVersion: null,
  arrangementType: 'referral',
  partnerRole: 'deployment',
  notes: 'Customer wants it done by March',
  team: [
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@a.example', phoneNumber: '+49 30 1' },
  ],
  estimatedCloseDate: '2030-03-31',
  customerDomain: 'contoso.co.uk',
  attribution: {
    kind: 'stamped',
    stamp: {
      customerDomain: 'contoso.co.uk',
      partnerOrgId: 'org-b',
      introducedByOrgId: 'org-a',
      referralId: 'ref-1',
      at: '2030-01-01T09:00:00.000Z',
    },
  },
  status: 'New',
  substatus: 'Received',
  statusReason: null,
  stage: 'Created',
  createdAt: '2030-01-01T09:00:00.000Z',
  expiresAt: '2030-01-15T09:00:00.000Z',
  acceptedAt: null,
  closedAt: null,
  value,
  flags: [],
  updatedAt: '2030-01-01T09:00:00.000Z',
  version: 1,
};

describe('Partner Center referral JSON', () => {
  it('exports with Partner Center field names, as each side sees it', () => {
    const pc = toPartnerCenter(referral, { side: 'sender', opportunity, senderName: 'Alpha' });
    expect(pc).toMatchObject({
      id: 'ref-1',
      engagementId: 'eng-1',
      name: 'Move 400 mailboxes to Microsoft 365',
      externalReferenceId: 'opp-1',
      status: 'New',
      substatus: 'Pending',
      type: 'Independent',
      qualification: 'None',
      expirationDateTime: '2030-01-15T09:00:00.000Z',
      customerProfile: {
        name: 'Contoso GmbH',
        address: { country: 'DE' },
        ids: { external: 'contoso.co.uk' },
      },
      consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
      details: {
        dealValue: 50000.5,
        currency: 'EUR',
        closingDateTime: '2030-03-31T00:00:00Z',
        requirements: {
          products: ['Microsoft365'],
          services: ['DeploymentOrMigration'],
          solutions: ['ModernWork'],
        },
      },
      team: referral.team,
      inviteContext: { invitedBy: { organizationId: 'org-a', organizationName: 'Alpha' } },
      target: [{ type: 'Organization', id: 'org-b' }],
      eTag: '"1"',
    });
    const theirs = toPartnerCenter(referral, {
      side: 'receiver',
      opportunity: { ...opportunity, customerName: null, customerDomain: null, hideCustomer: true },
      senderName: 'Alpha',
    });
    expect(theirs.substatus).toBe('Received');
    expect(theirs.customerProfile).toMatchObject({ name: HIDDEN_CUSTOMER_NAME, ids: {} });
    expect(theirs.consent.consentToToShareInfoWithOthers).toBe(false);
  });

  it('round-trips: export then import gives back the opportunity and referral', () => {
    const pc = toPartnerCenter(referral, { side: 'sender', opportunity, senderName: 'Alpha' });
    const back = fromPartnerCenter(pc);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.engagementId).toBe('eng-1');
    expect(back.value.opportunity).toEqual({
      description: 'Move 400 mailboxes to Microsoft 365',
      cells: opportunity.cells,
      customerName: 'Contoso GmbH',
      customerDomain: 'contoso.co.uk',
      hideCustomer: false,
      value: { amount: 50_000_50, currency: 'EUR' },
      expectedCloseDate: '2030-03-31',
    });
    expect(back.value.referral).toEqual({
      toOrgId: 'org-b',
      estimatedCloseDate: '2030-03-31',
      notes: referral.notes,
      team: referral.team,
      inviteeValue: { amount: 50_000_50, currency: 'EUR' },
    });
    // Circles' own opportunity id is not kept as a CRM reference: the import makes a new one.
    expect(back.value.ignored).toEqual(['referral.externalReferenceId']);
  });

  const given: PcReferral = {
    engagementId: 'f1b6c0de-0000-4000-8000-000000000001',
    name: 'Security assessment',
    status: 'New',
    substatus: 'Pending',
    type: 'Shared',
    qualification: 'SalesQualified',
    customerProfile: {
      name: 'Fabrikam Ltd',
      address: { city: 'Leeds', country: 'GB' },
      size: '51to250employees',
      team: [{ firstName: 'Bo', lastName: 'Li', email: 'bo.li@fabrikam.co.uk' }],
    },
    consent: { consentToToShareInfoWithOthers: false, consentToContact: true },
    details: {
      dealValue: 1200,
      currency: 'JPY',
      closingDateTime: '2030-06-30T12:00:00Z',
      requirements: { industries: ['Retail'], products: ['Azure'], solutions: ['Security', 'Foo'] },
    },
  };

  it('imports what Circles keeps and names what it does not', () => {
    const r = fromPartnerCenter(given, { toOrgId: 'org-b' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.opportunity).toMatchObject({
      customerDomain: 'bo.li@fabrikam.co.uk',
      hideCustomer: true,
      value: { amount: 1200, currency: 'JPY' },
      expectedCloseDate: '2030-06-30',
      cells: [
        { kind: 'product', code: 'Azure', country: 'GB' },
        { kind: 'solutionArea', code: 'Security', country: 'GB' },
      ],
    });
    expect(r.value.ignored.sort()).toEqual([
      'referral.consent.consentToContact',
      'referral.customerProfile.address.city',
      'referral.customerProfile.size',
      'referral.customerProfile.team',
      'referral.details.requirements.industries[0]',
      'referral.details.requirements.solutions[1]',
      'referral.qualification',
    ]);
    expect(r.value.sourceOf('cells[1].code')).toBe('referral.details.requirements.solutions[0]');
    expect(r.value.sourceOf('customerDomain')).toBe('referral.customerProfile.team[0].email');
  });

  it('reports what it cannot import with the paths of the body', () => {
    const r = fromPartnerCenter({
      ...given,
      status: 'Closed',
      substatus: 'Won',
      customerProfile: { name: 'X' },
      details: { ...given.details, dealValue: 10.5, closingDateTime: 'soon' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      'customerDomain',
      'referral.customerProfile.address.country',
      'referral.details.closingDateTime',
      'referral.details.dealValue',
      'referral.status',
      'toOrgId',
    ]);
  });

  it('converts money by the currency’s digits', () => {
    expect(toMajorUnits(12345, 'EUR')).toBe(123.45);
    expect(toMajorUnits(12345, 'JPY')).toBe(12345);
    expect(toMajorUnits(12345, 'BHD')).toBe(12.345);
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinorUnits(1.005, 'EUR')).toBeNull();
    expect(toMinorUnits(5, 'XXQ')).toBeNull();
  });
});
