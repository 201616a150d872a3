// The need as cells (what × where), like the matching page: a kind, a value and a country per row.
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import type { Vocabularies, VocabularyName } from '../../../lib/vocabularies.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/field.tsx';
import type { CellDraft, CellKind } from './opportunity-draft.ts';

const KINDS: readonly { code: CellKind; label: string; vocab: VocabularyName }[] = [
  { code: 'service', label: 'Service', vocab: 'services' },
  { code: 'product', label: 'Product', vocab: 'products' },
  { code: 'solutionArea', label: 'Solution area', vocab: 'solutionAreas' },
  { code: 'specialization', label: 'Specialization', vocab: 'specializations' },
];

export function CellsEditor({
  cells,
  onChange,
  vocab,
  issues,
}: {
  cells: readonly CellDraft[];
  onChange: (cells: CellDraft[]) => void;
  vocab: Vocabularies;
  issues: readonly FieldIssue[];
}) {
  const update = (i: number, patch: Partial<CellDraft>): void =>
    onChange(cells.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="stack" style={{ gap: 8 }}>
      <legend className="field__label">What the customer needs, and where</legend>
      {cells.length === 0 && <p className="small muted">No cells: the description says it all.</p>}
      {cells.map((c, i) => {
        const kind = KINDS.find((k) => k.code === c.kind) ?? KINDS[0]!;
        return (
          <div key={i} className="deal-cell-row">
            <SelectField
              label={`Need ${i + 1}: kind`}
              path={`cells[${i}].kind`}
              options={KINDS}
              value={c.kind}
              onChange={(e) => update(i, { kind: e.target.value as CellKind, code: '' })}
            />
            <SelectField
              label={`Need ${i + 1}: ${kind.label.toLowerCase()}`}
              path={`cells[${i}].code`}
              options={vocab.options(kind.vocab)}
              emptyLabel="Choose…"
              value={c.code}
              error={errorFor(issues, `cells[${i}].code`)}
              onChange={(e) => update(i, { code: e.target.value })}
            />
            <SelectField
              label={`Need ${i + 1}: country`}
              path={`cells[${i}].country`}
              options={vocab.options('countries')}
              emptyLabel="Choose…"
              value={c.country}
              error={errorFor(issues, `cells[${i}].country`)}
              onChange={(e) => update(i, { country: e.target.value })}
            />
            <Button small variant="ghost" onClick={() => onChange(cells.filter((_, j) => j !== i))}>
              Remove need {i + 1}
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          small
          onClick={() => onChange([...cells, { kind: 'service', code: '', country: '' }])}
        >
          Add a need
        </Button>
      </div>
    </fieldset>
  );
}
