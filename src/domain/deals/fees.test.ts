import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { templateFor, type AgreementTerms, type FeeTerms } from './agreement.ts';
import type { AgreementVersion } from './agreement-versions.ts';
import { calculateFee, feeDue, type FeeEvent } from './fees.ts';
import { parseFxSnapshot } from './fx-snapshot.ts';
import { amount, basisPoints, type Amount } from './money.ts';

const fx = parseFxSnapshot({
  source: 'test',
  base: 'EUR',
  date: '2026-11-27',
  rates: { JPY: '150', BHD: '0.4' },
}).table!;

const terms = (fee: FeeTerms, currency = 'EUR'): AgreementTerms => ({
  ...templateFor('referral', '2026-12-01', currency),
  fee,
});
const pct = (bp: number): FeeTerms => ({ basis: 'percent-of-revenue', rate: basisPoints(bp) });
const share = (bp: number): FeeTerms => ({ basis: 'revenue-share', rate: basisPoints(bp) });
const feeOf = (t: AgreementTerms, realised: Amount) =>
  calculateFee(t, realised, fx)?.amount ?? null;

describe('calculateFee', () => {
  it('10 % of 12,345.67 EUR is 1,234.57 EUR', () => {
    expect(feeOf(terms(pct(1000)), amount(1_234_567, 'EUR'))).toEqual(amount(123_457, 'EUR'));
  });

  it('rounds an exact half cent to even', () => {
    // 10 % of 0.05 = 0.5 cent -> 0; of 0.15 = 1.5 -> 2; of 0.25 = 2.5 -> 2
    expect([5, 15, 25].map((c) => feeOf(terms(pct(1000)), amount(c, 'EUR'))?.amount)).toEqual([
      0, 2, 2,
    ]);
  });

  it('converts a foreign realised value to the agreement currency and rounds only once', () => {
    // 1,000,000 JPY = 6,666.666... EUR; 10 % = 666.666... EUR -> 666.67
    const c = calculateFee(terms(pct(1000)), amount(1_000_000, 'JPY'), fx);
    expect(c).toMatchObject({ amount: amount(66_667, 'EUR'), fxDate: '2026-11-27', rate: 1000 });
    // 2 JPY = 1.333 cents; 50 % = 0.667 cents -> 1. Converting first (1 cent) then taking 50 %
    // (0.5 -> 0) would lose the cent: the single rounding keeps it.
    expect(feeOf(terms(share(5000)), amount(2, 'JPY'))).toEqual(amount(1, 'EUR'));
  });

  it('works in three-decimal currencies', () => {
    // 1,000.00 EUR = 400.000 BHD; 10 % = 40.000 BHD
    expect(feeOf(terms(pct(1000), 'BHD'), amount(100_000, 'EUR'))).toEqual(amount(40_000, 'BHD'));
  });

  it('a fixed fee ignores the value; no basis means no fee', () => {
    const fixed: FeeTerms = { basis: 'fixed-fee', amount: amount(250_000, 'EUR') };
    expect(feeOf(terms(fixed), amount(1, 'JPY'))).toEqual(amount(250_000, 'EUR'));
    expect(calculateFee(terms({ basis: 'none' }), amount(1_000, 'EUR'), fx)).toBeNull();
  });

  it('needs an FX table only when the currencies differ', () => {
    expect(calculateFee(terms(pct(1000)), amount(1_000, 'EUR'), null)?.amount).toEqual(
      amount(100, 'EUR'),
    );
    expect(() => calculateFee(terms(pct(1000)), amount(1_000, 'JPY'), null)).toThrow(AppError);
  });
});

describe('feeDue', () => {
  const version = (t: AgreementTerms): AgreementVersion => ({
    n: 3,
    terms: t,
    status: 'accepted',
    proposedByOrgId: 'a',
    proposedAt: '2026-11-01T00:00:00.000Z',
    decidedByOrgId: 'b',
    decidedAt: '2026-11-02T00:00:00.000Z',
  });
  const won: FeeEvent = {
    kind: 'won',
    referralId: 'ref-1',
    senderOrgId: 'sender',
    receiverOrgId: 'receiver',
    at: new Date('2026-12-10T12:00:00Z'),
    realised: amount(5_000_000, 'EUR'),
    flags: ['won-within-registration-window'],
  };

  it('the receiver owes the sender the referral fee, as a due line carrying the flags', () => {
    const line = feeDue(won, version(terms(pct(1000))), [fx]);
    expect(line).toMatchObject({
      referralId: 'ref-1',
      agreementVersion: 3,
      payerOrgId: 'receiver',
      payeeOrgId: 'sender',
      amount: amount(500_000, 'EUR'),
      status: 'due',
      paymentDays: 30,
      dueSince: '2026-12-10T12:00:00.000Z',
      flags: ['won-within-registration-window'],
    });
  });

  it('follows feePayer when the sender pays', () => {
    const line = feeDue(won, version({ ...terms(pct(1000)), feePayer: 'sender' }), [fx]);
    expect([line?.payerOrgId, line?.payeeOrgId]).toEqual(['sender', 'receiver']);
  });

  it('later revenue reports earn a fee under a revenue share only', () => {
    const report: FeeEvent = { ...won, kind: 'revenue-report', realised: amount(200_000, 'EUR') };
    expect(feeDue(report, version(terms(share(500))), [fx])?.amount).toEqual(amount(10_000, 'EUR'));
    expect(feeDue(report, version(terms(pct(1000))), [fx])).toBeNull();
  });

  it('uses the FX table of the win date and fails clearly without one', () => {
    const yen: FeeEvent = { ...won, realised: amount(1_500_000, 'JPY') };
    expect(feeDue(yen, version(terms(pct(1000))), [fx])?.calculation.fxDate).toBe('2026-11-27');
    const before = { ...yen, at: new Date('2026-11-01T00:00:00Z') };
    expect(() => feeDue(before, version(terms(pct(1000))), [fx])).toThrow(/No FX rates/);
  });
});
