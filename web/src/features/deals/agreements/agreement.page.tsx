// One agreement: the version in force, the open proposal with its diff and accept (other side
// only), a form to propose a change, and the version history.
import { useCallback, useState } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import {
  acceptVersion,
  closeVersion,
  getAgreement,
  proposeVersion,
  type Agreement,
} from '../deals-api.ts';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { TermsEditor } from './terms-editor.tsx';
import { TYPE_LABELS } from './terms-labels.ts';
import { TermsSummary } from './terms-summary.tsx';
import { VersionDiff } from './version-diff.tsx';

export function AgreementPage({ id }: { id: string }) {
  const fetcher = useCallback(() => getAgreement(id), [id]);
  const [load, reload, set] = useLoad(fetcher);
  usePageTitle('Agreement');
  return (
    <LoadView
      load={load}
      what="agreement"
      back={{ to: '/partners', label: 'Back to partners' }}
      onRetry={reload}
    >
      {(a) => <AgreementView a={a} onChange={set} />}
    </LoadView>
  );
}

const STATUS_TONE = {
  proposed: 'warn',
  accepted: 'ok',
  declined: 'danger',
  withdrawn: 'neutral',
  replaced: 'neutral',
} as const;

function AgreementView({ a, onChange }: { a: Agreement; onChange: (a: Agreement) => void }) {
  const me = useMe();
  const myOrg = me.organization.id;
  const partnerId = a.partyOrgIds[0] === myOrg ? a.partyOrgIds[1] : a.partyOrgIds[0];
  const names = useOrgNames(a.partyOrgIds);
  const partner = nameOf(names, partnerId);
  const latest = a.versions[a.versions.length - 1];
  const open = a.versions.find((v) => v.status === 'proposed');
  const openDiff = open === undefined ? undefined : a.diffs.find((d) => d.to === open.n);
  const [proposing, setProposing] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const admin = canAdmin(me);

  const DONE = {
    accept: (n: number) => `Version ${n} accepted: it is in force from its effective date.`,
    withdraw: (n: number) => `Version ${n} withdrawn.`,
    decline: (n: number) => `Version ${n} declined.`,
  };
  const decide = (n: number, action: 'accept' | 'withdraw' | 'decline'): void => {
    setBusy(true);
    (action === 'accept' ? acceptVersion(a.id, n) : closeVersion(a.id, n, action))
      .then(
        (next) => {
          onChange(next);
          setOutcome({ ok: true, text: DONE[action](n) });
        },
        (err: unknown) => setOutcome({ ok: false, text: messageOf(err) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="stack">
      <p className="small">
        <Link to={`/partners/${encodeURIComponent(a.partnershipId)}`}>
          ← Agreements with {partner}
        </Link>
      </p>
      <PageHead
        title={`${TYPE_LABELS[a.type]} agreement with ${partner}`}
        subtitle={
          a.inForce === null ? (
            <Badge tone="warn">No version in force yet</Badge>
          ) : (
            <Badge tone="ok">Version {a.inForce.n} in force</Badge>
          )
        }
      />
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}

      {open !== undefined && (
        <section className="card stack" aria-labelledby="open-proposal">
          <h2 id="open-proposal">
            Version {open.n} proposed by {nameOf(names, open.proposedByOrgId)}
          </h2>
          <p className="small muted">Proposed {formatDateTime(open.proposedAt)}.</p>
          {openDiff !== undefined ? (
            <VersionDiff diff={openDiff} currency={open.terms.currency} />
          ) : (
            <TermsSummary terms={open.terms} label={`Terms of version ${open.n}`} />
          )}
          {open.proposedByOrgId === myOrg ? (
            <div className="row">
              <Button variant="primary" disabled aria-describedby="accept-why">
                Accept version {open.n}
              </Button>
              <Button
                variant="danger"
                busy={busy}
                disabled={!admin}
                onClick={() => decide(open.n, 'withdraw')}
              >
                Withdraw version {open.n}
              </Button>
              <span id="accept-why" className="small muted">
                You proposed this version, so {partner} accepts it. It is not in force until they
                do.
              </span>
            </div>
          ) : (
            <div className="row">
              <Button
                variant="primary"
                busy={busy}
                disabled={!admin}
                onClick={() => decide(open.n, 'accept')}
              >
                Accept version {open.n}
              </Button>
              <Button
                variant="danger"
                busy={busy}
                disabled={!admin}
                onClick={() => decide(open.n, 'decline')}
              >
                Decline version {open.n}
              </Button>
              {!admin && (
                <span className="small muted">Only owners and admins accept agreements.</span>
              )}
            </div>
          )}
        </section>
      )}

      {a.inForce !== null && (
        <section className="card stack" aria-labelledby="in-force">
          <h2 id="in-force">Terms in force (version {a.inForce.n})</h2>
          <TermsSummary terms={a.inForce.terms} label="Terms in force" />
        </section>
      )}

      {admin && latest !== undefined && (
        <section className="card stack" aria-labelledby="propose">
          <h2 id="propose">Propose a change</h2>
          {proposing ? (
            <TermsEditor
              initial={latest.terms}
              submitLabel="Propose new version"
              onCancel={() => setProposing(false)}
              onSubmit={async (terms) => {
                const next = await proposeVersion(a.id, terms);
                onChange(next);
                setProposing(false);
                setOutcome({
                  ok: true,
                  text: `Version ${next.versions.length} proposed. ${partner} sees it and can accept it.`,
                });
              }}
            />
          ) : (
            <div className="row">
              <p className="small muted">
                A change is a new version: you propose it, {partner} accepts it; the version in
                force stays until then.
              </p>
              <Button onClick={() => setProposing(true)}>Propose a change</Button>
            </div>
          )}
        </section>
      )}

      <section className="stack" aria-labelledby="history" style={{ gap: 8 }}>
        <h2 id="history">Version history</h2>
        <Table
          caption="Versions of this agreement"
          rows={[...a.versions].reverse()}
          rowKey={(v) => String(v.n)}
          columns={[
            { header: 'Version', cell: (v) => v.n, numeric: true },
            {
              header: 'Status',
              cell: (v) => <Badge tone={STATUS_TONE[v.status]}>{v.status}</Badge>,
            },
            { header: 'Proposed by', cell: (v) => nameOf(names, v.proposedByOrgId) },
            { header: 'Proposed', cell: (v) => formatDateTime(v.proposedAt) },
            {
              header: 'Decided',
              cell: (v) => (v.decidedAt === null ? '—' : formatDateTime(v.decidedAt)),
            },
          ]}
        />
        {a.diffs
          .filter((d) => d.to !== open?.n)
          .reverse()
          .map((d) => (
            <VersionDiff
              key={d.to}
              diff={d}
              currency={a.versions[d.to - 1]?.terms.currency ?? 'EUR'}
            />
          ))}
      </section>
    </div>
  );
}
