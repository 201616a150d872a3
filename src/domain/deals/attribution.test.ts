import { describe, expect, it } from 'vitest';
import {
  attributeIntroduction,
  customerDomainOf,
  type AttributionStamp,
  type Registration,
} from './attribution.ts';

const first: AttributionStamp = {
  customerDomain: 'contoso.co.uk',
  partnerOrgId: 'receiver',
  introducedByOrgId: 'alpha',
  referralId: 'ref-1',
  at: '2026-11-02T09:00:00.000Z',
};
const reg = (over: Partial<Registration>): Registration => ({
  customer: 'https://www.contoso.co.uk',
  partnerOrgId: 'receiver',
  introducedByOrgId: 'beta',
  referralId: 'ref-9',
  at: new Date('2026-12-01T09:00:00Z'),
  ...over,
});

describe('attributeIntroduction', () => {
  it('stamps the first introduction of a customer domain to a partner', () => {
    const r = attributeIntroduction([], reg({ introducedByOrgId: 'alpha' }));
    expect(r).toEqual({
      kind: 'stamped',
      stamp: { ...first, referralId: 'ref-9', at: '2026-12-01T09:00:00.000Z' },
    });
  });

  it('flags a second partner introducing the same customer domain, naming the earlier stamp', () => {
    const r = attributeIntroduction([first], reg({ customer: 'buyer@sales.contoso.co.uk' }));
    expect(r.kind).toBe('conflict');
    if (r.kind !== 'conflict') return;
    expect(r.conflict.earlier).toEqual(first);
    expect(r.conflict.claimant).toMatchObject({
      introducedByOrgId: 'beta',
      referralId: 'ref-9',
      customerDomain: 'contoso.co.uk',
    });
  });

  it('names the earliest stamp when there are several', () => {
    const later = { ...first, introducedByOrgId: 'gamma', at: '2026-11-20T00:00:00.000Z' };
    const r = attributeIntroduction([later, first], reg({}));
    expect(r.kind === 'conflict' && r.conflict.earlier.introducedByOrgId).toBe('alpha');
  });

  it('is no conflict for the same introducer again, or for another partner receiving the customer', () => {
    expect(attributeIntroduction([first], reg({ introducedByOrgId: 'alpha' }))).toEqual({
      kind: 'repeat',
      earlier: first,
    });
    expect(attributeIntroduction([first], reg({ partnerOrgId: 'someone-else' })).kind).toBe(
      'stamped',
    );
    expect(attributeIntroduction([first], reg({ customer: 'fabrikam.com' })).kind).toBe('stamped');
  });

  it('refuses a customer without a registrable domain', () => {
    const r = attributeIntroduction([first], reg({ customer: 'localhost' }));
    expect(r).toMatchObject({ kind: 'invalid', issue: { path: 'customerDomain' } });
  });
});

describe('customerDomainOf', () => {
  it.each([
    ['Contoso.COM', 'contoso.com'],
    ['https://sales.contoso.co.uk/deal', 'contoso.co.uk'],
    ['Buyer@Contoso.com', 'contoso.com'],
    ['not a domain', null],
  ])('%s -> %s', (input, domain) => {
    expect(customerDomainOf(input)).toBe(domain);
  });
});
