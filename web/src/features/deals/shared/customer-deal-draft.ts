// The customer and deal-value fields every new opportunity asks for (the deals form and the match
// page's "Save as opportunity"): their state as typed, their checks, and the body part they become.
import type { FieldIssue } from '../../../lib/field-errors.ts';
import type { OpportunityBody } from '../deals-api.ts';
import { toMinor } from './money-input.ts';

export interface CustomerDealDraft {
  customerName: string;
  customerDomain: string;
  /** As typed, in major units ("25,000.50"). */
  value: string;
  currency: string;
  expectedCloseDate: string;
}

export type CustomerDealBody = Pick<
  OpportunityBody,
  'customerName' | 'customerDomain' | 'value' | 'expectedCloseDate'
>;

/** Error-summary labels of these fields, by API path. */
export const CUSTOMER_DEAL_LABELS: Readonly<Record<string, string>> = {
  customerName: 'Customer name',
  customerDomain: 'Customer domain',
  'value.amount': 'Value',
  'value.currency': 'Currency',
  value: 'Value',
  expectedCloseDate: 'Expected close date',
};

export const emptyCustomerDeal = (currency = 'EUR'): CustomerDealDraft => ({
  customerName: '',
  customerDomain: '',
  value: '',
  currency,
  expectedCloseDate: '',
});

/** The body part, and what to fix first; the server still checks the domain is registrable. */
export function customerDealOf(d: CustomerDealDraft): {
  body: CustomerDealBody;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  if (d.customerName.trim() === '') issues.push({ path: 'customerName', message: 'Required' });
  if (d.customerDomain.trim() === '')
    issues.push({
      path: 'customerDomain',
      message: 'Required: the customer’s web domain, e.g. contoso.com',
    });
  const amount = toMinor(d.value, d.currency);
  if (amount === null)
    issues.push({ path: 'value.amount', message: `An amount in ${d.currency}, such as 25000` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.expectedCloseDate))
    issues.push({ path: 'expectedCloseDate', message: 'Must be a date (YYYY-MM-DD)' });
  const body: CustomerDealBody = {
    customerName: d.customerName,
    customerDomain: d.customerDomain.trim(),
    value: { amount: amount ?? 0, currency: d.currency },
    expectedCloseDate: d.expectedCloseDate,
  };
  return { body, issues };
}
