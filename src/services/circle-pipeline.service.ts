// A circle's shared pipeline, for its members only: the opportunities shared with the circle
// (visibility "circle", owner still a member, competitors excluded) and counts of their referrals.
import {
  countReferralsByEngagement,
  listCircleOpportunities,
} from '../db/repos/circle-pipeline.repo.ts';
import { rosterOf } from '../db/repos/circles.repo.ts';
import {
  noReferrals,
  outcomeCounts,
  totalsByCurrency,
  type OutcomeCounts,
} from '../domain/deals/circle-pipeline.ts';
import type { Amount } from '../domain/deals/money.ts';
import { canSee, opportunityFor, type OpportunityView } from '../domain/deals/opportunity.ts';
import { circleForMember } from './circles.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';

export interface CirclePipeline {
  circleId: string;
  opportunities: { opportunity: OpportunityView; referrals: OutcomeCounts }[];
  totals: { currency: string; amount: number; count: number }[];
}

export async function circlePipeline(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
): Promise<CirclePipeline> {
  await circleForMember(deps, actor, circleId);
  const roster = await rosterOf(deps.db, actor.orgId);
  const shared = (await listCircleOpportunities(deps.db, circleId, actor.orgId)).filter((o) =>
    canSee(o, actor.orgId, roster),
  );
  const rows = await countReferralsByEngagement(
    deps.db,
    shared.map((o) => o.engagementId),
  );
  const counts = outcomeCounts(rows.map((r) => ({ ...r, key: r.engagementId })));
  return {
    circleId,
    opportunities: shared.map((o) => ({
      opportunity: opportunityFor(o, actor.orgId),
      referrals: counts.get(o.engagementId) ?? noReferrals(),
    })),
    totals: totalsByCurrency(shared.map((o): Amount => o.value)),
  };
}
