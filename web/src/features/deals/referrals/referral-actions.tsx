// The moves this side may make now, each with the fields it needs: decline needs a reason, win
// needs the realised value. The parent sends the PATCH (and handles a concurrent change).
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import type { Referral, ReferralPatch } from '../deals-api.ts';
import { toMinor, toMajorText } from '../shared/money-input.ts';
import { ACTIVE_STAGES, movesFor, type Move, type Stage } from './referral-moves.ts';

export interface ActionProps {
  r: Referral;
  busy: boolean;
  /** Field issues of the last failed move, keyed by path (statusReason, value.amount, stage). */
  errors: Readonly<Record<string, string>>;
  onMove: (body: ReferralPatch, local?: Record<string, string>) => void;
}

function MoveForm({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="deal-move stack" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {children}
    </form>
  );
}

export function ReferralActions(props: ActionProps) {
  const moves = movesFor(props.r, new Date());
  if (moves.length === 0)
    return <p className="muted small">This referral is closed: it is read-only for both sides.</p>;
  return (
    <div className="deal-moves">
      {moves.map((m) => (
        <MoveFor key={m} move={m} {...props} />
      ))}
    </div>
  );
}

function MoveFor({ move, r, busy, errors, onMove }: ActionProps & { move: Move }) {
  const [reason, setReason] = useState('');
  const [stage, setStage] = useState<Stage>(
    ACTIVE_STAGES.includes(r.stage) ? r.stage : 'Qualified',
  );
  const currency = r.value?.currency ?? 'EUR';
  const [value, setValue] = useState(r.value === null ? '' : toMajorText(r.value.amount, currency));
  switch (move) {
    case 'accept':
      return (
        <MoveForm
          title="Accept"
          onSubmit={() => onMove({ status: 'Active', substatus: 'Accepted' })}
        >
          <p className="small muted">You take the referral on; the sender sees it Accepted.</p>
          <Button type="submit" variant="primary" busy={busy}>
            Accept referral
          </Button>
        </MoveForm>
      );
    case 'decline':
      return (
        <MoveForm
          title="Decline"
          onSubmit={() =>
            reason.trim() === ''
              ? onMove(
                  { status: 'Closed', substatus: 'Declined' },
                  { statusReason: 'A reason is required to decline a referral' },
                )
              : onMove({ status: 'Closed', substatus: 'Declined', statusReason: reason })
          }
        >
          <TextAreaField
            label="Reason for declining"
            path="statusReason"
            rows={2}
            value={reason}
            error={errors.statusReason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="submit" variant="danger" busy={busy}>
            Decline referral
          </Button>
        </MoveForm>
      );
    case 'stage':
      return (
        <MoveForm
          title="Sales stage"
          onSubmit={() => onMove({ status: 'Active', substatus: 'Accepted', stage })}
        >
          <SelectField
            label="Stage"
            path="stage"
            options={ACTIVE_STAGES.map((s) => ({ code: s, label: s }))}
            value={stage}
            error={errors.stage}
            onChange={(e) => setStage(e.target.value as Stage)}
          />
          <Button type="submit" busy={busy}>
            Update stage
          </Button>
        </MoveForm>
      );
    case 'win': {
      const submit = (): void => {
        const amount = toMinor(value, currency);
        if (amount === null || amount === 0)
          onMove(
            { status: 'Closed', substatus: 'Won' },
            { 'value.amount': `The realised value in ${currency}, such as 25000` },
          );
        else onMove({ status: 'Closed', substatus: 'Won', value: { amount, currency } });
      };
      return (
        <MoveForm title="Won" onSubmit={submit}>
          <TextField
            label={`Realised value (${currency})`}
            path="value.amount"
            inputMode="decimal"
            value={value}
            error={errors['value.amount'] ?? errors.value}
            onChange={(e) => setValue(e.target.value)}
          />
          <Button type="submit" variant="primary" busy={busy}>
            Mark as won
          </Button>
        </MoveForm>
      );
    }
    case 'lose':
      return (
        <MoveForm
          title="Lost"
          onSubmit={() =>
            onMove({
              status: 'Closed',
              substatus: 'Lost',
              ...(reason.trim() === '' ? {} : { statusReason: reason }),
            })
          }
        >
          <TextField
            label="Why it was lost (optional)"
            path="lostReason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="submit" busy={busy}>
            Mark as lost
          </Button>
        </MoveForm>
      );
    case 'close-as-error':
      return (
        <MoveForm
          title="Close as error"
          onSubmit={() =>
            onMove({
              status: 'Closed',
              substatus: 'Lost',
              statusReason: reason.trim() === '' ? 'Error' : `Error: ${reason.trim()}`,
            })
          }
        >
          <TextField
            label="What was wrong (optional)"
            path="errorReason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="submit" variant="ghost" busy={busy}>
            Close as error
          </Button>
        </MoveForm>
      );
  }
}
