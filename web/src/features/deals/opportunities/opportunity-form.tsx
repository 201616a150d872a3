// New opportunity: the need (cells or a description), the customer (may be hidden), value and
// close date, and who may see it.
import { useCallback, useState, type FormEvent } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import { navigate } from '../../../lib/router.tsx';
import { useMe } from '../../../lib/session.tsx';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import { useVocabularies } from '../../../lib/vocabularies.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { createOpportunity, listPartnerships } from '../deals-api.ts';
import { partnerOf } from '../partnerships/partnership-status.ts';
import { useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { listCircles } from '../circles/circles-api.ts';
import { CellsEditor } from './cells-editor.tsx';
import { bodyOf, emptyOpportunity, type OpportunityDraft } from './opportunity-draft.ts';
import { VisibilityFields } from './visibility-fields.tsx';

const LABELS: Record<string, string> = {
  description: 'Description',
  cells: 'Needs',
  customerName: 'Customer name',
  customerDomain: 'Customer domain',
  'value.amount': 'Value',
  'value.currency': 'Currency',
  value: 'Value',
  expectedCloseDate: 'Expected close date',
  selectedOrgIds: 'Partners who see it',
  circleId: 'Circle that sees it',
  competitorOrgIds: 'Competitors',
};

export function OpportunityFormPage() {
  usePageTitle('New opportunity');
  const me = useMe();
  const vocab = useVocabularies();
  const [partnerships] = useLoad(listPartnerships);
  const [circleList] = useLoad(listCircles);
  const circles = circleList.status === 'ready' ? circleList.data.circles : [];
  const partners =
    partnerships.status === 'ready'
      ? partnerships.data
          .filter((p) => p.status === 'active')
          .map((p) => partnerOf(p, me.organization.id))
      : [];
  const names = useOrgNames(partners);
  const [draft, setDraft] = useState<OpportunityDraft>(() => emptyOpportunity());
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = useCallback(
    <K extends keyof OpportunityDraft>(key: K, value: OpportunityDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
    },
    [],
  );

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const { body, issues } = bodyOf(draft);
    if (issues.length > 0) {
      setFailure({ status: 400, title: 'Check the highlighted fields', detail: '', issues });
      return;
    }
    setBusy(true);
    setFailure(null);
    createOpportunity(body)
      .then((o) => navigate(`/opportunities/${encodeURIComponent(o.id)}`))
      .catch((err: unknown) => setFailure(failureOf(err)))
      .finally(() => setBusy(false));
  };

  if (vocab.status === 'error')
    return <ErrorState title="Cannot load the vocabularies" message={messageOf(vocab.error)} />;
  if (vocab.status !== 'ready') return <Loading />;
  const issues: FieldIssue[] = failure?.issues ?? [];
  const err = (path: string) => errorFor(issues, path);
  const known = [
    ...Object.keys(LABELS),
    ...draft.cells.flatMap((_, i) => [`cells[${i}].code`, `cells[${i}].country`]),
  ];
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="New opportunity">
      <PageHead title="New opportunity" subtitle="A customer need you can refer to a partner" />
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={known}
          labels={LABELS}
        />
      )}
      <section className="card stack" aria-labelledby="need">
        <h2 id="need">The need</h2>
        <CellsEditor
          cells={draft.cells}
          onChange={(c) => set('cells', c)}
          vocab={vocab.vocab}
          issues={issues}
        />
        <TextAreaField
          label="Description"
          path="description"
          hint="Free text, or as well as the cells"
          value={draft.description}
          error={err('description')}
          onChange={(e) => set('description', e.target.value)}
        />
      </section>
      <section className="card stack" aria-labelledby="customer">
        <h2 id="customer">Customer and deal</h2>
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
            hint="Their web domain: it stamps who introduced the customer first"
            value={draft.customerDomain}
            error={err('customerDomain')}
            onChange={(e) => set('customerDomain', e.target.value)}
          />
        </div>
        <CheckboxField
          label="Hide the customer’s name and domain from other organizations"
          path="hideCustomer"
          checked={draft.hideCustomer}
          onChange={(e) => set('hideCustomer', e.target.checked)}
        />
        <div className="form-grid">
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
            options={vocab.vocab
              .options('currencies')
              .map((o) => ({ code: o.code, label: o.code }))}
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
        </div>
      </section>
      <section className="card stack" aria-labelledby="who-sees">
        <h2 id="who-sees">Who sees it</h2>
        <VisibilityFields
          draft={draft}
          set={set}
          partners={partners}
          names={names}
          circles={circles}
          issues={issues}
        />
      </section>
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          Save opportunity
        </Button>
      </div>
    </form>
  );
}
