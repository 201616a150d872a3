// "Save as opportunity": the small form's state and the POST /opportunities body it becomes.
// The need's cells go in as they are; the customer, value and date are what the form asks, checked
// as the deals form checks them.
import type { FieldIssue } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import {
  customerDealOf,
  emptyCustomerDeal,
  type CustomerDealDraft,
} from '../deals/shared/customer-deal-draft.ts';
import { cellText } from './cell-label.ts';
import type { OpportunityBody, TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';

export interface SaveDraft extends CustomerDealDraft {
  visibility: 'private' | 'network';
  description: string;
}

/** A blank form whose description already names the proposed team. */
export const emptySaveDraft = (description: string): SaveDraft => ({
  ...emptyCustomerDeal(),
  visibility: 'private',
  description,
});

/** A description naming the proposed team, so the opportunity remembers who was suggested. */
export function teamSummary(
  team: TeamResponse,
  cells: readonly CellDraft[],
  vocab: Vocabularies,
): string {
  const line = (i: number): string => {
    const c = cells[i];
    return c === undefined ? `cell ${i + 1}` : cellText(c, vocab);
  };
  const members = team.members.map((m) => `${m.org.name}: ${m.cells.map(line).join('; ')}`);
  const uncovered = team.uncovered.map(line);
  return [
    'Team proposed by Circles matching.',
    ...members,
    ...(uncovered.length === 0 ? [] : [`Uncovered: ${uncovered.join('; ')}`]),
  ].join('\n');
}

export function saveBody(
  d: SaveDraft,
  cells: readonly CellDraft[],
): { body: OpportunityBody; issues: FieldIssue[] } {
  const { body, issues } = customerDealOf(d);
  return {
    body: {
      ...body,
      hideCustomer: false,
      visibility: d.visibility,
      cells: cells.map((c) => ({ kind: c.kind, code: c.code, country: c.country })),
      ...(d.description.trim() === '' ? {} : { description: d.description }),
    },
    issues,
  };
}
