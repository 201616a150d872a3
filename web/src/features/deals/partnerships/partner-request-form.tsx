// Ask an organization found in the directory to partner.
import { useState } from 'react';
import type { OrgSummary } from '@contract/orgs.contract.ts';
import { messageOf } from '../../../lib/api.ts';
import { Button } from '../../../ui/button.tsx';
import { Banner } from '../../../ui/states.tsx';
import { requestPartnership } from '../deals-api.ts';
import { OrgPicker } from '../shared/org-picker.tsx';

export function PartnerRequestForm({
  exclude,
  onSent,
}: {
  exclude: ReadonlySet<string>;
  onSent: () => void;
}) {
  const [chosen, setChosen] = useState<OrgSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const send = (): void => {
    if (chosen === null) return;
    setBusy(true);
    requestPartnership(chosen.id)
      .then(
        () => {
          setOutcome({ ok: true, text: `Request sent to ${chosen.name}.` });
          setChosen(null);
          onSent();
        },
        (err: unknown) => setOutcome({ ok: false, text: messageOf(err) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section className="card stack" aria-labelledby="request-partner">
      <h2 id="request-partner">Request a partnership</h2>
      <p className="small muted">
        Both sides opt in: the organization you ask sees your request and accepts or declines it.
      </p>
      {outcome !== null && <Banner tone={outcome.ok ? 'ok' : 'error'}>{outcome.text}</Banner>}
      {chosen === null ? (
        <OrgPicker label="Find an organization" exclude={exclude} onPick={setChosen} />
      ) : (
        <div className="row">
          <span>
            Ask <strong>{chosen.name}</strong> to partner?
          </span>
          <Button variant="primary" busy={busy} onClick={send}>
            Send request
          </Button>
          <Button onClick={() => setChosen(null)}>Choose another</Button>
        </div>
      )}
    </section>
  );
}
