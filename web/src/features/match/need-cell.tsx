// One cell of the need: a capability (kind + code) in one country, with an optional weight.
// Errors the API reports for `needs[i]...` appear next to the control they name.
import type { CellKindKey } from '@contract/matching.contract.ts';
import { errorAt, errorFor, fieldId, type FieldIssue } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { KIND_OPTIONS, KIND_VOCABULARY } from './cell-label.ts';
import type { CellDraft } from './need-url.ts';
import { SinglePicker } from './single-picker.tsx';

interface Props {
  index: number;
  cell: CellDraft;
  vocab: Vocabularies;
  issues: readonly FieldIssue[];
  onChange: (cell: CellDraft) => void;
  onRemove: (() => void) | null;
}

export function NeedCell({ index, cell, vocab, issues, onChange, onRemove }: Props) {
  const path = `needs[${index}]`;
  const kindLabel = KIND_OPTIONS.find((k) => k.code === cell.kind)?.label ?? 'Service';
  const whole = errorAt(issues, path);
  const other = KIND_OPTIONS.map((k) => errorFor(issues, `${path}.${k.code}`)).filter(
    (m, i) => m !== undefined && KIND_OPTIONS[i]?.code !== cell.kind,
  );
  return (
    <fieldset
      className="match-cell"
      id={fieldId(path)}
      tabIndex={-1}
      data-invalid={whole !== undefined}
    >
      <legend className="match-cell__legend">Cell {index + 1}</legend>
      <div className="match-cell__grid">
        <SelectField
          label="Capability kind"
          path={`${path}.kind`}
          options={KIND_OPTIONS}
          value={cell.kind}
          onChange={(e) => onChange({ ...cell, kind: e.target.value as CellKindKey, code: '' })}
        />
        <SinglePicker
          label={kindLabel}
          path={`${path}.${cell.kind}`}
          options={vocab.options(KIND_VOCABULARY[cell.kind])}
          value={cell.code}
          error={errorFor(issues, `${path}.${cell.kind}`) ?? other[0]}
          onChange={(code) => onChange({ ...cell, code })}
        />
        <SinglePicker
          label="Country"
          path={`${path}.country`}
          options={vocab.options('countries')}
          value={cell.country}
          error={errorFor(issues, `${path}.country`)}
          onChange={(country) => onChange({ ...cell, country })}
        />
        <TextField
          label="Weight (optional)"
          path={`${path}.weight`}
          placeholder="1"
          inputMode="decimal"
          value={cell.weight}
          error={errorFor(issues, `${path}.weight`)}
          onChange={(e) => onChange({ ...cell, weight: e.target.value })}
        />
      </div>
      {whole !== undefined && (
        <p className="field__error" data-error-for={path}>
          {whole}
        </p>
      )}
      {onRemove !== null && (
        <div>
          <Button small variant="ghost" onClick={onRemove}>
            Remove cell {index + 1}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
