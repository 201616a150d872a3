// Repeated rows of the profile form: the rate card, the offices, and free-text skill tags.
import { useState } from 'react';
import { errorAt, type FieldIssue } from '../../lib/field-errors.ts';
import type { Option } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { Chip } from '../../ui/chip.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import type { OfficeRow, RateRow } from './profile-draft.ts';

interface RowsProps<T> {
  rows: T[];
  onChange: (rows: T[]) => void;
  issues: readonly FieldIssue[];
  disabled: boolean;
}

function update<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

export function RateCardEditor({
  rows,
  onChange,
  issues,
  disabled,
  currencies,
}: RowsProps<RateRow> & { currencies: readonly Option[] }) {
  const currencyOptions = currencies.map((c) => ({
    code: c.code,
    label: `${c.code} — ${c.label}`,
  }));
  return (
    <div className="stack">
      {rows.length === 0 && (
        <p className="muted small">
          No rates yet. Partners compare day rates when they staff joint projects.
        </p>
      )}
      {rows.map((r, i) => (
        <div key={i} className="repeat-row" role="group" aria-label={`Rate ${i + 1}`}>
          <TextField
            label="Role"
            path={`rateCard[${i}].role`}
            value={r.role}
            disabled={disabled}
            onChange={(e) => onChange(update(rows, i, { role: e.target.value }))}
            error={errorAt(issues, `rateCard[${i}].role`)}
          />
          <TextField
            label="Day rate"
            path={`rateCard[${i}].dayRate.amount`}
            inputMode="decimal"
            value={r.amount}
            disabled={disabled}
            onChange={(e) => onChange(update(rows, i, { amount: e.target.value }))}
            error={errorAt(issues, `rateCard[${i}].dayRate.amount`)}
          />
          <SelectField
            label="Currency"
            path={`rateCard[${i}].dayRate.currency`}
            options={currencyOptions}
            value={r.currency}
            disabled={disabled}
            onChange={(e) => onChange(update(rows, i, { currency: e.target.value }))}
            error={
              errorAt(issues, `rateCard[${i}].dayRate.currency`) ??
              errorAt(issues, `rateCard[${i}].dayRate`) ??
              errorAt(issues, `rateCard[${i}]`)
            }
          />
          {!disabled && (
            <Button
              small
              variant="danger"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={`Remove rate ${i + 1}`}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      {!disabled && (
        <div>
          <Button
            small
            onClick={() =>
              onChange([
                ...rows,
                { role: '', amount: '', currency: rows.at(-1)?.currency ?? 'EUR' },
              ])
            }
          >
            Add a rate
          </Button>
        </div>
      )}
    </div>
  );
}

export function OfficesEditor({
  rows,
  onChange,
  issues,
  disabled,
  countries,
}: RowsProps<OfficeRow> & { countries: readonly Option[] }) {
  return (
    <div className="stack">
      {rows.length === 0 && <p className="muted small">No offices listed (up to 5 per country).</p>}
      {rows.map((o, i) => (
        <div key={i} className="stack" style={{ gap: 4 }}>
          <div className="repeat-row" role="group" aria-label={`Office ${i + 1}`}>
            <TextField
              label="City"
              path={`offices[${i}].city`}
              value={o.city}
              disabled={disabled}
              onChange={(e) => onChange(update(rows, i, { city: e.target.value }))}
              error={errorAt(issues, `offices[${i}].city`)}
            />
            <SelectField
              label="Country"
              path={`offices[${i}].country`}
              options={countries}
              emptyLabel="Choose…"
              value={o.country}
              disabled={disabled}
              onChange={(e) => onChange(update(rows, i, { country: e.target.value }))}
              error={errorAt(issues, `offices[${i}].country`)}
            />
            <TextField
              label="Address (optional)"
              path={`offices[${i}].address`}
              value={o.address}
              disabled={disabled}
              onChange={(e) => onChange(update(rows, i, { address: e.target.value }))}
              error={errorAt(issues, `offices[${i}].address`)}
            />
            {!disabled && (
              <Button
                small
                variant="danger"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={`Remove office ${i + 1}`}
              >
                Remove
              </Button>
            )}
          </div>
          {errorAt(issues, `offices[${i}]`) !== undefined && (
            <span className="field__error">{errorAt(issues, `offices[${i}]`)}</span>
          )}
        </div>
      ))}
      {!disabled && (
        <div>
          <Button small onClick={() => onChange([...rows, { country: '', city: '', address: '' }])}>
            Add an office
          </Button>
        </div>
      )}
    </div>
  );
}

export function SkillsEditor({
  skills,
  onChange,
  error,
  disabled,
}: {
  skills: string[];
  onChange: (s: string[]) => void;
  error?: string | undefined;
  disabled: boolean;
}) {
  const [text, setText] = useState('');
  const add = (): void => {
    const s = text.trim();
    if (s !== '' && !skills.includes(s)) onChange([...skills, s]);
    setText('');
  };
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <div style={{ flex: 1 }}>
          <TextField
            label="Skills"
            path="skills"
            hint="Free-text tags that search matches, e.g. Power BI, SAP migration. Press Enter to add."
            value={text}
            disabled={disabled}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            error={error}
          />
        </div>
        {!disabled && (
          <Button small onClick={add}>
            Add
          </Button>
        )}
      </div>
      {skills.length > 0 && (
        <div className="row" style={{ gap: 6 }}>
          {skills.map((s) =>
            disabled ? (
              <span key={s} className="badge">
                {s}
              </span>
            ) : (
              <Chip key={s} label={s} onRemove={() => onChange(skills.filter((x) => x !== s))} />
            ),
          )}
        </div>
      )}
    </div>
  );
}
