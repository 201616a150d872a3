// Options for the whole need: industry, language, customer size, capacity, designations, and
// whether partners that duplicate your own offering are left out.
import { errorFor, type FieldIssue } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { CheckboxField, SelectField, TextField } from '../../ui/field.tsx';
import { VocabularyPicker } from '../../ui/vocabulary-picker.tsx';
import type { NeedDraft } from './need-url.ts';

interface Props {
  need: NeedDraft;
  vocab: Vocabularies;
  issues: readonly FieldIssue[];
  onChange: (need: NeedDraft) => void;
}

export function NeedOptions({ need, vocab, issues, onChange }: Props) {
  const set = <K extends keyof NeedDraft>(key: K, value: NeedDraft[K]): void =>
    onChange({ ...need, [key]: value });
  return (
    <fieldset className="stack">
      <legend className="section-title">For the whole need (optional)</legend>
      <div className="form-grid">
        <SelectField
          label="Industry"
          path="industry"
          options={vocab.options('industries')}
          emptyLabel="Any industry"
          value={need.industry}
          error={errorFor(issues, 'industry')}
          onChange={(e) => set('industry', e.target.value)}
        />
        <SelectField
          label="Language"
          path="language"
          options={vocab.options('languages')}
          emptyLabel="Any language"
          value={need.language}
          error={errorFor(issues, 'language')}
          onChange={(e) => set('language', e.target.value)}
        />
        <SelectField
          label="Customer size"
          path="customerSize"
          options={vocab.options('customerSizes')}
          emptyLabel="Any size"
          value={need.customerSize}
          error={errorFor(issues, 'customerSize')}
          onChange={(e) => set('customerSize', e.target.value)}
        />
        <TextField
          label="Minimum consultants available"
          path="minCapacity"
          inputMode="numeric"
          value={need.minCapacity}
          error={errorFor(issues, 'minCapacity')}
          onChange={(e) => set('minCapacity', e.target.value)}
        />
      </div>
      <VocabularyPicker
        label="Required designations"
        path="designations"
        hint="Every partner must hold all of them"
        options={vocab.options('designations')}
        value={need.designations}
        error={errorFor(issues, 'designations')}
        onChange={(next) => set('designations', next)}
      />
      <CheckboxField
        label="Leave out partners whose offering duplicates ours (otherwise they only rank lower)"
        path="excludeCompetitors"
        checked={need.excludeCompetitors}
        error={errorFor(issues, 'excludeCompetitors')}
        onChange={(e) => set('excludeCompetitors', e.target.checked)}
      />
    </fieldset>
  );
}
