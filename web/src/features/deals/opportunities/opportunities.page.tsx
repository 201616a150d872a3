// Opportunities: your own and those shared with you, newest first.
import { formatDate, formatMoney } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { listOpportunities, type Opportunity } from '../deals-api.ts';
import { LoadView } from '../shared/load-view.tsx';
import { useLoad } from '../shared/use-load.ts';

export const customerOf = (o: Opportunity): string =>
  o.customerName === null ? 'Hidden customer' : `${o.customerName} (${o.customerDomain ?? '—'})`;

export const titleOf = (o: Opportunity): string =>
  o.description.trim() !== ''
    ? o.description.split('\n')[0]!.slice(0, 80)
    : o.cells.map((c) => `${c.code} in ${c.country}`).join(', ');

export function OpportunitiesPage() {
  usePageTitle('Opportunities');
  const me = useMe();
  const [load, reload] = useLoad(listOpportunities);
  return (
    <div className="stack">
      <PageHead
        title="Opportunities"
        subtitle="Customer needs you own or partners shared with you"
        actions={
          canAdmin(me) ? (
            <Link to="/opportunities/new" className="btn btn--primary">
              New opportunity
            </Link>
          ) : undefined
        }
      />
      <LoadView
        load={load}
        what="opportunities"
        back={{ to: '/directory', label: 'Directory' }}
        onRetry={reload}
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No opportunities yet">
              Record a customer need, then refer it to a partner.
            </EmptyState>
          ) : (
            <Table
              caption="Opportunities"
              rows={list}
              rowKey={(o) => o.id}
              columns={[
                {
                  header: 'Need',
                  cell: (o) => (
                    <Link to={`/opportunities/${encodeURIComponent(o.id)}`}>
                      {titleOf(o) || 'Opportunity'}
                    </Link>
                  ),
                },
                { header: 'Customer', cell: customerOf },
                {
                  header: 'Value',
                  numeric: true,
                  cell: (o) => formatMoney(o.value.amount, o.value.currency),
                },
                { header: 'Close', cell: (o) => formatDate(o.expectedCloseDate) },
                {
                  header: 'Owner',
                  cell: (o) =>
                    o.ownerOrgId === me.organization.id ? (
                      <Badge tone="primary">Yours</Badge>
                    ) : (
                      <Badge>Shared with you</Badge>
                    ),
                },
                { header: 'Visibility', cell: (o) => o.visibility },
              ]}
            />
          )
        }
      </LoadView>
    </div>
  );
}
