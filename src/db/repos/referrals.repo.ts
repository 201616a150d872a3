// All SQL for referrals, their hash-chained event logs and attribution stamps. Returns domain types.
import { sql, type Kysely } from 'kysely';
import type { ArrangementType } from '../../domain/deals/agreement.ts';
import type { AttributionStamp } from '../../domain/deals/attribution.ts';
import type { ChainedEvent, JsonValue, ReferralEventType } from '../../domain/deals/event-log.ts';
import type { Amount } from '../../domain/deals/money.ts';
import type { SalesStage } from '../../domain/deals/referral-rules.ts';
import type {
  ReferralFlag,
  ReferralStatus,
  ReferralSubstatus,
} from '../../domain/deals/referral-state.ts';
import type {
  PartnerRole,
  Referral,
  ReferralAttribution,
  TeamMember,
} from '../../domain/deals/referral.ts';
import type { Database, ReferralEventsTable, ReferralsTable } from '../schema.ts';

export function toReferral(r: ReferralsTable): Referral {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    opportunityId: r.opportunity_id,
    fromOrgId: r.from_org_id,
    toOrgId: r.to_org_id,
    agreementId: r.agreement_id,
    agreementVersion: r.agreement_version,
    arrangementType: r.arrangement_type as ArrangementType,
    partnerRole: r.partner_role as PartnerRole | null,
    notes: r.notes,
    team: JSON.parse(r.team) as TeamMember[],
    estimatedCloseDate: r.estimated_close_date,
    customerDomain: r.customer_domain,
    attribution: JSON.parse(r.attribution) as ReferralAttribution,
    status: r.status as ReferralStatus,
    substatus: r.substatus as ReferralSubstatus,
    statusReason: r.status_reason,
    stage: r.stage as SalesStage,
    value: r.value === null ? null : (JSON.parse(r.value) as Amount),
    flags: JSON.parse(r.flags) as ReferralFlag[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    closedAt: r.closed_at,
    version: r.version,
  };
}

/** The columns a state change rewrites. */
function stateColumns(r: Referral) {
  return {
    status: r.status,
    substatus: r.substatus,
    status_reason: r.statusReason,
    stage: r.stage,
    value: r.value === null ? null : JSON.stringify(r.value),
    flags: JSON.stringify(r.flags),
    updated_at: r.updatedAt,
    accepted_at: r.acceptedAt,
    closed_at: r.closedAt,
    version: r.version,
  };
}

export async function insertReferral(db: Kysely<Database>, r: Referral): Promise<void> {
  await db
    .insertInto('referrals')
    .values({
      id: r.id,
      engagement_id: r.engagementId,
      opportunity_id: r.opportunityId,
      from_org_id: r.fromOrgId,
      to_org_id: r.toOrgId,
      agreement_id: r.agreementId,
      agreement_version: r.agreementVersion,
      arrangement_type: r.arrangementType,
      partner_role: r.partnerRole,
      notes: r.notes,
      team: JSON.stringify(r.team),
      estimated_close_date: r.estimatedCloseDate,
      customer_domain: r.customerDomain,
      attribution: JSON.stringify(r.attribution),
      created_at: r.createdAt,
      expires_at: r.expiresAt,
      ...stateColumns(r),
    })
    .execute();
}

export async function findReferral(
  db: Kysely<Database>,
  id: string,
): Promise<Referral | undefined> {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toReferral(row);
}

export interface ReferralFilter {
  orgId: string;
  direction: 'incoming' | 'outgoing' | undefined;
  status: ReferralStatus | undefined;
}

export async function listReferralsOf(
  db: Kysely<Database>,
  f: ReferralFilter,
  limit: number,
): Promise<Referral[]> {
  let q = db.selectFrom('referrals').selectAll();
  if (f.direction === 'incoming') q = q.where('to_org_id', '=', f.orgId);
  else if (f.direction === 'outgoing') q = q.where('from_org_id', '=', f.orgId);
  else q = q.where((eb) => eb.or([eb('to_org_id', '=', f.orgId), eb('from_org_id', '=', f.orgId)]));
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  const rows = await q.orderBy('updated_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(toReferral);
}

/** Open referrals whose expiry has passed, oldest first. */
export async function findExpiredReferrals(
  db: Kysely<Database>,
  nowIso: string,
  limit: number,
): Promise<Referral[]> {
  const rows = await db
    .selectFrom('referrals')
    .selectAll()
    .where('status', '=', 'New')
    .where('expires_at', '<=', nowIso)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map(toReferral);
}

/** Writes `next` if the row is still at `expectedVersion`; false when someone changed it first. */
export async function updateReferralState(
  db: Kysely<Database>,
  next: Referral,
  expectedVersion: number,
): Promise<boolean> {
  const res = await db
    .updateTable('referrals')
    .set(stateColumns(next))
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/**
 * Takes the referral's row lock until commit without changing it, so an append to its log from
 * outside a state change (an attribution conflict) queues behind concurrent changes.
 */
export async function lockReferral(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('referrals')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .execute();
}

function toEvent(r: ReferralEventsTable): ChainedEvent {
  return {
    referralId: r.referral_id,
    seq: r.seq,
    at: r.at,
    actorOrgId: r.actor_org_id,
    type: r.type as ReferralEventType,
    data: JSON.parse(r.data) as JsonValue,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function insertReferralEvent(db: Kysely<Database>, e: ChainedEvent): Promise<void> {
  await db
    .insertInto('referral_events')
    .values({
      referral_id: e.referralId,
      seq: e.seq,
      at: e.at,
      actor_org_id: e.actorOrgId,
      type: e.type,
      data: JSON.stringify(e.data),
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .execute();
}

export async function lastReferralEvent(
  db: Kysely<Database>,
  referralId: string,
): Promise<ChainedEvent | null> {
  const row = await db
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toEvent(row);
}

export async function listReferralEvents(
  db: Kysely<Database>,
  referralId: string,
): Promise<ChainedEvent[]> {
  const rows = await db
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}

export async function findStamps(
  db: Kysely<Database>,
  customerDomain: string,
  partnerOrgId: string,
): Promise<AttributionStamp[]> {
  const rows = await db
    .selectFrom('attribution_stamps')
    .selectAll()
    .where('customer_domain', '=', customerDomain)
    .where('partner_org_id', '=', partnerOrgId)
    .execute();
  return rows.map((r) => ({
    customerDomain: r.customer_domain,
    partnerOrgId: r.partner_org_id,
    introducedByOrgId: r.introduced_by_org_id,
    referralId: r.referral_id,
    at: r.at,
  }));
}

export async function insertStamp(db: Kysely<Database>, s: AttributionStamp): Promise<void> {
  await db
    .insertInto('attribution_stamps')
    .values({
      customer_domain: s.customerDomain,
      partner_org_id: s.partnerOrgId,
      introduced_by_org_id: s.introducedByOrgId,
      referral_id: s.referralId,
      at: s.at,
    })
    .execute();
}

// An arbitrary constant naming the expiry job's lock; any other job picks its own.
const EXPIRY_LOCK_KEY = 7_311_505;

/** PostgreSQL only: takes the expiry job's transaction-scoped lock; false when another holds it. */
export async function tryExpiryLock(db: Kysely<Database>): Promise<boolean> {
  const res = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_xact_lock(${EXPIRY_LOCK_KEY}) as ok`.execute(db);
  return res.rows[0]?.ok === true;
}
