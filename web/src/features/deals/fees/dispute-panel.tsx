// One fee's dispute: open it with a reason, talk in its thread, and propose a resolution; it
// closes when both sides propose the same one.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { Banner } from '../../../ui/states.tsx';
import { nameOf } from '../shared/org-names.ts';
import { toMinor } from '../shared/money-input.ts';
import {
  addDisputeMessage,
  openDispute,
  proposeResolution,
  type Fee,
  type Resolution,
} from './fees-api.ts';

const describe = (r: Resolution, currency: string): string =>
  r.outcome === 'uphold'
    ? 'Uphold the fee as it is'
    : r.outcome === 'waive'
      ? 'Waive the fee'
      : `Adjust the fee to ${formatMoney(r.amount, currency)}`;

export function DisputePanel({
  fee,
  names,
  onChanged,
}: {
  fee: Fee;
  names: ReadonlyMap<string, string>;
  onChanged: () => void;
}) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'uphold' | 'adjust' | 'waive'>('uphold');
  const [adjusted, setAdjusted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const d = fee.dispute;
  const open = d !== null && d.status === 'open';
  const currency = fee.amount.currency;

  const run = (p: Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    p.then(
      () => {
        setText('');
        onChanged();
      },
      (err: unknown) => setError(messageOf(err)),
    ).finally(() => setBusy(false));
  };
  const submitText = (e: FormEvent): void => {
    e.preventDefault();
    if (text.trim() === '')
      return setError(open ? 'Write a message first' : 'Give the reason for the dispute');
    run(open && d !== null ? addDisputeMessage(d.id, text) : openDispute(fee.id, text));
  };
  const submitResolution = (e: FormEvent): void => {
    e.preventDefault();
    if (d === null) return;
    if (outcome === 'adjust') {
      const amount = toMinor(adjusted, currency);
      if (amount === null) return setError(`The adjusted fee in ${currency}, such as 1500`);
      run(proposeResolution(d.id, { outcome: 'adjust', amount }));
    } else run(proposeResolution(d.id, { outcome }));
  };

  return (
    <section className="card stack" aria-labelledby="fee-dispute">
      <h2 id="fee-dispute">
        Fee of {formatMoney(fee.amount.amount, currency)}:{' '}
        {d === null ? 'no dispute' : `dispute ${d.status}`}
      </h2>
      {error !== null && <Banner tone="error">{error}</Banner>}
      {d !== null && (
        <>
          <p>
            <strong>Reason:</strong> {d.reason}{' '}
            <span className="small muted">
              ({nameOf(names, d.openedByOrgId)}, {formatDateTime(d.openedAt)})
            </span>
          </p>
          <ol className="deal-timeline" aria-label="Dispute thread">
            {/* The opening reason is the thread's first message; it is shown above already. */}
            {d.messages.map((m, i) =>
              i === 0 && m.text === d.reason ? null : (
                <li key={i}>
                  <strong>{nameOf(names, m.orgId)}</strong>: {m.text}
                  <div className="small muted">{formatDateTime(m.at)}</div>
                </li>
              ),
            )}
          </ol>
          {d.proposals.map((p) => (
            <p key={p.orgId} className="small">
              {nameOf(names, p.orgId)} proposes: <strong>{describe(p.resolution, currency)}</strong>
            </p>
          ))}
          {d.resolution !== null && (
            <Banner tone="ok">
              Resolved {d.resolvedAt === null ? '' : formatDateTime(d.resolvedAt)}:{' '}
              {describe(d.resolution, currency)}.
            </Banner>
          )}
        </>
      )}
      {(open || fee.status === 'due' || fee.status === 'invoiced') && (
        <form
          className="stack"
          onSubmit={submitText}
          noValidate
          aria-label={open ? 'Add a message' : 'Open a dispute'}
        >
          <TextAreaField
            label={open ? 'Message' : 'Why you dispute this fee'}
            path="disputeText"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div>
            <Button type="submit" variant={open ? 'secondary' : 'danger'} busy={busy}>
              {open ? 'Send message' : 'Open a dispute'}
            </Button>
          </div>
        </form>
      )}
      {open && (
        <form
          className="stack"
          onSubmit={submitResolution}
          noValidate
          aria-label="Propose a resolution"
        >
          <div className="form-grid">
            <SelectField
              label="Resolution you propose"
              path="resolution"
              options={[
                { code: 'uphold', label: 'Uphold the fee' },
                { code: 'adjust', label: 'Adjust the amount' },
                { code: 'waive', label: 'Waive the fee' },
              ]}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as typeof outcome)}
            />
            {outcome === 'adjust' && (
              <TextField
                label={`Adjusted fee (${currency})`}
                path="adjusted"
                inputMode="decimal"
                value={adjusted}
                onChange={(e) => setAdjusted(e.target.value)}
              />
            )}
          </div>
          <p className="small muted">
            The dispute closes when both sides propose the same resolution.
          </p>
          <div>
            <Button type="submit" busy={busy}>
              Propose resolution
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
