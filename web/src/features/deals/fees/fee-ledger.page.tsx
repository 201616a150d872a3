// The fee ledger: fees due to you and by you (per partnership when the address names one), with
// totals per status, invoice / payment records (the payee's), and disputes with their thread.
import { useCallback, useState } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { formatDate, formatMoney } from '../../../lib/format.ts';
import { Link, useLocation } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner, EmptyState } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { formatRate } from '../agreements/terms-labels.ts';
import { PartnerTabs } from '../shared/partner-tabs.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { DisputePanel } from './dispute-panel.tsx';
import { actOnFee, listFees, type Fee, type FeeLedger } from './fees-api.ts';
import { FeeTotals } from './fee-totals.tsx';

export const FEE_TONE = {
  due: 'warn',
  invoiced: 'primary',
  paid: 'ok',
  disputed: 'danger',
  waived: 'neutral',
} as const;

export function FeeLedgerPage() {
  usePageTitle('Fee ledger');
  const { search } = useLocation();
  const partnershipId = new URLSearchParams(search).get('partnershipId') ?? undefined;
  const fetcher = useCallback(
    () => listFees(partnershipId === undefined ? {} : { partnershipId }),
    [partnershipId],
  );
  const [load, reload] = useLoad(fetcher);
  return (
    <div className="stack">
      <PageHead
        title="Fee ledger"
        subtitle={
          partnershipId === undefined ? (
            'Fees from won referrals, with every partner'
          ) : (
            <>
              One partnership · <Link to="/fees">all partners</Link>
            </>
          )
        }
      />
      <PartnerTabs />
      <LoadView
        load={load}
        what="fee ledger"
        back={{ to: '/partners', label: 'Partners' }}
        onRetry={reload}
      >
        {(ledger) => <Ledger ledger={ledger} reload={reload} />}
      </LoadView>
    </div>
  );
}

const calculation = (f: Fee): string => {
  const c = f.calculation;
  const realised = formatMoney(c.realised.amount, c.realised.currency);
  if (c.rate !== null) return `${formatRate(c.rate)} of ${realised}`;
  return `Fixed fee (won ${realised})`;
};

function Ledger({ ledger, reload }: { ledger: FeeLedger; reload: () => void }) {
  const me = useMe();
  const names = useOrgNames(ledger.fees.flatMap((f) => [f.payerOrgId, f.payeeOrgId]));
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const act = (f: Fee, action: 'invoice' | 'pay'): void => {
    setBusy(f.id);
    actOnFee(f.id, action)
      .then(
        () => {
          setOutcome({
            ok: true,
            text: action === 'invoice' ? 'Invoice recorded.' : 'Payment recorded.',
          });
          reload();
        },
        (err: unknown) => setOutcome({ ok: false, text: messageOf(err) }),
      )
      .finally(() => setBusy(null));
  };
  if (ledger.fees.length === 0)
    return (
      <EmptyState title="No fees yet">
        A fee appears in both partners’ ledgers when a referral under an agreement with a fee is
        won.
      </EmptyState>
    );
  const selected = ledger.fees.find((f) => f.id === open);
  const admin = canAdmin(me);
  return (
    <>
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}
      <FeeTotals ledger={ledger} />
      <Table
        caption="Fees"
        rows={ledger.fees}
        rowKey={(f) => f.id}
        columns={[
          {
            header: 'Referral',
            cell: (f) => (
              <Link to={`/referrals/${encodeURIComponent(f.referralId)}`}>
                {f.role === 'payee'
                  ? `${nameOf(names, f.payerOrgId)} pays you`
                  : `You pay ${nameOf(names, f.payeeOrgId)}`}
              </Link>
            ),
          },
          {
            header: 'Amount',
            numeric: true,
            cell: (f) => formatMoney(f.amount.amount, f.amount.currency),
          },
          { header: 'Calculation', cell: calculation },
          { header: 'Status', cell: (f) => <Badge tone={FEE_TONE[f.status]}>{f.status}</Badge> },
          {
            header: 'Due',
            cell: (f) =>
              f.paidAt !== null
                ? `Paid ${formatDate(f.paidAt)}`
                : f.paymentDueAt !== null
                  ? `Pay by ${formatDate(f.paymentDueAt)}`
                  : `Due since ${formatDate(f.dueSince)} (${f.paymentDays} days after invoice)`,
          },
          {
            header: 'Actions',
            cell: (f) => (
              <div className="row" style={{ gap: 6 }}>
                {f.role === 'payee' && f.status === 'due' && (
                  <Button
                    small
                    disabled={!admin}
                    busy={busy === f.id}
                    onClick={() => act(f, 'invoice')}
                  >
                    Record invoice
                  </Button>
                )}
                {f.role === 'payee' && f.status === 'invoiced' && (
                  <Button
                    small
                    disabled={!admin}
                    busy={busy === f.id}
                    onClick={() => act(f, 'pay')}
                  >
                    Record payment
                  </Button>
                )}
                <Button small variant="ghost" onClick={() => setOpen(open === f.id ? null : f.id)}>
                  {f.dispute !== null ? 'Dispute' : 'Details'}
                </Button>
              </div>
            ),
          },
        ]}
      />
      {selected !== undefined && (
        <DisputePanel key={selected.id} fee={selected} names={names} onChanged={reload} />
      )}
    </>
  );
}
