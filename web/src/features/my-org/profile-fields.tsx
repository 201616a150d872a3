// The sections of the profile form. Coded fields use vocabulary pickers, never free text.
import { errorFor, type FieldIssue } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { VocabularyPicker } from '../../ui/vocabulary-picker.tsx';
import type { CodedField, Draft } from './profile-draft.ts';
import { OfficesEditor, RateCardEditor, SkillsEditor } from './repeat-editors.tsx';

export const FIELD_LABELS: Record<string, string> = {
  name: 'Organization name',
  website: 'Website',
  hqCountry: 'Headquarters country',
  employeeBand: 'Employees',
  foundedYear: 'Founded',
  description: 'Description',
  skills: 'Skills',
  partnerTypes: 'Partner types',
  services: 'Services',
  products: 'Products',
  industries: 'Industries',
  customerSizes: 'Customer sizes',
  solutionAreas: 'Solution areas',
  designations: 'Designations',
  specializations: 'Specializations',
  countries: 'Countries served',
  languages: 'Languages',
  teaming: 'Teaming',
  'teaming.open': 'Open to teaming',
  'teaming.seeks': 'What you are looking for',
  capacity: 'Capacity',
  'capacity.availableConsultants': 'Consultants available',
  'capacity.bench': 'On the bench',
  rateCard: 'Rate card',
  offices: 'Offices',
};

interface Props {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  issues: readonly FieldIssue[];
  vocab: Vocabularies;
  disabled: boolean;
}

const PICKER_HINTS: Partial<Record<CodedField, string>> = {
  specializations: 'Each specialization needs the designation of its solution area.',
  countries: 'Where you sell or deliver; your HQ country is usually one of them.',
};

export function ProfileFields({ draft, set, issues, vocab, disabled }: Props) {
  const err = (path: string) => errorFor(issues, path);
  const picker = (field: CodedField) => (
    <VocabularyPicker
      label={FIELD_LABELS[field] ?? field}
      path={field}
      options={vocab.options(field)}
      value={draft[field]}
      onChange={(v) => set(field, v)}
      hint={PICKER_HINTS[field]}
      error={err(field)}
      disabled={disabled}
    />
  );
  return (
    <>
      <section className="card stack" aria-labelledby="sec-basics">
        <h2 id="sec-basics">Basics</h2>
        <div className="form-grid">
          <TextField
            label="Organization name"
            path="name"
            value={draft.name}
            disabled={disabled}
            onChange={(e) => set('name', e.target.value)}
            error={err('name')}
          />
          <TextField
            label="Website"
            path="website"
            type="url"
            placeholder="https://…"
            value={draft.website}
            disabled={disabled}
            onChange={(e) => set('website', e.target.value)}
            error={err('website')}
          />
          <SelectField
            label="Headquarters country"
            path="hqCountry"
            options={vocab.options('countries')}
            value={draft.hqCountry}
            disabled={disabled}
            onChange={(e) => set('hqCountry', e.target.value)}
            error={err('hqCountry')}
          />
          <SelectField
            label="Employees"
            path="employeeBand"
            options={vocab.options('employeeBands')}
            emptyLabel="Not set"
            value={draft.employeeBand}
            disabled={disabled}
            onChange={(e) => set('employeeBand', e.target.value)}
            error={err('employeeBand')}
          />
          <TextField
            label="Founded"
            path="foundedYear"
            inputMode="numeric"
            placeholder="e.g. 2009"
            value={draft.foundedYear}
            disabled={disabled}
            onChange={(e) => set('foundedYear', e.target.value)}
            error={err('foundedYear')}
          />
        </div>
        <TextAreaField
          label="Description"
          path="description"
          hint={`${draft.description.length} / 2,500 characters`}
          rows={5}
          value={draft.description}
          disabled={disabled}
          onChange={(e) => set('description', e.target.value)}
          error={err('description')}
        />
      </section>

      <section className="card stack" aria-labelledby="sec-capabilities">
        <h2 id="sec-capabilities">Capabilities</h2>
        {picker('partnerTypes')}
        {picker('services')}
        {picker('products')}
        {picker('industries')}
        {picker('customerSizes')}
        {picker('solutionAreas')}
        <SkillsEditor
          skills={draft.skills}
          onChange={(s) => set('skills', s)}
          error={err('skills')}
          disabled={disabled}
        />
      </section>

      <section className="card stack" aria-labelledby="sec-programme">
        <h2 id="sec-programme">Microsoft partner programme</h2>
        {picker('designations')}
        {picker('specializations')}
      </section>

      <section className="card stack" aria-labelledby="sec-reach">
        <h2 id="sec-reach">Reach</h2>
        {picker('countries')}
        {picker('languages')}
      </section>

      <section className="card stack" aria-labelledby="sec-teaming">
        <h2 id="sec-teaming">Teaming and capacity</h2>
        <CheckboxField
          label="We are open to teaming with other partners"
          path="teaming.open"
          checked={draft.teamingOpen}
          disabled={disabled}
          onChange={(e) => set('teamingOpen', e.target.checked)}
          error={err('teaming.open')}
        />
        <TextAreaField
          label="What you are looking for"
          path="teaming.seeks"
          rows={3}
          hint="e.g. A Dynamics 365 partner in the Nordics for a retail rollout"
          value={draft.teamingSeeks}
          disabled={disabled}
          onChange={(e) => set('teamingSeeks', e.target.value)}
          error={err('teaming.seeks')}
        />
        <div className="form-grid">
          <TextField
            label="Consultants available"
            path="capacity.availableConsultants"
            inputMode="numeric"
            value={draft.availableConsultants}
            disabled={disabled}
            onChange={(e) => set('availableConsultants', e.target.value)}
            error={err('capacity.availableConsultants')}
          />
          <TextField
            label="On the bench"
            path="capacity.bench"
            inputMode="numeric"
            value={draft.bench}
            disabled={disabled}
            onChange={(e) => set('bench', e.target.value)}
            error={err('capacity.bench')}
          />
        </div>
      </section>

      <section className="card stack" aria-labelledby="sec-rates">
        <h2 id="sec-rates">Rate card</h2>
        <RateCardEditor
          rows={draft.rateCard}
          onChange={(r) => set('rateCard', r)}
          issues={issues}
          disabled={disabled}
          currencies={vocab.options('currencies')}
        />
      </section>

      <section className="card stack" aria-labelledby="sec-offices">
        <h2 id="sec-offices">Offices</h2>
        <OfficesEditor
          rows={draft.offices}
          onChange={(r) => set('offices', r)}
          issues={issues}
          disabled={disabled}
          countries={vocab.options('countries')}
        />
      </section>
    </>
  );
}
