// SQL for a circle's shared pipeline: the opportunities shared with it and their referrals' counts.
import type { Kysely } from 'kysely';
import type { Opportunity } from '../../domain/deals/opportunity.ts';
import type { Database } from '../schema.ts';
import { withAudience } from './opportunities.repo.ts';

const PIPELINE_LIMIT = 500;

/**
 * Opportunities shared with `circleId` whose owner is still a member, minus those that keep
 * `viewerOrgId` out as a competitor (its own always shown), newest first.
 */
export async function listCircleOpportunities(
  db: Kysely<Database>,
  circleId: string,
  viewerOrgId: string,
): Promise<Opportunity[]> {
  const rows = await db
    .selectFrom('opportunities as o')
    .selectAll('o')
    .where('o.circle_id', '=', circleId)
    .where('o.visibility', '=', 'circle')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('circle_members as cm')
          .select('cm.org_id')
          .whereRef('cm.circle_id', '=', 'o.circle_id')
          .whereRef('cm.org_id', '=', 'o.owner_org_id'),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('o.owner_org_id', '=', viewerOrgId),
        eb.not(
          eb.exists(
            eb
              .selectFrom('opportunity_audience as a')
              .select('a.org_id')
              .whereRef('a.opportunity_id', '=', 'o.id')
              .where('a.org_id', '=', viewerOrgId)
              .where('a.relation', '=', 'competitor'),
          ),
        ),
      ]),
    )
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id')
    .limit(PIPELINE_LIMIT)
    .execute();
  return withAudience(db, rows);
}

export interface ReferralCountRow {
  engagementId: string;
  status: string;
  substatus: string;
  n: number;
}

/** Referral counts per engagement (one per opportunity), status and substatus. */
export async function countReferralsByEngagement(
  db: Kysely<Database>,
  engagementIds: readonly string[],
): Promise<ReferralCountRow[]> {
  if (engagementIds.length === 0) return [];
  const rows = await db
    .selectFrom('referrals')
    .select(['engagement_id', 'status', 'substatus'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('engagement_id', 'in', [...engagementIds])
    .groupBy(['engagement_id', 'status', 'substatus'])
    .execute();
  return rows.map((r) => ({
    engagementId: r.engagement_id,
    status: r.status,
    substatus: r.substatus,
    n: Number(r.n),
  }));
}
