// One referral as this side sees it: state, deal fields, attribution, the moves allowed now, and
// the shared timeline. Moves send If-Match; when the other side moved first (412) the page shows
// the latest state and offers to apply the same move on top of it.
import { useCallback, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format.ts';
import type { Versioned } from '../../../lib/api.ts';
import { Link } from '../../../lib/router.tsx';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { TYPE_LABELS } from '../agreements/terms-labels.ts';
import {
  getReferral,
  patchReferral,
  referralEvents,
  type Referral,
  type ReferralEvents,
  type ReferralPatch,
} from '../deals-api.ts';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { announceInboxChange } from '../inbox/inbox-count.ts';
import { AttributionNote } from './attribution-note.tsx';
import { ConflictNotice } from './conflict-notice.tsx';
import { ReferralActions } from './referral-actions.tsx';
import { STATUS_TONE } from './referral-moves.ts';
import { ReferralTimeline } from './referral-timeline.tsx';

interface Loaded {
  ref: Versioned<Referral>;
  log: ReferralEvents;
}

export function ReferralPage({ id }: { id: string }) {
  const fetcher = useCallback(async (): Promise<Loaded> => {
    const [ref, log] = await Promise.all([getReferral(id), referralEvents(id)]);
    return { ref, log };
  }, [id]);
  const [load, reload, set] = useLoad(fetcher);
  usePageTitle('Referral');
  return (
    <LoadView
      load={load}
      what="referral"
      back={{ to: '/inbox', label: 'Back to the inbox' }}
      onRetry={reload}
    >
      {(d) => <ReferralView loaded={d} onLoaded={set} />}
    </LoadView>
  );
}

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'failed'; failure: SubmitFailure }
  | { kind: 'conflict'; body: ReferralPatch };

function ReferralView({ loaded, onLoaded }: { loaded: Loaded; onLoaded: (d: Loaded) => void }) {
  const { ref, log } = loaded;
  const r = ref.data;
  const names = useOrgNames([r.fromOrgId, r.toOrgId]);
  const partnerId = r.side === 'sender' ? r.toOrgId : r.fromOrgId;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const refresh = async (): Promise<Loaded> => {
    const [next, nextLog] = await Promise.all([getReferral(r.id), referralEvents(r.id)]);
    const d = { ref: next, log: nextLog };
    onLoaded(d);
    return d;
  };

  const move = (body: ReferralPatch, local?: Record<string, string>, etag = ref.etag): void => {
    if (local !== undefined) {
      setErrors(local);
      setOutcome({
        kind: 'failed',
        failure: { status: 400, title: 'Check the highlighted field', detail: '', issues: [] },
      });
      return;
    }
    setBusy(true);
    setErrors({});
    setOutcome(null);
    patchReferral(r.id, body, etag)
      .then(async (next) => {
        announceInboxChange();
        onLoaded({ ref: next, log: await referralEvents(r.id) });
        setOutcome({
          kind: 'done',
          text: `Saved: now ${next.data.status} · ${next.data.substatus}.`,
        });
      })
      .catch(async (err: unknown) => {
        if (err instanceof ApiError && err.status === 412) {
          await refresh();
          setOutcome({ kind: 'conflict', body });
          return;
        }
        const f = failureOf(err);
        setErrors(Object.fromEntries(f.issues.map((i) => [i.path, i.message])));
        setOutcome({ kind: 'failed', failure: f });
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="stack">
      <p className="small">
        <Link to="/inbox">← Inbox</Link>
      </p>
      <PageHead
        title={
          r.side === 'sender'
            ? `Referral to ${nameOf(names, r.toOrgId)}`
            : `Referral from ${nameOf(names, r.fromOrgId)}`
        }
        subtitle={
          <span className="row" style={{ gap: 6 }}>
            <Badge tone={STATUS_TONE[r.substatus]}>
              {r.status} · {r.substatus}
            </Badge>
            <span>
              Stage {r.stage} ({r.stagePercent} %)
            </span>
            {r.flags.map((f) => (
              <Badge key={f} tone="warn">
                {f === 'won-within-registration-window' ? 'Won within 72 h of registration' : f}
              </Badge>
            ))}
          </span>
        }
      />
      {outcome?.kind === 'done' && <Banner tone="ok">{outcome.text}</Banner>}
      {outcome?.kind === 'failed' && (
        <Banner tone="error">
          <strong>{outcome.failure.title}</strong>
          {outcome.failure.detail !== '' && <p>{outcome.failure.detail}</p>}
          {outcome.failure.issues.length > 0 && (
            <ul>
              {outcome.failure.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>{i.message}</li>
              ))}
            </ul>
          )}
        </Banner>
      )}
      {outcome?.kind === 'conflict' && (
        <Banner
          tone="warn"
          actions={
            <>
              <Button small variant="primary" onClick={() => move(outcome.body)}>
                Apply my change to the latest version
              </Button>
              <Button small onClick={() => setOutcome(null)}>
                Keep it as it is now
              </Button>
            </>
          }
        >
          <strong>{nameOf(names, partnerId)} changed this referral while you were looking</strong>
          <p>
            It is now {r.status} · {r.substatus} (version {r.version}). Your change was not saved,
            and nothing of theirs was overwritten.
          </p>
        </Banner>
      )}
      {r.statusReason !== null && (
        <p>
          <strong>Reason:</strong> {r.statusReason}
        </p>
      )}
      <AttributionNote r={r} />
      <ConflictNotice r={r} log={log} />
      <dl className="deal-terms" aria-label="Referral">
        <div>
          <dt>Customer domain</dt>
          <dd>{r.customerDomain}</dd>
        </div>
        <div>
          <dt>
            {r.status === 'Closed' && r.substatus === 'Won' ? 'Realised value' : 'Estimated value'}
          </dt>
          <dd>{r.value === null ? '—' : formatMoney(r.value.amount, r.value.currency)}</dd>
        </div>
        <div>
          <dt>Arrangement</dt>
          <dd>
            {TYPE_LABELS[r.arrangementType]}
            {r.agreementId !== null && (
              <>
                {' · '}
                <Link to={`/agreements/${encodeURIComponent(r.agreementId)}`}>
                  agreement version {r.agreementVersion}
                </Link>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Estimated close</dt>
          <dd>{formatDate(r.estimatedCloseDate)}</dd>
        </div>
        <div>
          <dt>{r.status === 'New' ? 'Expires' : 'Created'}</dt>
          <dd>{formatDateTime(r.status === 'New' ? r.expiresAt : r.createdAt)}</dd>
        </div>
        <div>
          <dt>Engagement</dt>
          <dd className="mono small">{r.engagementId}</dd>
        </div>
      </dl>
      {r.notes !== '' && <p className="description">{r.notes}</p>}
      <section className="stack" aria-labelledby="moves" style={{ gap: 8 }}>
        <h2 id="moves">What you can do</h2>
        <ReferralActions r={r} busy={busy} errors={errors} onMove={(b, local) => move(b, local)} />
      </section>
      <ReferralTimeline log={log} names={names} />
    </div>
  );
}
