// New opportunity: the need (cells or a description), the customer (may be hidden), value and
// close date, and who may see it.
import { useCallback, useState, type FormEvent } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import { navigate } from '../../../lib/router.tsx';
import { useMe } from '../../../lib/session.tsx';
import { useVocabularies } from '../../../lib/vocabularies.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { CheckboxField, TextAreaField } from '../../../ui/field.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { createOpportunity, listPartnerships } from '../deals-api.ts';
import { partnerOf } from '../partnerships/partnership-status.ts';
import { CUSTOMER_DEAL_LABELS } from '../shared/customer-deal-draft.ts';
import { CustomerDealFields } from '../shared/customer-deal-fields.tsx';
import { useOrgNames } from '../shared/org-names.ts';
import { useCreateOpportunity } from '../shared/use-create-opportunity.ts';
import { useLoad } from '../shared/use-load.ts';
import { listCircles } from '../circles/circles-api.ts';
import { CellsEditor } from './cells-editor.tsx';
import { bodyOf, emptyOpportunity, type OpportunityDraft } from './opportunity-draft.ts';
import { VisibilityFields } from './visibility-fields.tsx';

const LABELS: Record<string, string> = {
  description: 'Description',
  cells: 'Needs',
  ...CUSTOMER_DEAL_LABELS,
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
  const { busy, failure, submit } = useCreateOpportunity(createOpportunity, (id) =>
    navigate(`/opportunities/${encodeURIComponent(id)}`),
  );
  const set = useCallback(
    <K extends keyof OpportunityDraft>(key: K, value: OpportunityDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
    },
    [],
  );

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    submit(bodyOf(draft));
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
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="New opportunity">
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
        <CustomerDealFields draft={draft} set={set} issues={issues} vocab={vocab.vocab}>
          <CheckboxField
            label="Hide the customer’s name and domain from other organizations"
            path="hideCustomer"
            checked={draft.hideCustomer}
            onChange={(e) => set('hideCustomer', e.target.checked)}
          />
        </CustomerDealFields>
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
