// Partners: requests received (accept / decline), active partners (agreements, end), requests sent
// and past partnerships. Acting on a row reloads the list.
import { useCallback, useMemo, useState } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { actOnPartnership, listPartnerships, type Partnership } from '../deals-api.ts';
import { PartnerTabs } from '../shared/partner-tabs.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { PartnerRequestForm } from './partner-request-form.tsx';
import { partnerOf, viewOf } from './partnership-status.ts';

type Action = 'accept' | 'decline' | 'end';
const DONE: Record<Action, string> = {
  accept: 'Partnership accepted.',
  decline: 'Request declined.',
  end: 'Partnership ended.',
};

export function PartnershipsPage() {
  usePageTitle('Partners');
  const me = useMe();
  const [load, reload] = useLoad(listPartnerships);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const act = useCallback(
    (p: Partnership, action: Action) => {
      if (
        action === 'end' &&
        !window.confirm('End this partnership? Open referrals stay readable.')
      )
        return;
      setBusy(p.id);
      actOnPartnership(p.id, action)
        .then(
          () => setOutcome({ ok: true, text: DONE[action] }),
          (err: unknown) => setOutcome({ ok: false, text: messageOf(err) }),
        )
        .finally(() => {
          setBusy(null);
          reload();
        });
    },
    [reload],
  );
  return (
    <div className="stack">
      <PageHead title="Partners" subtitle="Organizations you work with, and requests to partner" />
      <PartnerTabs />
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}
      <LoadView
        load={load}
        what="partnerships"
        back={{ to: '/directory', label: 'Directory' }}
        onRetry={reload}
      >
        {(list) => (
          <PartnershipLists
            list={list}
            myOrgId={me.organization.id}
            admin={canAdmin(me)}
            busy={busy}
            act={act}
            reload={reload}
          />
        )}
      </LoadView>
    </div>
  );
}

function PartnershipLists({
  list,
  myOrgId,
  admin,
  busy,
  act,
  reload,
}: {
  list: readonly Partnership[];
  myOrgId: string;
  admin: boolean;
  busy: string | null;
  act: (p: Partnership, a: Action) => void;
  reload: () => void;
}) {
  const names = useOrgNames(list.map((p) => partnerOf(p, myOrgId)));
  const of = (v: ReturnType<typeof viewOf>) => list.filter((p) => viewOf(p, myOrgId) === v);
  const engaged = useMemo(
    () =>
      new Set([
        myOrgId,
        ...list
          .filter((p) => p.status === 'requested' || p.status === 'active')
          .map((p) => partnerOf(p, myOrgId)),
      ]),
    [list, myOrgId],
  );
  const partner = (p: Partnership) => {
    const id = partnerOf(p, myOrgId);
    return <Link to={`/orgs/${encodeURIComponent(id)}`}>{nameOf(names, id)}</Link>;
  };
  const since = (p: Partnership) => formatDate(p.decidedAt ?? p.createdAt);
  const incoming = of('incoming');
  const active = of('active');
  const outgoing = of('outgoing');
  const closed = of('closed');
  return (
    <>
      {admin ? (
        <PartnerRequestForm exclude={engaged} onSent={reload} />
      ) : (
        <Banner tone="info">Only owners and admins request, accept or end partnerships.</Banner>
      )}
      <section className="stack" aria-labelledby="incoming-requests" style={{ gap: 8 }}>
        <h2 id="incoming-requests">
          Requests to you{' '}
          <Badge tone={incoming.length > 0 ? 'warn' : 'neutral'}>{incoming.length}</Badge>
        </h2>
        {incoming.length === 0 ? (
          <p className="muted small">No open requests.</p>
        ) : (
          <Table
            caption="Requests to you"
            rows={incoming}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Organization', cell: partner },
              { header: 'Asked on', cell: (p) => formatDate(p.createdAt) },
              {
                header: 'Answer',
                cell: (p) => (
                  <div className="row">
                    <Button
                      small
                      variant="primary"
                      disabled={!admin}
                      busy={busy === p.id}
                      onClick={() => act(p, 'accept')}
                    >
                      Accept
                    </Button>
                    <Button
                      small
                      variant="danger"
                      disabled={!admin || busy === p.id}
                      onClick={() => act(p, 'decline')}
                    >
                      Decline
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </section>
      <section className="stack" aria-labelledby="active-partners" style={{ gap: 8 }}>
        <h2 id="active-partners">Active partners</h2>
        {active.length === 0 ? (
          <p className="muted small">
            No active partners yet. Find one in the directory and send a request.
          </p>
        ) : (
          <Table
            caption="Active partners"
            rows={active}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Partner', cell: partner },
              { header: 'Since', cell: since },
              {
                header: 'Agreements',
                cell: (p) => (
                  <Link to={`/partners/${encodeURIComponent(p.id)}`}>
                    Agreements with {nameOf(names, partnerOf(p, myOrgId))}
                  </Link>
                ),
              },
              {
                header: 'End',
                cell: (p) => (
                  <Button
                    small
                    variant="danger"
                    disabled={!admin}
                    busy={busy === p.id}
                    onClick={() => act(p, 'end')}
                  >
                    End partnership
                  </Button>
                ),
              },
            ]}
          />
        )}
      </section>
      {outgoing.length > 0 && (
        <section className="stack" aria-labelledby="sent-requests" style={{ gap: 8 }}>
          <h2 id="sent-requests">Requests you sent</h2>
          <Table
            caption="Requests you sent, waiting for an answer"
            rows={outgoing}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Organization', cell: partner },
              { header: 'Sent on', cell: (p) => formatDate(p.createdAt) },
              {
                header: 'Status',
                cell: () => <Badge tone="primary">Waiting for their answer</Badge>,
              },
            ]}
          />
        </section>
      )}
      {closed.length > 0 && (
        <section className="stack" aria-labelledby="past-partnerships" style={{ gap: 8 }}>
          <h2 id="past-partnerships">Past</h2>
          <Table
            caption="Declined requests and ended partnerships"
            rows={closed}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Organization', cell: partner },
              { header: 'Status', cell: (p) => <Badge>{p.status}</Badge> },
              { header: 'On', cell: (p) => formatDate(p.endedAt ?? p.decidedAt ?? p.createdAt) },
            ]}
          />
        </section>
      )}
    </>
  );
}
