// Opportunities: a customer need one org owns and shares with chosen eyes. Visibility is decided
// here (pure) and mirrored by the repository's list query; competitors never see an opportunity.
import type { Money } from '../profile/profile.ts';
import type { FieldIssue } from '../shared/errors.ts';
import { CELL_KINDS, CELL_VOCABULARY, isCellKind, type CellKind } from '../matching/need.ts';
import { checkCode } from '../taxonomy/check-codes.ts';
import { customerDomainOf } from './attribution.ts';
import { NO_CIRCLES, sharesCircle, type CircleRoster } from './circle.ts';
import { isIsoDate } from './iso-date.ts';
import { checkMoney, type Amount } from './money.ts';

export const OPPORTUNITY_VISIBILITIES = ['private', 'selected', 'circle', 'network'] as const;
export type OpportunityVisibility = (typeof OPPORTUNITY_VISIBILITIES)[number];

export interface OpportunityCell {
  kind: CellKind;
  code: string;
  country: string;
}

export interface OpportunityInput {
  description?: string | undefined;
  cells?: readonly OpportunityCell[] | undefined;
  customerName: string;
  /** A domain, URL or e-mail address of the customer; stored as its registrable domain. */
  customerDomain: string;
  hideCustomer: boolean;
  value: Money;
  expectedCloseDate: string;
  visibility: OpportunityVisibility;
  selectedOrgIds?: readonly string[] | undefined;
  competitorOrgIds?: readonly string[] | undefined;
  /** The circle it is shared with, for visibility "circle". */
  circleId?: string | undefined;
}

export interface Opportunity {
  id: string;
  ownerOrgId: string;
  /** Shared by every referral made on this opportunity (Partner Center's engagementId). */
  engagementId: string;
  description: string;
  cells: readonly OpportunityCell[];
  customerName: string;
  customerDomain: string;
  hideCustomer: boolean;
  value: Amount;
  expectedCloseDate: string;
  visibility: OpportunityVisibility;
  selectedOrgIds: readonly string[];
  competitorOrgIds: readonly string[];
  /** For visibility "circle": shown to the circle's members while the owner is one too. */
  circleId: string | null;
  createdAt: string;
}

function checkCell(c: OpportunityCell, path: string): FieldIssue[] {
  if (!isCellKind(c.kind)) {
    return [
      { path: `${path}.kind`, message: `Unknown kind; expected one of: ${CELL_KINDS.join(', ')}` },
    ];
  }
  return [
    ...checkCode(CELL_VOCABULARY[c.kind], c.code, `${path}.code`),
    ...checkCode('countries', c.country, `${path}.country`),
  ];
}

/**
 * Business rules beyond the shape; `partnerOrgIds` are the owner's active partners and
 * `circleIds` the circles it belongs to.
 */
export function validateOpportunity(
  input: OpportunityInput,
  ownerOrgId: string,
  partnerOrgIds: ReadonlySet<string>,
  circleIds: ReadonlySet<string> = new Set(),
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const cells = input.cells ?? [];
  if ((input.description ?? '').trim() === '' && cells.length === 0) {
    issues.push({ path: 'description', message: 'Describe the need or add at least one cell' });
  }
  cells.forEach((c, i) => issues.push(...checkCell(c, `cells[${i}]`)));
  if (customerDomainOf(input.customerDomain) === null) {
    issues.push({
      path: 'customerDomain',
      message: `No registrable domain in "${input.customerDomain}"`,
    });
  }
  issues.push(...checkMoney(input.value, 'value'));
  if (!isIsoDate(input.expectedCloseDate)) {
    issues.push({ path: 'expectedCloseDate', message: 'Must be a date (YYYY-MM-DD)' });
  }
  const selected = input.selectedOrgIds ?? [];
  if (input.visibility === 'selected' && selected.length === 0) {
    issues.push({
      path: 'selectedOrgIds',
      message: 'Name at least one partner for "selected" visibility',
    });
  }
  if (input.visibility !== 'selected' && selected.length > 0) {
    issues.push({ path: 'selectedOrgIds', message: 'Only for "selected" visibility' });
  }
  selected.forEach((id, i) => {
    if (!partnerOrgIds.has(id)) {
      issues.push({
        path: `selectedOrgIds[${i}]`,
        message: 'Not an active partner of your organization',
      });
    }
  });
  issues.push(...checkCircle(input, circleIds));
  (input.competitorOrgIds ?? []).forEach((id, i) => {
    if (id === ownerOrgId)
      issues.push({ path: `competitorOrgIds[${i}]`, message: 'Your own organization' });
  });
  return issues;
}

function checkCircle(input: OpportunityInput, circleIds: ReadonlySet<string>): FieldIssue[] {
  if (input.visibility !== 'circle') {
    return input.circleId === undefined
      ? []
      : [{ path: 'circleId', message: 'Only for "circle" visibility' }];
  }
  if (input.circleId === undefined) {
    return [{ path: 'circleId', message: 'Name the circle for "circle" visibility' }];
  }
  return circleIds.has(input.circleId)
    ? []
    : [{ path: 'circleId', message: 'Not a circle your organization belongs to' }];
}

/**
 * Whether `orgId` may see `o`: its owner always; a competitor never; others per visibility. For
 * "circle", `roster` holds the circles' current members: both the viewer and the owner must be in.
 */
export function canSee(o: Opportunity, orgId: string, roster: CircleRoster = NO_CIRCLES): boolean {
  if (o.ownerOrgId === orgId) return true;
  if (o.competitorOrgIds.includes(orgId)) return false;
  switch (o.visibility) {
    case 'private':
      return false;
    case 'selected':
      return o.selectedOrgIds.includes(orgId);
    case 'circle':
      return sharesCircle(roster, o.circleId, orgId, o.ownerOrgId);
    case 'network':
      return true;
  }
}

/** An opportunity as one org sees it: the customer is null when hidden from that org. */
export type OpportunityView = Omit<Opportunity, 'customerName' | 'customerDomain'> & {
  customerName: string | null;
  customerDomain: string | null;
};

/** What `orgId` is shown: non-owners lose the customer when it is hidden, and the audience lists. */
export function opportunityFor(o: Opportunity, orgId: string): OpportunityView {
  if (o.ownerOrgId === orgId) return o;
  const hidden = o.hideCustomer ? { customerName: null, customerDomain: null } : {};
  return { ...o, ...hidden, selectedOrgIds: [], competitorOrgIds: [] };
}
