// The opportunity form's state (as typed) and the request body it becomes.
import type { FieldIssue } from '../../../lib/field-errors.ts';
import type { OpportunityBody } from '../deals-api.ts';
import { toMinor } from '../shared/money-input.ts';

export type CellKind = 'service' | 'product' | 'solutionArea' | 'specialization';
export type Visibility = OpportunityBody['visibility'];

export interface CellDraft {
  kind: CellKind;
  code: string;
  country: string;
}

export interface OpportunityDraft {
  description: string;
  cells: CellDraft[];
  customerName: string;
  customerDomain: string;
  hideCustomer: boolean;
  value: string;
  currency: string;
  expectedCloseDate: string;
  visibility: Visibility;
  selectedOrgIds: string[];
  competitorOrgIds: string[];
  /** For visibility "circle". */
  circleId: string;
}

export const emptyOpportunity = (currency = 'EUR'): OpportunityDraft => ({
  description: '',
  cells: [],
  customerName: '',
  customerDomain: '',
  hideCustomer: false,
  value: '',
  currency,
  expectedCloseDate: '',
  visibility: 'selected',
  selectedOrgIds: [],
  competitorOrgIds: [],
  circleId: '',
});

export function bodyOf(d: OpportunityDraft): { body: OpportunityBody; issues: FieldIssue[] } {
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
  if (d.visibility === 'circle' && d.circleId === '')
    issues.push({ path: 'circleId', message: 'Choose the circle that sees it' });
  d.cells.forEach((c, i) => {
    if (c.code === '') issues.push({ path: `cells[${i}].code`, message: 'Choose a value' });
    if (c.country === '') issues.push({ path: `cells[${i}].country`, message: 'Choose a country' });
  });
  const body: OpportunityBody = {
    customerName: d.customerName,
    customerDomain: d.customerDomain.trim(),
    hideCustomer: d.hideCustomer,
    value: { amount: amount ?? 0, currency: d.currency },
    expectedCloseDate: d.expectedCloseDate,
    visibility: d.visibility,
    ...(d.description.trim() === '' ? {} : { description: d.description }),
    ...(d.cells.length === 0 ? {} : { cells: d.cells }),
    ...(d.visibility === 'selected' ? { selectedOrgIds: d.selectedOrgIds } : {}),
    ...(d.visibility === 'circle' ? { circleId: d.circleId } : {}),
    ...(d.competitorOrgIds.length === 0 ? {} : { competitorOrgIds: d.competitorOrgIds }),
  };
  return { body, issues };
}
