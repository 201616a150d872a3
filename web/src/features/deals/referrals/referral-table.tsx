// Referrals as rows: partner, direction, status as this side sees it, value, expiry.
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Table } from '../../../ui/table.tsx';
import type { Referral } from '../deals-api.ts';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { needsAction, STATUS_TONE } from './referral-moves.ts';

export function ReferralTable({
  referrals,
  caption,
}: {
  referrals: readonly Referral[];
  caption: string;
}) {
  const names = useOrgNames(referrals.map((r) => (r.side === 'sender' ? r.toOrgId : r.fromOrgId)));
  return (
    <Table
      caption={caption}
      rows={referrals}
      rowKey={(r) => r.id}
      columns={[
        {
          header: 'Referral',
          cell: (r) => (
            <Link to={`/referrals/${encodeURIComponent(r.id)}`}>
              {r.side === 'sender'
                ? `To ${nameOf(names, r.toOrgId)}`
                : `From ${nameOf(names, r.fromOrgId)}`}
            </Link>
          ),
        },
        { header: 'Customer', cell: (r) => r.customerDomain },
        {
          header: 'Status',
          cell: (r) => (
            <span className="row" style={{ gap: 4 }}>
              <Badge tone={STATUS_TONE[r.substatus]}>
                {r.status} · {r.substatus}
              </Badge>
              {needsAction(r) && <Badge tone="warn">Needs your answer</Badge>}
              {r.attribution.kind === 'conflict' && (
                <Badge tone="danger">Attribution conflict</Badge>
              )}
            </span>
          ),
        },
        {
          header: 'Value',
          numeric: true,
          cell: (r) => (r.value === null ? '—' : formatMoney(r.value.amount, r.value.currency)),
        },
        {
          header: 'Expires / closed',
          cell: (r) =>
            r.status === 'New'
              ? `Expires ${formatDateTime(r.expiresAt)}`
              : r.closedAt !== null
                ? `Closed ${formatDate(r.closedAt)}`
                : `Accepted ${formatDate(r.acceptedAt ?? r.createdAt)}`,
        },
      ]}
    />
  );
}
