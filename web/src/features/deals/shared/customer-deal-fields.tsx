// The customer (name, domain) and the deal (value, currency, close date) of a new opportunity.
// `children` goes between the two groups: the deals form puts "hide the customer" there.
import type { ReactNode } from 'react';
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import type { Vocabularies } from '../../../lib/vocabularies.ts';
import { SelectField, TextField } from '../../../ui/field.tsx';
import type { CustomerDealDraft } from './customer-deal-draft.ts';

interface Props {
  draft: CustomerDealDraft;
  set: <K extends keyof CustomerDealDraft>(key: K, value: CustomerDealDraft[K]) => void;
  issues: readonly FieldIssue[];
  vocab: Vocabularies;
  children?: ReactNode;
}

export function CustomerDealFields({ draft, set, issues, vocab, children }: Props) {
  const err = (path: string) => errorFor(issues, path);
  return (
    <>
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
          hint="Their web domain, e.g. contoso.com: it stamps who introduced the customer first"
          value={draft.customerDomain}
          error={err('customerDomain')}
          onChange={(e) => set('customerDomain', e.target.value)}
        />
      </div>
      {children}
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
          options={vocab.options('currencies').map((o) => ({ code: o.code, label: o.code }))}
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
    </>
  );
}
