// The organization's audit log (owners and admins): who did what, when, with filters and paging.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AuditEntrySchema } from '@contract/audit.contract.ts';
import type { MemberDto } from '@contract/members.contract.ts';
import { listAudit, listMembers, type AuditFilters } from '../../lib/api.ts';
import { errorFor } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { canAdmin, useMe } from '../../lib/session.tsx';
import { failureOf, type SubmitFailure } from '../../lib/use-submit.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { Table } from '../../ui/table.tsx';

type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Actions the server records; the filter matches one exactly. */
const ACTIONS = [
  'org.created',
  'org.profile_updated',
  'auth.signup',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.switch_org',
  'member.invited',
  'member.added',
  'member.role_changed',
  'member.removed',
  'invitation.accepted',
  'invitation.revoked',
  'token.created',
  'token.revoked',
  'user.created',
  'user.disabled',
].map((a) => ({ code: a, label: a }));

/** A date input (local day) -> the UTC instant the API expects; `endOfDay` makes "to" inclusive of that day. */
function toIso(day: string, endOfDay: boolean): string | undefined {
  if (day === '') return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (endOfDay) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function AuditSection() {
  const me = useMe();
  if (!canAdmin(me)) {
    return (
      <EmptyState title="The audit log is for owners and admins">
        Ask an owner or admin of {me.organization.name} if you need to know who changed what.
      </EmptyState>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [members, setMembers] = useState<MemberDto[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listMembers().then(setMembers, () => setMembers([]));
  }, []);

  const filters = useCallback(
    (before?: number): AuditFilters => {
      const f: AuditFilters = {};
      if (action !== '') f.action = action;
      if (actor !== '') f.actor = actor;
      const fromIso = toIso(from, false);
      const toIsoValue = toIso(to, true);
      if (fromIso !== undefined) f.from = fromIso;
      if (toIsoValue !== undefined) f.to = toIsoValue;
      if (before !== undefined) f.before = before;
      return f;
    },
    [action, actor, from, to],
  );

  useEffect(() => {
    let live = true;
    setBusy(true);
    setFailure(null);
    listAudit(filters())
      .then(
        (page) => {
          if (!live) return;
          setEntries(page.entries);
          setNextBefore(page.nextBefore);
        },
        (e: unknown) => live && setFailure(failureOf(e)),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [filters]);

  const older = () => {
    if (nextBefore === null) return;
    setBusy(true);
    listAudit(filters(nextBefore))
      .then(
        (page) => {
          setEntries((prev) => [...(prev ?? []), ...page.entries]);
          setNextBefore(page.nextBefore);
        },
        (e: unknown) => setFailure(failureOf(e)),
      )
      .finally(() => setBusy(false));
  };

  const who = (e: AuditEntry): string => {
    if (e.actorUserId === null) return 'System';
    const m = members.find((x) => x.userId === e.actorUserId);
    const name = m === undefined ? `User ${e.actorUserId.slice(0, 8)}` : m.name;
    return e.actorTokenId === null ? name : `${name} (API token)`;
  };
  const issues = failure?.issues ?? [];

  return (
    <div className="stack">
      <form
        className="form-grid"
        aria-label="Audit log filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Action"
          path="action"
          options={ACTIONS}
          emptyLabel="All actions"
          value={action}
          onChange={(e) => setAction(e.target.value)}
          error={errorFor(issues, 'action')}
        />
        <SelectField
          label="Who"
          path="actor"
          options={members.map((m) => ({ code: m.userId, label: `${m.name} (${m.email})` }))}
          emptyLabel="Anyone"
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          error={errorFor(issues, 'actor')}
        />
        <TextField
          label="From"
          path="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={errorFor(issues, 'from')}
        />
        <TextField
          label="To (inclusive)"
          path="to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={errorFor(issues, 'to')}
        />
      </form>
      {failure !== null && (
        <ErrorState title="Cannot load the audit log" message={failure.detail || failure.title} />
      )}
      {entries === null && failure === null && <Loading label="Loading the audit log…" />}
      {entries !== null && entries.length === 0 && (
        <EmptyState title="No entries match">Widen the dates or clear a filter.</EmptyState>
      )}
      {entries !== null && entries.length > 0 && (
        <Table
          caption={`Newest first${busy ? ' — updating…' : ''}`}
          rows={entries}
          rowKey={(e) => e.id}
          columns={[
            { header: 'When', cell: (e) => formatDateTime(e.at) },
            { header: 'Who', cell: who },
            { header: 'Action', cell: (e) => <code className="mono">{e.action}</code> },
            {
              header: 'Target',
              cell: (e) =>
                `${e.targetType}${e.targetId === null ? '' : ` ${e.targetId.slice(0, 12)}`}`,
            },
            { header: 'Details', cell: (e) => <Details details={e.details} /> },
            { header: '#', numeric: true, cell: (e) => e.seq },
          ]}
        />
      )}
      {nextBefore !== null && (
        <div>
          <Button onClick={older} busy={busy}>
            Older entries
          </Button>
        </div>
      )}
      <p className="small muted">
        Entries are hash-chained: each one seals the one before, so an edited or deleted entry shows
        up when the chain is verified.
      </p>
    </div>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const keys = Object.keys(details);
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <span className="small">
      {keys.map((k) => (
        <span key={k} style={{ display: 'block' }}>
          <span className="muted">{k}:</span>{' '}
          {typeof details[k] === 'string' ? details[k] : JSON.stringify(details[k])}
        </span>
      ))}
    </span>
  );
}
