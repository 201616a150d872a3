import { describe, expect, it } from 'vitest';
import { ARRANGEMENT_TYPES, templateFor, type TermsInput } from './agreement.ts';
import { diffTerms } from './diff-terms.ts';
import { validateTerms } from './validate-terms.ts';

describe('templates', () => {
  it.each(ARRANGEMENT_TYPES)('the %s template passes its own validation', (type) => {
    expect(validateTerms(type, templateFor(type, '2026-12-01', 'EUR'))).toEqual([]);
  });

  it('a referral agreement defaults to a 10 % fee on realised revenue, paid by the receiver', () => {
    expect(templateFor('referral', '2026-12-01', 'EUR')).toMatchObject({
      fee: { basis: 'percent-of-revenue', rate: 1000 },
      feePayer: 'receiver',
      currency: 'EUR',
      effectiveFrom: '2026-12-01',
    });
  });

  it('white label keeps the delivering partner invisible; subcontracts carry no fee', () => {
    expect(templateFor('white-label', '2026-12-01', 'EUR').confidentiality).toBe('white-label');
    expect(templateFor('subcontract', '2026-12-01', 'EUR').fee).toEqual({ basis: 'none' });
  });
});

describe('validateTerms', () => {
  const ok: TermsInput = templateFor('referral', '2026-12-01', 'EUR');
  const paths = (t: TermsInput, type = 'referral' as const) =>
    validateTerms(type, t).map((i) => i.path);

  it('names each bad field by its path', () => {
    const bad: TermsInput = {
      ...ok,
      fee: { basis: 'percent-of-revenue', rate: 10.5 },
      currency: 'EURO',
      paymentDays: -1,
      effectiveFrom: '2026-02-30',
      durationMonths: 0,
      nonCircumventionMonths: 61,
    };
    expect(paths(bad)).toEqual([
      'fee.rate',
      'currency',
      'paymentDays',
      'effectiveFrom',
      'durationMonths',
      'nonCircumventionMonths',
    ]);
  });

  it('a rate is 1..10000 basis points; zero means choosing the "none" basis', () => {
    expect(paths({ ...ok, fee: { basis: 'revenue-share', rate: 0 } })).toEqual(['fee.rate']);
    expect(paths({ ...ok, fee: { basis: 'revenue-share', rate: 10_001 } })).toEqual(['fee.rate']);
    expect(paths({ ...ok, fee: { basis: 'revenue-share', rate: 10_000 } })).toEqual([]);
  });

  it('a fixed fee is positive money in the agreement currency', () => {
    expect(
      paths({ ...ok, fee: { basis: 'fixed-fee', amount: { amount: 50_000, currency: 'EUR' } } }),
    ).toEqual([]);
    expect(
      paths({ ...ok, fee: { basis: 'fixed-fee', amount: { amount: 0, currency: 'USD' } } }),
    ).toEqual(['fee.amount.amount', 'fee.amount.currency']);
  });

  it('white-label confidentiality goes with white-label agreements only', () => {
    expect(paths({ ...ok, confidentiality: 'white-label' })).toEqual(['confidentiality']);
    const wl = templateFor('white-label', '2026-12-01', 'EUR');
    expect(
      validateTerms('white-label', { ...wl, confidentiality: 'mutual-nda' }).map((i) => i.path),
    ).toEqual(['confidentiality']);
  });

  it('an open-ended duration is allowed', () => {
    expect(paths({ ...ok, durationMonths: null })).toEqual([]);
  });
});

describe('diffTerms', () => {
  const v1: TermsInput = templateFor('referral', '2026-12-01', 'EUR');

  it('is empty for equal terms', () => {
    expect(diffTerms(v1, { ...v1 })).toEqual([]);
  });

  it('lists changed fields with before and after', () => {
    const v2: TermsInput = {
      ...v1,
      fee: { basis: 'percent-of-revenue', rate: 1250 },
      paymentDays: 45,
    };
    expect(diffTerms(v1, v2)).toEqual([
      { path: 'fee.rate', kind: 'changed', before: 1000, after: 1250 },
      { path: 'paymentDays', kind: 'changed', before: 30, after: 45 },
    ]);
  });

  it('shows a switch of fee basis as removed and added fields', () => {
    const v2: TermsInput = {
      ...v1,
      fee: { basis: 'fixed-fee', amount: { amount: 250_000, currency: 'EUR' } },
    };
    expect(diffTerms(v1, v2)).toEqual([
      { path: 'fee.basis', kind: 'changed', before: 'percent-of-revenue', after: 'fixed-fee' },
      { path: 'fee.rate', kind: 'removed', before: 1000 },
      { path: 'fee.amount.amount', kind: 'added', after: 250_000 },
      { path: 'fee.amount.currency', kind: 'added', after: 'EUR' },
    ]);
  });

  it('treats null (open-ended) as a value', () => {
    expect(diffTerms(v1, { ...v1, durationMonths: null })).toEqual([
      { path: 'durationMonths', kind: 'changed', before: 12, after: null },
    ]);
  });
});
