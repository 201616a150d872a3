import { describe, expect, it } from 'vitest';
import { addDisputeMessage, openDispute, proposeResolution } from './fee-dispute.ts';
import { invoice, ledgerTotals, markPaid, type FeeResult } from './fee-ledger.ts';
import type { FeeLine } from './fee-types.ts';
import { amount, basisPoints } from './money.ts';

const PAYER = 'receiver-org';
const PAYEE = 'sender-org';
const T = (day: number) => new Date(Date.UTC(2026, 11, day, 12));

const due: FeeLine = {
  referralId: 'ref-1',
  agreementVersion: 1,
  payerOrgId: PAYER,
  payeeOrgId: PAYEE,
  amount: amount(500_000, 'EUR'),
  paymentDays: 30,
  status: 'due',
  dueSince: T(1).toISOString(),
  invoicedAt: null,
  paymentDueAt: null,
  paidAt: null,
  flags: [],
  calculation: {
    basis: 'percent-of-revenue',
    rate: basisPoints(1000),
    realised: amount(5_000_000, 'EUR'),
    fxDate: null,
    amount: amount(500_000, 'EUR'),
  },
  dispute: null,
};

function ok(r: FeeResult): FeeLine {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.fee;
}
const codeOf = (r: FeeResult) => (r.ok ? 'ok' : r.error.code);

describe('due -> invoiced -> paid', () => {
  it('the payee invoices; payment falls due after the payment days', () => {
    const f = ok(invoice(due, PAYEE, T(2)));
    expect(f).toMatchObject({
      status: 'invoiced',
      invoicedAt: T(2).toISOString(),
      paymentDueAt: T(32).toISOString(),
    });
    expect(ok(markPaid(f, PAYEE, T(20)))).toMatchObject({
      status: 'paid',
      paidAt: T(20).toISOString(),
    });
  });

  it('the payer cannot invoice or confirm its own payment; strangers cannot act', () => {
    expect(codeOf(invoice(due, PAYER, T(2)))).toBe('forbidden');
    expect(codeOf(markPaid(ok(invoice(due, PAYEE, T(2))), PAYER, T(3)))).toBe('forbidden');
    expect(codeOf(invoice(due, 'someone-else', T(2)))).toBe('forbidden');
  });

  it('steps out of order are conflicts naming the allowed moves', () => {
    const r = markPaid(due, PAYEE, T(2));
    if (r.ok) throw new Error('expected a conflict');
    expect(r.error.code).toBe('conflict');
    expect(r.error.issues.map((i) => i.message)).toEqual([
      'due -> invoiced by payee',
      'due -> disputed by payer or payee',
    ]);
  });

  it('a paid fee is final and cannot be disputed', () => {
    const paid = ok(markPaid(ok(invoice(due, PAYEE, T(2))), PAYEE, T(3)));
    const r = openDispute(paid, PAYER, 'Wrong amount', T(4));
    expect(r.ok ? null : r.error.issues).toEqual([{ path: 'status', message: 'paid is final' }]);
  });
});

describe('disputes', () => {
  const disputed = () =>
    ok(openDispute(ok(invoice(due, PAYEE, T(2))), PAYER, 'Value was 40,000 not 50,000', T(3)));

  it('opening needs a reason and starts the thread with it', () => {
    expect(codeOf(openDispute(due, PAYER, '  ', T(3)))).toBe('validation');
    const f = disputed();
    expect(f.status).toBe('disputed');
    expect(f.dispute).toMatchObject({ openedByOrgId: PAYER, resumeStatus: 'invoiced' });
    const g = ok(addDisputeMessage(f, PAYEE, 'Invoice attached', T(4)));
    expect(g.dispute?.messages.map((m) => m.orgId)).toEqual([PAYER, PAYEE]);
  });

  it('stays open until both sides propose the same resolution', () => {
    let f = ok(proposeResolution(disputed(), PAYER, { outcome: 'adjust', amount: 400_000 }, T(4)));
    f = ok(proposeResolution(f, PAYEE, { outcome: 'uphold' }, T(5)));
    expect(f.status).toBe('disputed');
    f = ok(proposeResolution(f, PAYEE, { outcome: 'adjust', amount: 400_000 }, T(6)));
    expect(f).toMatchObject({ status: 'invoiced', amount: amount(400_000, 'EUR') });
    expect(f.dispute).toMatchObject({
      resolvedAt: T(6).toISOString(),
      resolution: { outcome: 'adjust', amount: 400_000 },
    });
    expect(codeOf(addDisputeMessage(f, PAYER, 'thanks', T(7)))).toBe('conflict');
  });

  it('both agreeing to waive ends the fee', () => {
    let f = ok(proposeResolution(disputed(), PAYEE, { outcome: 'waive' }, T(4)));
    f = ok(proposeResolution(f, PAYER, { outcome: 'waive' }, T(5)));
    expect(f.status).toBe('waived');
    expect(codeOf(invoice(f, PAYEE, T(6)))).toBe('conflict');
  });

  it('refuses bad adjustments and outsiders', () => {
    expect(
      codeOf(proposeResolution(disputed(), PAYER, { outcome: 'adjust', amount: 1.5 }, T(4))),
    ).toBe('validation');
    expect(codeOf(proposeResolution(disputed(), 'other', { outcome: 'waive' }, T(4)))).toBe(
      'forbidden',
    );
  });
});

describe('ledgerTotals', () => {
  it('shows the same fee as receivable to the payee and payable to the payer', () => {
    const fees = [
      due,
      ok(invoice({ ...due, referralId: 'ref-2' }, PAYEE, T(2))),
      { ...due, amount: amount(100, 'USD') },
    ];
    expect(ledgerTotals(fees, PAYEE)).toEqual([
      { currency: 'EUR', status: 'due', direction: 'receivable', amount: 500_000, count: 1 },
      { currency: 'EUR', status: 'invoiced', direction: 'receivable', amount: 500_000, count: 1 },
      { currency: 'USD', status: 'due', direction: 'receivable', amount: 100, count: 1 },
    ]);
    expect(ledgerTotals(fees, PAYER).map((t) => t.direction)).toEqual([
      'payable',
      'payable',
      'payable',
    ]);
    expect(ledgerTotals(fees, 'outsider')).toEqual([]);
  });
});
