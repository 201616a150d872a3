// The inbox: referrals received and sent, what needs action first, with counts.
import { useCallback, useState } from 'react';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import type { InboxDto } from '@contract/inbox.contract.ts';
import { Link, navigate, useLocation } from '../../../lib/router.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { STATUS_TONE } from '../referrals/referral-moves.ts';
import { LoadView } from '../shared/load-view.tsx';
import { useLoad } from '../shared/use-load.ts';
import { getInbox } from '../deals-api.ts';

type Item = InboxDto['items'][number];
type Filter = 'all' | 'incoming' | 'outgoing';

const PAGE = 50;

export function InboxPage() {
  usePageTitle('Inbox');
  const { search } = useLocation();
  const raw = new URLSearchParams(search).get('direction');
  const filter: Filter = raw === 'incoming' || raw === 'outgoing' ? raw : 'all';
  const fetcher = useCallback(
    () => getInbox({ limit: PAGE, ...(filter === 'all' ? {} : { direction: filter }) }),
    [filter],
  );
  const [load, reload, set] = useLoad(fetcher);
  return (
    <div className="stack">
      <PageHead
        title="Inbox"
        subtitle="Referrals received and sent; what needs your answer comes first"
      />
      <LoadView
        load={load}
        what="inbox"
        back={{ to: '/directory', label: 'Directory' }}
        onRetry={reload}
      >
        {(inbox) => <InboxView inbox={inbox} filter={filter} onMore={set} />}
      </LoadView>
    </div>
  );
}

function Counts({ counts }: { counts: InboxDto['counts'] }) {
  return (
    <dl className="facts" aria-label="Inbox counts">
      <div>
        <dt>Need your answer</dt>
        <dd data-testid="count-needs-action">{counts.needsAction}</dd>
      </div>
      <div>
        <dt>Expiring within {counts.expiringWithinHours} h</dt>
        <dd>{counts.expiringSoon}</dd>
      </div>
      <div>
        <dt>Received (open / all)</dt>
        <dd>
          {counts.incoming.byStatus.New + counts.incoming.byStatus.Active} / {counts.incoming.total}
        </dd>
      </div>
      <div>
        <dt>Sent (open / all)</dt>
        <dd>
          {counts.outgoing.byStatus.New + counts.outgoing.byStatus.Active} / {counts.outgoing.total}
        </dd>
      </div>
    </dl>
  );
}

function InboxView({
  inbox,
  filter,
  onMore,
}: {
  inbox: InboxDto;
  filter: Filter;
  onMore: (next: InboxDto) => void;
}) {
  const items = inbox.items;
  const [busy, setBusy] = useState(false);
  const more = (cursor: string): void => {
    setBusy(true);
    getInbox({ limit: PAGE, cursor, ...(filter === 'all' ? {} : { direction: filter }) })
      .then((next) => onMore({ ...next, items: [...inbox.items, ...next.items] }))
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  const tabs: { code: Filter; label: string }[] = [
    { code: 'all', label: `All (${inbox.counts.incoming.total + inbox.counts.outgoing.total})` },
    { code: 'incoming', label: `Received (${inbox.counts.incoming.total})` },
    { code: 'outgoing', label: `Sent (${inbox.counts.outgoing.total})` },
  ];
  return (
    <>
      <Counts counts={inbox.counts} />
      <nav className="tabs" aria-label="Direction">
        {tabs.map((t) => (
          <Link
            key={t.code}
            to={t.code === 'all' ? '/inbox' : `/inbox?direction=${t.code}`}
            aria-current={filter === t.code ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(t.code === 'all' ? '/inbox' : `/inbox?direction=${t.code}`, {
                replace: true,
              });
            }}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title="Nothing here yet">
          Referrals you send from an opportunity, and those partners send you, appear here.
        </EmptyState>
      ) : (
        <Table
          caption="Referrals, what needs action first"
          rows={items}
          rowKey={(i) => i.referral.id}
          columns={[
            {
              header: 'Referral',
              cell: (i: Item) => (
                <Link to={`/referrals/${encodeURIComponent(i.referral.id)}`}>
                  {i.direction === 'incoming' ? `From ${i.partner.name}` : `To ${i.partner.name}`}
                </Link>
              ),
            },
            { header: 'Customer', cell: (i) => i.referral.customerDomain },
            {
              header: 'Status',
              cell: (i) => (
                <span className="row" style={{ gap: 4 }}>
                  <Badge tone={STATUS_TONE[i.referral.substatus]}>
                    {i.referral.status} · {i.referral.substatus}
                  </Badge>
                  {i.needsAction && <Badge tone="warn">Needs your answer</Badge>}
                  {i.expiringSoon && <Badge tone="danger">Expiring soon</Badge>}
                </span>
              ),
            },
            {
              header: 'Value',
              numeric: true,
              cell: (i) =>
                i.referral.value === null
                  ? '—'
                  : formatMoney(i.referral.value.amount, i.referral.value.currency),
            },
            {
              header: 'Expires',
              cell: (i) =>
                i.referral.status === 'New' ? formatDateTime(i.referral.expiresAt) : '—',
            },
          ]}
        />
      )}
      {inbox.nextCursor !== null && (
        <div>
          <Button busy={busy} onClick={() => more(inbox.nextCursor ?? '')}>
            Show more
          </Button>
        </div>
      )}
    </>
  );
}
