// "Save as opportunity": creates an opportunity from the need's cells (plus customer, value and
// close date) and links to it. Shown to owners and admins, who are the ones allowed to create.
import { useState, type FormEvent } from 'react';
import { errorFor } from '../../lib/field-errors.ts';
import { Link } from '../../lib/router.tsx';
import { canAdmin, useMe } from '../../lib/session.tsx';
import { failureOf, type SubmitFailure } from '../../lib/use-submit.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Banner } from '../../ui/states.tsx';
import { createOpportunity, type TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';
import { saveBody, teamSummary, type SaveDraft } from './opportunity-draft.ts';

const LABELS: Record<string, string> = {
  customerName: 'Customer name',
  customerDomain: 'Customer domain',
  'value.amount': 'Value',
  'value.currency': 'Currency',
  expectedCloseDate: 'Expected close date',
  visibility: 'Who sees it',
  description: 'Description',
};

const VISIBILITY = [
  { code: 'private', label: 'Only my organization' },
  { code: 'network', label: 'Every organization in the network' },
];

interface Props {
  cells: readonly CellDraft[];
  team: TeamResponse;
  vocab: Vocabularies;
}

export function SaveOpportunity({ cells, team, vocab }: Props) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ id: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [draft, setDraft] = useState<SaveDraft>(() => ({
    customerName: '',
    customerDomain: '',
    value: '',
    currency: 'EUR',
    expectedCloseDate: '',
    visibility: 'private',
    description: teamSummary(team, cells, vocab),
  }));
  if (!canAdmin(me)) return null;
  const set = <K extends keyof SaveDraft>(key: K, value: SaveDraft[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const { body, issues } = saveBody(draft, cells);
    if (issues.length > 0) {
      setFailure({ status: 400, title: 'Check the highlighted fields', detail: '', issues });
      return;
    }
    setBusy(true);
    setFailure(null);
    createOpportunity(body)
      .then((o) => setSaved({ id: o.id }))
      .catch((err: unknown) => setFailure(failureOf(err)))
      .finally(() => setBusy(false));
  };

  if (saved !== null) {
    return (
      <Banner tone="ok">
        Opportunity saved with {cells.length} cells.{' '}
        <Link to={`/opportunities/${encodeURIComponent(saved.id)}`}>Open the opportunity</Link>
      </Banner>
    );
  }
  if (!open) {
    return (
      <div>
        <Button onClick={() => setOpen(true)}>Save as opportunity</Button>
      </div>
    );
  }
  const issues = failure?.issues ?? [];
  const err = (path: string) => errorFor(issues, path);
  return (
    <form className="stack match-save" onSubmit={submit} noValidate aria-labelledby="save-title">
      <h3 id="save-title">Save as opportunity</h3>
      <p className="small muted">
        The opportunity keeps the {cells.length} cells of this need; you can refer it to the team’s
        partners from its page.
      </p>
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={Object.keys(LABELS)}
          labels={LABELS}
        />
      )}
      <div className="form-grid">
        <TextField
          label="Customer name"
          path="customerName"
          value={draft.customerName}
          error={err('customerName')}
          onChange={(e) => set('customerName', e.target.value)}
        />
        <TextField
          label="Customer domain"
          path="customerDomain"
          hint="Their web domain, e.g. contoso.com"
          value={draft.customerDomain}
          error={err('customerDomain')}
          onChange={(e) => set('customerDomain', e.target.value)}
        />
        <TextField
          label="Value"
          path="value.amount"
          inputMode="decimal"
          value={draft.value}
          error={err('value.amount') ?? err('value')}
          onChange={(e) => set('value', e.target.value)}
        />
        <SelectField
          label="Currency"
          path="value.currency"
          options={vocab.options('currencies').map((o) => ({ code: o.code, label: o.code }))}
          value={draft.currency}
          error={err('value.currency')}
          onChange={(e) => set('currency', e.target.value)}
        />
        <TextField
          label="Expected close date"
          path="expectedCloseDate"
          type="date"
          value={draft.expectedCloseDate}
          error={err('expectedCloseDate')}
          onChange={(e) => set('expectedCloseDate', e.target.value)}
        />
        <SelectField
          label="Who sees it"
          path="visibility"
          options={VISIBILITY}
          value={draft.visibility}
          error={err('visibility')}
          onChange={(e) => set('visibility', e.target.value as SaveDraft['visibility'])}
        />
      </div>
      <TextAreaField
        label="Description"
        path="description"
        rows={4}
        value={draft.description}
        error={err('description')}
        onChange={(e) => set('description', e.target.value)}
      />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          Save opportunity
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
