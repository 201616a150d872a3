// A form over agreement terms: checks the typing locally, sends, and shows the server's field
// issues (paths such as terms.fee.rate) next to the fields and in one summary.
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldIssue } from '../../../lib/field-errors.ts';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import type { Terms } from '../deals-api.ts';
import { draftOfTerms, termPath, termsOfDraft, type TermsDraft } from './terms-draft.ts';
import { TERM_FIELDS, TermsFields } from './terms-fields.tsx';
import { TERM_LABELS } from './terms-labels.ts';

export function TermsEditor({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  before,
}: {
  initial: Terms;
  submitLabel: string;
  onSubmit: (terms: Terms) => Promise<void>;
  onCancel?: () => void;
  /** Fields shown above the terms (the arrangement type on create). */
  before?: ReactNode;
}) {
  const [draft, setDraft] = useState<TermsDraft>(() => draftOfTerms(initial));
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = useCallback(<K extends keyof TermsDraft>(key: K, value: TermsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  }, []);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const { terms, issues } = termsOfDraft(draft);
    if (issues.length > 0) {
      setFailure({ status: 400, title: 'Check the highlighted fields', detail: '', issues });
      return;
    }
    setBusy(true);
    setFailure(null);
    onSubmit(terms)
      .catch((err: unknown) => {
        const f = failureOf(err);
        setFailure({ ...f, issues: f.issues.map((i) => ({ ...i, path: termPath(i.path) })) });
      })
      .finally(() => setBusy(false));
  };
  const issues: FieldIssue[] = failure?.issues ?? [];
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Agreement terms">
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={TERM_FIELDS}
          labels={TERM_LABELS}
        />
      )}
      {before}
      <TermsFields draft={draft} set={set} issues={issues} />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel !== undefined && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
