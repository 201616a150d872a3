// Ledger totals in the reporting currency: to receive and to pay, per status.
import { formatMoney } from '../../../lib/format.ts';
import type { FeeLedger } from './fees-api.ts';

export function FeeTotals({ ledger }: { ledger: FeeLedger }) {
  const { currency, fxDate, totals } = ledger.reporting;
  const sum = (direction: 'receivable' | 'payable', open: boolean) =>
    totals
      .filter((t) => t.direction === direction)
      .filter((t) => (open ? t.status !== 'paid' && t.status !== 'waived' : t.status === 'paid'))
      .reduce((n, t) => n + t.amount, 0);
  return (
    <>
      <dl className="facts" aria-label="Fee totals">
        <div>
          <dt>To receive (open)</dt>
          <dd>{formatMoney(sum('receivable', true), currency)}</dd>
        </div>
        <div>
          <dt>To pay (open)</dt>
          <dd>{formatMoney(sum('payable', true), currency)}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatMoney(sum('receivable', false), currency)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatMoney(sum('payable', false), currency)}</dd>
        </div>
      </dl>
      <p className="small muted">
        Totals in {currency} at the reference rates of {fxDate}; each fee stays in its own currency.
      </p>
    </>
  );
}
