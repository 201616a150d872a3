// One circle: members, pending invitations, inviting (its owner), and the shared pipeline.
import { useCallback, useState } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { formatDate, formatMoney } from '../../../lib/format.ts';
import { Link, navigate } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { customerOf, titleOf } from '../opportunities/opportunities.page.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { OrgPicker } from '../shared/org-picker.tsx';
import { useLoad } from '../shared/use-load.ts';
import {
  answerInvitation,
  circlePipeline,
  getCircle,
  inviteToCircle,
  leaveCircle,
  type Circle,
  type CirclePipeline,
} from './circles-api.ts';

export function CirclePage({ id }: { id: string }) {
  const fetcher = useCallback(async () => {
    const [circle, pipeline] = await Promise.all([getCircle(id), circlePipeline(id)]);
    return { circle, pipeline };
  }, [id]);
  const [load, reload] = useLoad(fetcher);
  usePageTitle(load.status === 'ready' ? load.data.circle.name : 'Circle');
  return (
    <LoadView
      load={load}
      what="circle"
      back={{ to: '/circles', label: 'Back to circles' }}
      onRetry={reload}
    >
      {(d) => <CircleView circle={d.circle} pipeline={d.pipeline} reload={reload} />}
    </LoadView>
  );
}

function CircleView({
  circle,
  pipeline,
  reload,
}: {
  circle: Circle;
  pipeline: CirclePipeline;
  reload: () => void;
}) {
  const me = useMe();
  const owner = circle.role === 'owner' && canAdmin(me);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string) => () => {
    setOutcome({ ok: true, text });
    reload();
  };
  const failed = (err: unknown): void => setOutcome({ ok: false, text: messageOf(err) });
  const involved = new Set([
    ...circle.members.map((m) => m.orgId),
    ...circle.pendingInvitations.map((i) => i.orgId),
  ]);
  return (
    <div className="stack">
      <p className="small">
        <Link to="/circles">← Circles</Link>
      </p>
      <PageHead
        title={circle.name}
        subtitle={circle.description === '' ? `You are its ${circle.role}` : circle.description}
        actions={
          circle.role === 'member' && canAdmin(me) ? (
            <Button
              variant="danger"
              onClick={() => {
                if (window.confirm(`Leave ${circle.name}?`))
                  void leaveCircle(circle.id).then(() => navigate('/circles'), failed);
              }}
            >
              Leave circle
            </Button>
          ) : undefined
        }
      />
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}
      <section className="stack" aria-labelledby="pipeline" style={{ gap: 8 }}>
        <h2 id="pipeline">Shared pipeline</h2>
        <PipelineView pipeline={pipeline} />
      </section>
      <Table
        caption="Members"
        rows={circle.members}
        rowKey={(m) => m.orgId}
        columns={[
          {
            header: 'Organization',
            cell: (m) => <Link to={`/orgs/${encodeURIComponent(m.orgId)}`}>{m.orgName}</Link>,
          },
          {
            header: 'Role',
            cell: (m) => <Badge tone={m.role === 'owner' ? 'primary' : 'neutral'}>{m.role}</Badge>,
          },
          { header: 'Joined', cell: (m) => formatDate(m.joinedAt) },
        ]}
      />
      {circle.pendingInvitations.length > 0 && (
        <Table
          caption="Invitations waiting for an answer"
          rows={circle.pendingInvitations}
          rowKey={(i) => i.id}
          columns={[
            { header: 'Organization', cell: (i) => i.orgName },
            { header: 'Invited', cell: (i) => formatDate(i.createdAt) },
            {
              header: 'Revoke',
              cell: (i) =>
                owner ? (
                  <Button
                    small
                    variant="danger"
                    onClick={() =>
                      void answerInvitation(circle.id, i.id, 'revoke').then(
                        done('Invitation revoked.'),
                        failed,
                      )
                    }
                  >
                    Revoke
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {owner && (
        <section className="card stack" aria-labelledby="invite">
          <h2 id="invite">Invite an organization</h2>
          <OrgPicker
            id="circle-invite"
            label="Find an organization to invite"
            exclude={involved}
            onPick={(o) =>
              void inviteToCircle(circle.id, o.id).then(done(`${o.name} is invited.`), failed)
            }
          />
        </section>
      )}
    </div>
  );
}

function PipelineView({ pipeline }: { pipeline: CirclePipeline }) {
  if (pipeline.opportunities.length === 0)
    return <p className="muted small">No opportunity is shared with this circle yet.</p>;
  return (
    <>
      <p className="small">
        {pipeline.totals
          .map((t) => `${formatMoney(t.amount, t.currency)} in ${t.count}`)
          .join(' · ')}
      </p>
      <Table
        caption="Opportunities shared with the circle"
        rows={pipeline.opportunities}
        rowKey={(p) => p.opportunity.id}
        columns={[
          {
            header: 'Need',
            cell: (p) => (
              <Link to={`/opportunities/${encodeURIComponent(p.opportunity.id)}`}>
                {titleOf(p.opportunity) || 'Opportunity'}
              </Link>
            ),
          },
          { header: 'Customer', cell: (p) => customerOf(p.opportunity) },
          {
            header: 'Value',
            numeric: true,
            cell: (p) => formatMoney(p.opportunity.value.amount, p.opportunity.value.currency),
          },
          { header: 'Close', cell: (p) => formatDate(p.opportunity.expectedCloseDate) },
          {
            header: 'Referrals',
            cell: (p) =>
              p.referrals.total === 0
                ? 'None yet'
                : `${p.referrals.total} (${p.referrals.New} new, ${p.referrals.Active} active, ${p.referrals.Won} won)`,
          },
        ]}
      />
    </>
  );
}
