// "Save as opportunity": creates an opportunity from the need's cells (plus customer, value and
// close date) and links to it. Shown to owners and admins, who are the ones allowed to create.
import { useState, type FormEvent } from 'react';
import { errorFor } from '../../lib/field-errors.ts';
import { Link } from '../../lib/router.tsx';
import { canAdmin, useMe } from '../../lib/session.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SelectField, TextAreaField } from '../../ui/field.tsx';
import { Banner } from '../../ui/states.tsx';
import { CUSTOMER_DEAL_LABELS } from '../deals/shared/customer-deal-draft.ts';
import { CustomerDealFields } from '../deals/shared/customer-deal-fields.tsx';
import { useCreateOpportunity } from '../deals/shared/use-create-opportunity.ts';
import { createOpportunity, type TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';
import { emptySaveDraft, saveBody, teamSummary, type SaveDraft } from './opportunity-draft.ts';

const LABELS: Record<string, string> = {
  ...CUSTOMER_DEAL_LABELS,
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
  const { busy, failure, submit } = useCreateOpportunity(createOpportunity, (id) =>
    setSaved({ id }),
  );
  const [draft, setDraft] = useState<SaveDraft>(() =>
    emptySaveDraft(teamSummary(team, cells, vocab)),
  );
  if (!canAdmin(me)) return null;
  const set = <K extends keyof SaveDraft>(key: K, value: SaveDraft[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    submit(saveBody(draft, cells));
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
    <form className="stack match-save" onSubmit={onSubmit} noValidate aria-labelledby="save-title">
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
      <CustomerDealFields draft={draft} set={set} issues={issues} vocab={vocab} />
      <SelectField
        label="Who sees it"
        path="visibility"
        options={VISIBILITY}
        value={draft.visibility}
        error={err('visibility')}
        onChange={(e) => set('visibility', e.target.value as SaveDraft['visibility'])}
      />
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
