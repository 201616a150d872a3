// All SQL for opportunities and their audience (selected / competitor orgs). Returns domain types.
import type { Kysely } from 'kysely';
import type { Amount } from '../../domain/deals/money.ts';
import type {
  Opportunity,
  OpportunityCell,
  OpportunityVisibility,
} from '../../domain/deals/opportunity.ts';
import type { Database, OpportunitiesTable } from '../schema.ts';

type Audience = { opportunity_id: string; org_id: string; relation: string };

function toOpportunity(r: OpportunitiesTable, audience: readonly Audience[]): Opportunity {
  const of = (relation: string) =>
    audience
      .filter((a) => a.opportunity_id === r.id && a.relation === relation)
      .map((a) => a.org_id);
  return {
    id: r.id,
    ownerOrgId: r.owner_org_id,
    engagementId: r.engagement_id,
    description: r.description,
    cells: JSON.parse(r.cells) as OpportunityCell[],
    customerName: r.customer_name,
    customerDomain: r.customer_domain,
    hideCustomer: r.hide_customer === 1,
    value: JSON.parse(r.value) as Amount,
    expectedCloseDate: r.expected_close_date,
    visibility: r.visibility as OpportunityVisibility,
    selectedOrgIds: of('selected').sort(),
    competitorOrgIds: of('competitor').sort(),
    circleId: r.circle_id,
    createdAt: r.created_at,
  };
}

export async function insertOpportunity(db: Kysely<Database>, o: Opportunity): Promise<void> {
  await db
    .insertInto('opportunities')
    .values({
      id: o.id,
      owner_org_id: o.ownerOrgId,
      engagement_id: o.engagementId,
      description: o.description,
      cells: JSON.stringify(o.cells),
      customer_name: o.customerName,
      customer_domain: o.customerDomain,
      hide_customer: o.hideCustomer ? 1 : 0,
      value: JSON.stringify(o.value),
      expected_close_date: o.expectedCloseDate,
      visibility: o.visibility,
      created_at: o.createdAt,
      circle_id: o.circleId,
    })
    .execute();
  const audience = [
    ...[...new Set(o.selectedOrgIds)].map((org_id) => ({ org_id, relation: 'selected' })),
    ...[...new Set(o.competitorOrgIds)].map((org_id) => ({ org_id, relation: 'competitor' })),
  ].map((a) => ({ ...a, opportunity_id: o.id }));
  if (audience.length > 0) await db.insertInto('opportunity_audience').values(audience).execute();
}

export async function withAudience(
  db: Kysely<Database>,
  rows: OpportunitiesTable[],
): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const audience = await db
    .selectFrom('opportunity_audience')
    .selectAll()
    .where(
      'opportunity_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => toOpportunity(r, audience));
}

export async function findOpportunity(
  db: Kysely<Database>,
  id: string,
): Promise<Opportunity | undefined> {
  const rows = await db.selectFrom('opportunities').selectAll().where('id', '=', id).execute();
  return (await withAudience(db, rows))[0];
}

/** The org's own opportunities and those shown to it (same rule as the domain's canSee). */
export async function listVisibleOpportunities(
  db: Kysely<Database>,
  orgId: string,
): Promise<Opportunity[]> {
  const rows = await db
    .selectFrom('opportunities as o')
    .selectAll('o')
    .where((eb) => {
      const audience = (relation: string) =>
        eb.exists(
          eb
            .selectFrom('opportunity_audience as a')
            .select('a.org_id')
            .whereRef('a.opportunity_id', '=', 'o.id')
            .where('a.org_id', '=', orgId)
            .where('a.relation', '=', relation),
        );
      // Circle: the viewer and the owner are both current members of the opportunity's circle.
      const inCircle = eb.and([
        eb('o.visibility', '=', 'circle'),
        eb.exists(
          eb
            .selectFrom('circle_members as cv')
            .select('cv.org_id')
            .whereRef('cv.circle_id', '=', 'o.circle_id')
            .where('cv.org_id', '=', orgId),
        ),
        eb.exists(
          eb
            .selectFrom('circle_members as co')
            .select('co.org_id')
            .whereRef('co.circle_id', '=', 'o.circle_id')
            .whereRef('co.org_id', '=', 'o.owner_org_id'),
        ),
      ]);
      return eb.or([
        eb('o.owner_org_id', '=', orgId),
        eb.and([
          eb.not(audience('competitor')),
          eb.or([
            eb('o.visibility', '=', 'network'),
            eb.and([eb('o.visibility', '=', 'selected'), audience('selected')]),
            inCircle,
          ]),
        ]),
      ]);
    })
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id')
    .limit(500)
    .execute();
  return withAudience(db, rows);
}
