// The typed terms of an agreement as form fields; errors appear under the field they name.
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import { useVocabularies } from '../../../lib/vocabularies.ts';
import { SelectField, TextField } from '../../../ui/field.tsx';
import {
  CONFIDENTIALITY_LABELS,
  DISPUTE_LABELS,
  FEE_BASIS_LABELS,
  PARTY_LABELS,
  TERM_LABELS,
} from './terms-labels.ts';
import type { TermsDraft } from './terms-draft.ts';

const options = (labels: Readonly<Record<string, string>>, only?: readonly string[]) =>
  Object.entries(labels)
    .filter(([code]) => only === undefined || only.includes(code))
    .map(([code, label]) => ({ code, label }));

const FALLBACK_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY'];

export function TermsFields({
  draft,
  set,
  issues,
}: {
  draft: TermsDraft;
  set: <K extends keyof TermsDraft>(key: K, value: TermsDraft[K]) => void;
  issues: readonly FieldIssue[];
}) {
  const vocab = useVocabularies();
  const currencies =
    vocab.status === 'ready' && vocab.vocab.options('currencies').length > 0
      ? vocab.vocab
          .options('currencies')
          .map((o) => ({ code: o.code, label: `${o.code} · ${o.label}` }))
      : FALLBACK_CURRENCIES.map((c) => ({ code: c, label: c }));
  const err = (path: string) => errorFor(issues, path);
  const label = (path: string) => TERM_LABELS[path] ?? path;
  const rated = draft.feeBasis === 'percent-of-revenue' || draft.feeBasis === 'revenue-share';
  return (
    <div className="stack">
      <fieldset className="form-grid">
        <legend className="section-title">Fee</legend>
        <SelectField
          label={label('fee.basis')}
          path="fee.basis"
          options={options(FEE_BASIS_LABELS)}
          value={draft.feeBasis}
          error={err('fee.basis')}
          onChange={(e) => set('feeBasis', e.target.value as TermsDraft['feeBasis'])}
        />
        {rated && (
          <TextField
            label="Fee rate (%)"
            path="fee.rate"
            inputMode="decimal"
            hint="Of the realised value of a won referral, e.g. 10"
            value={draft.ratePercent}
            error={err('fee.rate')}
            onChange={(e) => set('ratePercent', e.target.value)}
          />
        )}
        {draft.feeBasis === 'fixed-fee' && (
          <TextField
            label={`Fixed fee (${draft.currency})`}
            path="fee.amount.amount"
            inputMode="decimal"
            value={draft.fixedAmount}
            error={err('fee.amount')}
            onChange={(e) => set('fixedAmount', e.target.value)}
          />
        )}
        <SelectField
          label={label('feePayer')}
          path="feePayer"
          options={options(PARTY_LABELS, ['sender', 'receiver'])}
          value={draft.feePayer}
          error={err('feePayer')}
          onChange={(e) => set('feePayer', e.target.value as TermsDraft['feePayer'])}
        />
        <SelectField
          label={label('currency')}
          path="currency"
          options={currencies}
          value={draft.currency}
          error={err('currency')}
          onChange={(e) => set('currency', e.target.value)}
        />
        <TextField
          label={label('paymentDays')}
          path="paymentDays"
          inputMode="numeric"
          hint="Days from invoice to payment"
          value={draft.paymentDays}
          error={err('paymentDays')}
          onChange={(e) => set('paymentDays', e.target.value)}
        />
      </fieldset>
      <fieldset className="form-grid">
        <legend className="section-title">Term and protection</legend>
        <TextField
          label={label('effectiveFrom')}
          path="effectiveFrom"
          type="date"
          value={draft.effectiveFrom}
          error={err('effectiveFrom')}
          onChange={(e) => set('effectiveFrom', e.target.value)}
        />
        <TextField
          label={label('durationMonths')}
          path="durationMonths"
          inputMode="numeric"
          hint="Empty: until either side ends it"
          value={draft.durationMonths}
          error={err('durationMonths')}
          onChange={(e) => set('durationMonths', e.target.value)}
        />
        <TextField
          label={label('nonCircumventionMonths')}
          path="nonCircumventionMonths"
          inputMode="numeric"
          hint="Neither side goes around the other to the customer"
          value={draft.nonCircumventionMonths}
          error={err('nonCircumventionMonths')}
          onChange={(e) => set('nonCircumventionMonths', e.target.value)}
        />
        <SelectField
          label={label('customerRelationshipOwner')}
          path="customerRelationshipOwner"
          options={options(PARTY_LABELS)}
          value={draft.customerRelationshipOwner}
          error={err('customerRelationshipOwner')}
          onChange={(e) =>
            set(
              'customerRelationshipOwner',
              e.target.value as TermsDraft['customerRelationshipOwner'],
            )
          }
        />
        <SelectField
          label={label('confidentiality')}
          path="confidentiality"
          options={options(CONFIDENTIALITY_LABELS)}
          value={draft.confidentiality}
          error={err('confidentiality')}
          onChange={(e) => set('confidentiality', e.target.value as TermsDraft['confidentiality'])}
        />
        <SelectField
          label={label('disputeRoute')}
          path="disputeRoute"
          options={options(DISPUTE_LABELS)}
          value={draft.disputeRoute}
          error={err('disputeRoute')}
          onChange={(e) => set('disputeRoute', e.target.value as TermsDraft['disputeRoute'])}
        />
      </fieldset>
    </div>
  );
}

/** Inputs on the terms form, for the error summary's links. */
export const TERM_FIELDS = [
  'fee.basis',
  'fee.rate',
  'fee.amount.amount',
  'feePayer',
  'currency',
  'paymentDays',
  'effectiveFrom',
  'durationMonths',
  'nonCircumventionMonths',
  'customerRelationshipOwner',
  'confidentiality',
  'disputeRoute',
] as const;
