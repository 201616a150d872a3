// Opportunities: created by an org's admins, shown per visibility, never to competitors; the
// customer is hidden from other orgs when the owner asks. Unseen ids are not_found.
import { randomUUID } from 'node:crypto';
import {
  findOpportunity,
  insertOpportunity,
  listVisibleOpportunities,
} from '../db/repos/opportunities.repo.ts';
import { rosterOf } from '../db/repos/circles.repo.ts';
import { listPartnershipsOf } from '../db/repos/partnerships.repo.ts';
import { customerDomainOf } from '../domain/deals/attribution.ts';
import { toAmount } from '../domain/deals/money.ts';
import {
  canSee,
  opportunityFor,
  validateOpportunity,
  type Opportunity,
  type OpportunityInput,
  type OpportunityView,
} from '../domain/deals/opportunity.ts';
import { otherParty } from '../domain/deals/partnership.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';

export async function createOpportunity(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: OpportunityInput,
): Promise<OpportunityView> {
  if (!isAdmin(actor)) {
    throw new AppError('forbidden', 'Only owners and admins create opportunities');
  }
  return deps.db.transaction().execute(async (trx) => {
    const partners = new Set(
      (await listPartnershipsOf(trx, actor.orgId, 'active')).map((p) => otherParty(p, actor.orgId)),
    );
    const roster = await rosterOf(trx, actor.orgId);
    const issues = validateOpportunity(input, actor.orgId, partners, new Set(roster.keys()));
    if (issues.length > 0) throw validationError(issues, 'Invalid opportunity');
    const o: Opportunity = {
      id: randomUUID(),
      ownerOrgId: actor.orgId,
      engagementId: randomUUID(),
      description: input.description?.trim() ?? '',
      cells: input.cells ?? [],
      customerName: input.customerName.trim(),
      customerDomain: customerDomainOf(input.customerDomain) ?? '', // checked by validateOpportunity
      hideCustomer: input.hideCustomer,
      value: toAmount(input.value),
      expectedCloseDate: input.expectedCloseDate,
      visibility: input.visibility,
      selectedOrgIds: input.selectedOrgIds ?? [],
      competitorOrgIds: input.competitorOrgIds ?? [],
      circleId: input.circleId ?? null,
      createdAt: deps.now().toISOString(),
    };
    await insertOpportunity(trx, o);
    await recordAudit(trx, deps, actor, meta, {
      action: 'opportunity.created',
      targetType: 'opportunity',
      targetId: o.id,
      details: {
        visibility: o.visibility,
        ...(o.circleId === null ? {} : { circleId: o.circleId }),
      },
    });
    return o;
  });
}

/** The full opportunity, for its owner's own use cases (referrals); not_found for anyone else. */
export async function ownOpportunity(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<Opportunity> {
  const o = await findOpportunity(deps.db, id);
  if (o === undefined || !canSee(o, actor.orgId)) throw notFound('Opportunity');
  if (o.ownerOrgId !== actor.orgId) {
    throw new AppError('forbidden', 'Only the organization that owns the opportunity can do this');
  }
  return o;
}

export async function getOpportunity(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<OpportunityView> {
  const o = await findOpportunity(deps.db, id);
  if (o === undefined || !canSee(o, actor.orgId, await rosterOf(deps.db, actor.orgId))) {
    throw notFound('Opportunity');
  }
  return opportunityFor(o, actor.orgId);
}

export async function listOpportunities(
  deps: ServiceDeps,
  actor: Actor,
): Promise<OpportunityView[]> {
  const all = await listVisibleOpportunities(deps.db, actor.orgId);
  const roster = await rosterOf(deps.db, actor.orgId);
  return all
    .filter((o) => canSee(o, actor.orgId, roster))
    .map((o) => opportunityFor(o, actor.orgId));
}
