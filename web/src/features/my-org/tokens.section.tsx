// API tokens: create (the secret is shown once), list, revoke.
import { useCallback, useEffect, useState } from 'react';
import type { ApiTokenDto } from '@contract/tokens.contract.ts';
import { createToken, listTokens, messageOf, revokeToken } from '../../lib/api.ts';
import { errorFor } from '../../lib/field-errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useMe } from '../../lib/session.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Banner, EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { Table } from '../../ui/table.tsx';
import { SecretOnce } from './secret-once.tsx';

const EXPIRY = [
  { code: '7', label: '7 days' },
  { code: '30', label: '30 days' },
  { code: '90', label: '90 days' },
  { code: '365', label: '1 year' },
];

function status(t: ApiTokenDto): { label: string; tone: 'ok' | 'danger' | 'warn' } {
  if (t.revokedAt !== null) return { label: 'Revoked', tone: 'danger' };
  if (Date.parse(t.expiresAt) <= Date.now()) return { label: 'Expired', tone: 'warn' };
  return { label: 'Active', tone: 'ok' };
}

export function TokensSection() {
  const me = useMe();
  const [tokens, setTokens] = useState<ApiTokenDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    listTokens().then(setTokens, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);

  const revoke = (t: ApiTokenDto) => {
    if (!window.confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`)) return;
    setRevokeError(null);
    revokeToken(t.id).then(reload, (e: unknown) => setRevokeError(messageOf(e)));
  };

  return (
    <div className="stack">
      <p className="muted small">
        Tokens let scripts and integrations call the Circles API as you, within{' '}
        {me.organization.name}: send one as <code>Authorization: Bearer …</code>. Circles stores
        only a hash of each token, so it can show a new token once only.
      </p>
      <CreateTokenForm onCreated={reload} />
      {revokeError !== null && <Banner tone="error">{revokeError}</Banner>}
      {error !== null && <ErrorState title="Cannot load tokens" message={error} onRetry={reload} />}
      {error === null && tokens === null && <Loading label="Loading tokens…" />}
      {tokens !== null && tokens.length === 0 && (
        <EmptyState title="No API tokens yet">
          Create one above when a script needs access.
        </EmptyState>
      )}
      {tokens !== null && tokens.length > 0 && (
        <Table
          caption="Tokens"
          rows={tokens}
          rowKey={(t) => t.id}
          columns={[
            { header: 'Name', cell: (t) => t.name },
            { header: 'Starts with', cell: (t) => <code className="mono">{t.prefix}…</code> },
            { header: 'Created', cell: (t) => formatDate(t.createdAt) },
            { header: 'Expires', cell: (t) => formatDate(t.expiresAt) },
            {
              header: 'Last used',
              cell: (t) => (t.lastUsedAt === null ? 'Never' : formatDateTime(t.lastUsedAt)),
            },
            {
              header: 'Status',
              cell: (t) => <Badge tone={status(t).tone}>{status(t).label}</Badge>,
            },
            {
              header: 'Actions',
              cell: (t) =>
                status(t).label === 'Active' ? (
                  <Button
                    small
                    variant="danger"
                    onClick={() => revoke(t)}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { submit, busy, failure } = useSubmit(
    useCallback(async () => {
      const t = await createToken({ name, expiresInDays: Number(days) });
      setCreated({ name: t.name, token: t.token });
      setName('');
      onCreated();
    }, [name, days, onCreated]),
  );
  const issues = failure?.issues ?? [];
  return (
    <section className="card stack" aria-labelledby="new-token">
      <h2 id="new-token">Create a token</h2>
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={['name', 'expiresInDays']}
          labels={{ name: 'Name', expiresInDays: 'Expires after' }}
        />
      )}
      {created !== null && (
        <SecretOnce
          label={`Your new token “${created.name}”`}
          secret={created.token}
          note="Copy it now and store it somewhere safe: it is not shown again."
        />
      )}
      <form
        className="row"
        style={{ alignItems: 'flex-end' }}
        onSubmit={submit}
        noValidate
        aria-label="Create token"
      >
        <div style={{ flex: 2, minWidth: 220 }}>
          <TextField
            label="Name"
            path="name"
            placeholder="What uses it, e.g. CRM sync"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errorFor(issues, 'name')}
          />
        </div>
        <div style={{ flex: 1, minWidth: 140 }}>
          <SelectField
            label="Expires after"
            path="expiresInDays"
            options={EXPIRY}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={errorFor(issues, 'expiresInDays')}
          />
        </div>
        <Button type="submit" variant="primary" busy={busy}>
          Create token
        </Button>
      </form>
    </section>
  );
}
