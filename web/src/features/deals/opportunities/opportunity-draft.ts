// The opportunity form's state (as typed) and the request body it becomes.
import type { FieldIssue } from '../../../lib/field-errors.ts';
import type { OpportunityBody } from '../deals-api.ts';
import {
  customerDealOf,
  emptyCustomerDeal,
  type CustomerDealDraft,
} from '../shared/customer-deal-draft.ts';

export type CellKind = 'service' | 'product' | 'solutionArea' | 'specialization';
export type Visibility = OpportunityBody['visibility'];

export interface CellDraft {
  kind: CellKind;
  code: string;
  country: string;
}

export interface OpportunityDraft extends CustomerDealDraft {
  description: string;
  cells: CellDraft[];
  hideCustomer: boolean;
  visibility: Visibility;
  selectedOrgIds: string[];
  competitorOrgIds: string[];
  /** For visibility "circle". */
  circleId: string;
}

export const emptyOpportunity = (currency = 'EUR'): OpportunityDraft => ({
  ...emptyCustomerDeal(currency),
  description: '',
  cells: [],
  hideCustomer: false,
  visibility: 'selected',
  selectedOrgIds: [],
  competitorOrgIds: [],
  circleId: '',
});

export function bodyOf(d: OpportunityDraft): { body: OpportunityBody; issues: FieldIssue[] } {
  const customerDeal = customerDealOf(d);
  const issues: FieldIssue[] = [...customerDeal.issues];
  if (d.visibility === 'circle' && d.circleId === '')
    issues.push({ path: 'circleId', message: 'Choose the circle that sees it' });
  d.cells.forEach((c, i) => {
    if (c.code === '') issues.push({ path: `cells[${i}].code`, message: 'Choose a value' });
    if (c.country === '') issues.push({ path: `cells[${i}].country`, message: 'Choose a country' });
  });
  const body: OpportunityBody = {
    ...customerDeal.body,
    hideCustomer: d.hideCustomer,
    visibility: d.visibility,
    ...(d.description.trim() === '' ? {} : { description: d.description }),
    ...(d.cells.length === 0 ? {} : { cells: d.cells }),
    ...(d.visibility === 'selected' ? { selectedOrgIds: d.selectedOrgIds } : {}),
    ...(d.visibility === 'circle' ? { circleId: d.circleId } : {}),
    ...(d.competitorOrgIds.length === 0 ? {} : { competitorOrgIds: d.competitorOrgIds }),
  };
  return { body, issues };
}
