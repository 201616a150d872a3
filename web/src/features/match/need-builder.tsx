// The need builder: cells (capability x country) and whole-need options, then "Find partners".
// Every edit goes to the page URL (see need-url.ts); the parent sends the request.
import { useEffect, useRef, type FormEvent } from 'react';
import { errorAt, fieldId, type FieldIssue } from '../../lib/field-errors.ts';
import type { SubmitFailure } from '../../lib/use-submit.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { KIND_OPTIONS } from './cell-label.ts';
import { NeedCell } from './need-cell.tsx';
import { NeedOptions } from './need-options.tsx';
import { emptyCell, type NeedDraft } from './need-url.ts';

interface Props {
  need: NeedDraft;
  vocab: Vocabularies;
  failure: SubmitFailure | null;
  busy: boolean;
  onChange: (need: NeedDraft) => void;
  onSubmit: () => void;
}

const OPTION_LABELS: Record<string, string> = {
  needs: 'Cells',
  industry: 'Industry',
  language: 'Language',
  customerSize: 'Customer size',
  minCapacity: 'Minimum consultants available',
  designations: 'Required designations',
  maxShare: 'Largest share per partner',
  maxMembers: 'Most partners in the team',
};

/** Field paths the summary can link to, most specific first, with their names. */
function knownFields(need: NeedDraft): { known: string[]; labels: Record<string, string> } {
  const labels: Record<string, string> = { ...OPTION_LABELS };
  const known: string[] = [];
  need.cells.forEach((c, i) => {
    const p = `needs[${i}]`;
    const kind = KIND_OPTIONS.find((k) => k.code === c.kind)?.label ?? c.kind;
    labels[`${p}.${c.kind}`] = `Cell ${i + 1} ${kind.toLowerCase()}`;
    labels[`${p}.country`] = `Cell ${i + 1} country`;
    labels[`${p}.weight`] = `Cell ${i + 1} weight`;
    labels[p] = `Cell ${i + 1}`;
    known.push(`${p}.${c.kind}`, `${p}.country`, `${p}.weight`, p);
  });
  known.push(...Object.keys(OPTION_LABELS));
  return { known, labels };
}

export function NeedBuilder({ need, vocab, failure, busy, onChange, onSubmit }: Props) {
  const issues: readonly FieldIssue[] = failure?.issues ?? [];
  const { known, labels } = knownFields(need);
  const setCells = (cells: NeedDraft['cells']): void => onChange({ ...need, cells });
  const whole = errorAt(issues, 'needs');
  // After "Add a cell", keyboard users continue in the new cell.
  const count = useRef(need.cells.length);
  useEffect(() => {
    if (need.cells.length > count.current)
      document.getElementById(fieldId(`needs[${need.cells.length - 1}].kind`))?.focus();
    count.current = need.cells.length;
  }, [need.cells.length]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="need-title">
      <h2 id="need-title">What does your customer need, and where?</h2>
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={failure.issues}
          knownFields={known}
          labels={labels}
        />
      )}
      <div className="stack" id={fieldId('needs')} tabIndex={-1} style={{ gap: 12 }}>
        {need.cells.map((cell, i) => (
          <NeedCell
            key={i}
            index={i}
            cell={cell}
            vocab={vocab}
            issues={issues}
            onChange={(c) => setCells(need.cells.map((x, j) => (j === i ? c : x)))}
            onRemove={
              need.cells.length > 1 ? () => setCells(need.cells.filter((_, j) => j !== i)) : null
            }
          />
        ))}
        {whole !== undefined && (
          <p className="field__error" data-error-for="needs">
            {whole}
          </p>
        )}
        <div>
          <Button small onClick={() => setCells([...need.cells, emptyCell()])}>
            Add a cell
          </Button>
        </div>
      </div>
      <NeedOptions need={need} vocab={vocab} issues={issues} onChange={onChange} />
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          Find partners
        </Button>
      </div>
    </form>
  );
}
