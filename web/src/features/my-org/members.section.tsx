// Members and roles, and invitations (the invitation link is shown once, like a token).
import { useCallback, useEffect, useState } from 'react';
import type { RoleDto } from '@contract/identity.contract.ts';
import type { InvitationDto, MemberDto } from '@contract/members.contract.ts';
import {
  changeRole,
  invite,
  listInvitations,
  listMembers,
  messageOf,
  removeMember,
  revokeInvitation,
} from '../../lib/api.ts';
import { errorFor } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { canAdmin, useMe, useSession } from '../../lib/session.tsx';
import { failureOf, useSubmit, type SubmitFailure } from '../../lib/use-submit.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Banner, ErrorState, Loading } from '../../ui/states.tsx';
import { Table } from '../../ui/table.tsx';
import { SecretOnce } from './secret-once.tsx';

const ROLES: readonly { code: RoleDto; label: string }[] = [
  { code: 'owner', label: 'Owner' },
  { code: 'admin', label: 'Admin' },
  { code: 'member', label: 'Member' },
];
const ROLE_HELP =
  'Owners and admins edit the profile, manage members and read the audit log; members search and view.';

export function MembersSection() {
  const me = useMe();
  const admin = canAdmin(me);
  const [members, setMembers] = useState<MemberDto[] | null>(null);
  const [invitations, setInvitations] = useState<InvitationDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<SubmitFailure | null>(null);

  const reload = useCallback(() => {
    setError(null);
    listMembers().then(setMembers, (e: unknown) => setError(messageOf(e)));
    if (admin) listInvitations().then(setInvitations, (e: unknown) => setError(messageOf(e)));
  }, [admin]);
  useEffect(reload, [reload]);

  const act = (fn: () => Promise<unknown>) => {
    setActionError(null);
    fn().then(reload, (e: unknown) => setActionError(failureOf(e)));
  };

  if (error !== null)
    return <ErrorState title="Cannot load members" message={error} onRetry={reload} />;
  if (members === null) return <Loading label="Loading members…" />;
  const roleOptions = ROLES.filter((r) => r.code !== 'owner' || me.organization.role === 'owner');

  return (
    <div className="stack">
      <p className="muted small">{ROLE_HELP}</p>
      {actionError !== null && (
        <Banner tone="error">{actionError.detail || actionError.title}</Banner>
      )}
      <Table
        caption={`${members.length} ${members.length === 1 ? 'member' : 'members'}`}
        rows={members}
        rowKey={(m) => m.userId}
        columns={[
          {
            header: 'Name',
            cell: (m) => (
              <>
                {m.name}
                {m.userId === me.user.id && <span className="muted"> (you)</span>}
                {m.disabled && (
                  <>
                    {' '}
                    <Badge tone="danger">Disabled</Badge>
                  </>
                )}
              </>
            ),
          },
          { header: 'Email', cell: (m) => m.email },
          {
            header: 'Role',
            cell: (m) =>
              admin &&
              m.userId !== me.user.id &&
              (m.role !== 'owner' || me.organization.role === 'owner') ? (
                <select
                  className="select"
                  style={{ height: 32, minHeight: 32, width: 'auto' }}
                  aria-label={`Role of ${m.name}`}
                  value={m.role}
                  onChange={(e) => act(() => changeRole(m.userId, e.target.value as RoleDto))}
                >
                  {roleOptions.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.label}
                    </option>
                  ))}
                </select>
              ) : (
                <Badge tone={m.role === 'member' ? 'neutral' : 'primary'}>
                  {ROLES.find((r) => r.code === m.role)?.label ?? m.role}
                </Badge>
              ),
          },
          { header: 'Joined', cell: (m) => formatDate(m.joinedAt) },
          {
            header: 'Actions',
            cell: (m) =>
              m.userId === me.user.id ? (
                <LeaveButton />
              ) : admin ? (
                <Button
                  small
                  variant="danger"
                  onClick={() => {
                    if (window.confirm(`Remove ${m.name} from ${me.organization.name}?`))
                      act(() => removeMember(m.userId));
                  }}
                >
                  Remove
                </Button>
              ) : null,
          },
        ]}
      />
      {admin && <InviteForm roles={roleOptions} onInvited={reload} />}
      {admin && invitations.length > 0 && (
        <Table
          caption="Open invitations"
          rows={invitations}
          rowKey={(i) => i.id}
          columns={[
            { header: 'Email', cell: (i) => i.email },
            { header: 'Role', cell: (i) => i.role },
            { header: 'Expires', cell: (i) => formatDate(i.expiresAt) },
            {
              header: 'Actions',
              cell: (i) => (
                <Button small variant="danger" onClick={() => act(() => revokeInvitation(i.id))}>
                  Withdraw
                </Button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

function LeaveButton() {
  const me = useMe();
  const { refresh } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const leave = () => {
    if (!window.confirm(`Leave ${me.organization.name}? You lose access to it.`)) return;
    removeMember(me.user.id).then(
      () => refresh(),
      (e: unknown) => setFailure(messageOf(e)),
    );
  };
  return (
    <span className="stack" style={{ gap: 4 }}>
      <Button small onClick={leave}>
        Leave
      </Button>
      {failure !== null && <span className="field__error">{failure}</span>}
    </span>
  );
}

function InviteForm({
  roles,
  onInvited,
}: {
  roles: readonly { code: RoleDto; label: string }[];
  onInvited: () => void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleDto>('member');
  const [created, setCreated] = useState<{ email: string; link: string } | null>(null);
  const { submit, busy, failure } = useSubmit(
    useCallback(async () => {
      const inv = await invite({ email, role });
      setCreated({
        email: inv.email,
        link: `${window.location.origin}/sign-up?invitation=${encodeURIComponent(inv.token)}`,
      });
      setEmail('');
      onInvited();
    }, [email, role, onInvited]),
  );
  const issues = failure?.issues ?? [];
  return (
    <section className="card stack" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a colleague</h2>
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={['email', 'role']}
        />
      )}
      {created !== null && (
        <SecretOnce
          label={`Invitation link for ${created.email}`}
          secret={created.link}
          note="Send this link to them. It is shown only now; they sign up or sign in with it to join."
        />
      )}
      <form
        className="row"
        style={{ alignItems: 'flex-end' }}
        onSubmit={submit}
        noValidate
        aria-label="Invite"
      >
        <div style={{ flex: 2, minWidth: 220 }}>
          <TextField
            label="Email"
            path="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errorFor(issues, 'email')}
          />
        </div>
        <div style={{ flex: 1, minWidth: 140 }}>
          <SelectField
            label="Role"
            path="role"
            options={roles}
            value={role}
            onChange={(e) => setRole(e.target.value as RoleDto)}
            error={errorFor(issues, 'role')}
          />
        </div>
        <Button type="submit" variant="primary" busy={busy}>
          Create invitation
        </Button>
      </form>
    </section>
  );
}
