// "Save as opportunity": the small form's state and the POST /opportunities body it becomes.
// The need's cells go in as they are; the customer, value and date are what the form asks.
import type { FieldIssue } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { toMinor } from '../deals/shared/money-input.ts';
import { cellText } from './cell-label.ts';
import type { OpportunityBody, TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';

export interface SaveDraft {
  customerName: string;
  customerDomain: string;
  value: string;
  currency: string;
  expectedCloseDate: string;
  visibility: 'private' | 'network';
  description: string;
}

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
  const issues: FieldIssue[] = [];
  const amount = toMinor(d.value, d.currency);
  if (amount === null)
    issues.push({ path: 'value.amount', message: `An amount in ${d.currency}, such as 25000` });
  if (d.customerName.trim() === '') issues.push({ path: 'customerName', message: 'Required' });
  if (d.customerDomain.trim() === '')
    issues.push({ path: 'customerDomain', message: 'Required: the customer’s web domain' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.expectedCloseDate))
    issues.push({ path: 'expectedCloseDate', message: 'Must be a date (YYYY-MM-DD)' });
  return {
    body: {
      customerName: d.customerName,
      customerDomain: d.customerDomain.trim(),
      hideCustomer: false,
      value: { amount: amount ?? 0, currency: d.currency },
      expectedCloseDate: d.expectedCloseDate,
      visibility: d.visibility,
      cells: cells.map((c) => ({ kind: c.kind, code: c.code, country: c.country })),
      ...(d.description.trim() === '' ? {} : { description: d.description }),
    },
    issues,
  };
}
