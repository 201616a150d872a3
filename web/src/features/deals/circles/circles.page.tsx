// Circles of trust: the ones you belong to, invitations waiting for your answer, and a new circle.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { errorFor } from '../../../lib/field-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { Link, navigate } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import { PartnerTabs } from '../shared/partner-tabs.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { answerInvitation, createCircle, listCircles, type CircleList } from './circles-api.ts';

export function CirclesPage() {
  usePageTitle('Circles');
  const [load, reload] = useLoad(listCircles);
  return (
    <div className="stack">
      <PageHead title="Circles" subtitle="Groups of organizations that share a pipeline" />
      <PartnerTabs />
      <LoadView
        load={load}
        what="circles"
        back={{ to: '/partners', label: 'Partners' }}
        onRetry={reload}
      >
        {(list) => <CircleLists list={list} reload={reload} />}
      </LoadView>
    </div>
  );
}

function CircleLists({ list, reload }: { list: CircleList; reload: () => void }) {
  const me = useMe();
  const names = useOrgNames(list.invitations.map((i) => i.invitedByOrgId));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const answer = (circleId: string, id: string, action: 'accept' | 'decline'): void => {
    answerInvitation(circleId, id, action).then(
      (inv) => {
        setOutcome({ ok: true, text: `Invitation to ${inv.circleName} ${action}ed.` });
        reload();
      },
      (err: unknown) => setOutcome({ ok: false, text: messageOf(err) }),
    );
  };
  return (
    <>
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}
      {list.invitations.length > 0 && (
        <Table
          caption="Invitations to your organization"
          rows={list.invitations}
          rowKey={(i) => i.id}
          columns={[
            { header: 'Circle', cell: (i) => i.circleName },
            { header: 'Invited by', cell: (i) => nameOf(names, i.invitedByOrgId) },
            { header: 'On', cell: (i) => formatDate(i.createdAt) },
            {
              header: 'Answer',
              cell: (i) => (
                <div className="row">
                  <Button
                    small
                    variant="primary"
                    disabled={!canAdmin(me)}
                    onClick={() => answer(i.circleId, i.id, 'accept')}
                  >
                    Join {i.circleName}
                  </Button>
                  <Button
                    small
                    variant="danger"
                    disabled={!canAdmin(me)}
                    onClick={() => answer(i.circleId, i.id, 'decline')}
                  >
                    Decline
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
      {list.circles.length === 0 ? (
        <p className="muted">Your organization is in no circle yet.</p>
      ) : (
        <Table
          caption="Your circles"
          rows={list.circles}
          rowKey={(c) => c.id}
          columns={[
            {
              header: 'Circle',
              cell: (c) => <Link to={`/circles/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
            },
            { header: 'Members', numeric: true, cell: (c) => c.memberCount },
            {
              header: 'Your role',
              cell: (c) => (
                <Badge tone={c.role === 'owner' ? 'primary' : 'neutral'}>{c.role}</Badge>
              ),
            },
            { header: 'Since', cell: (c) => formatDate(c.createdAt) },
          ]}
        />
      )}
      {canAdmin(me) && <NewCircleForm />}
    </>
  );
}

function NewCircleForm() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (name.trim() === '') {
      setFailure({
        status: 400,
        title: 'Check the highlighted field',
        detail: '',
        issues: [{ path: 'name', message: 'Required' }],
      });
      return;
    }
    setBusy(true);
    setFailure(null);
    createCircle({ name, ...(description.trim() === '' ? {} : { description }) })
      .then((c) => navigate(`/circles/${encodeURIComponent(c.id)}`))
      .catch((err: unknown) => setFailure(failureOf(err)))
      .finally(() => setBusy(false));
  };
  const issues = failure?.issues ?? [];
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-circle">
      <h2 id="new-circle">New circle</h2>
      {failure !== null && issues.length === 0 && (
        <Banner tone="error">{failure.detail || failure.title}</Banner>
      )}
      <TextField
        label="Circle name"
        path="name"
        value={name}
        error={errorFor(issues, 'name')}
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        label="What it is for"
        path="description"
        rows={2}
        value={description}
        error={errorFor(issues, 'description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Create circle
        </Button>
      </div>
    </form>
  );
}
