// All SQL for the fee ledger and fee disputes. Returns domain types plus record fields.
import type { Kysely } from 'kysely';
import type {
  Dispute,
  DisputeMessage,
  FeeCalculation,
  FeeLine,
  FeeStatus,
  Resolution,
} from '../../domain/deals/fee-types.ts';
import { amount } from '../../domain/deals/money.ts';
import type { ReferralFlag } from '../../domain/deals/referral-state.ts';
import type { Database, FeeDisputesTable, FeesTable } from '../schema.ts';

export interface StoredDispute extends Dispute {
  id: string;
  feeId: string;
}

/** A fee as stored: the domain's FeeLine plus its record fields. */
export interface StoredFee extends FeeLine {
  id: string;
  partnershipId: string;
  agreementId: string;
  version: number;
  updatedAt: string;
  dispute: StoredDispute | null;
}

function toDispute(r: FeeDisputesTable): StoredDispute {
  return {
    id: r.id,
    feeId: r.fee_id,
    openedByOrgId: r.opened_by_org_id,
    openedAt: r.opened_at,
    reason: r.reason,
    resumeStatus: r.resume_status as Dispute['resumeStatus'],
    messages: JSON.parse(r.messages) as DisputeMessage[],
    proposals: JSON.parse(r.proposals) as Record<string, Resolution>,
    resolvedAt: r.resolved_at,
    resolution: r.resolution === null ? null : (JSON.parse(r.resolution) as Resolution),
  };
}

function toFee(r: FeesTable, dispute: StoredDispute | null): StoredFee {
  return {
    id: r.id,
    referralId: r.referral_id,
    partnershipId: r.partnership_id,
    agreementId: r.agreement_id,
    agreementVersion: r.agreement_version,
    payerOrgId: r.payer_org_id,
    payeeOrgId: r.payee_org_id,
    amount: amount(Number(r.amount), r.currency),
    paymentDays: r.payment_days,
    status: r.status as FeeStatus,
    dueSince: r.due_since,
    invoicedAt: r.invoiced_at,
    paymentDueAt: r.payment_due_at,
    paidAt: r.paid_at,
    flags: JSON.parse(r.flags) as ReferralFlag[],
    calculation: JSON.parse(r.calculation) as FeeCalculation,
    dispute,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The columns a ledger move rewrites. */
const stateColumns = (f: StoredFee) => ({
  amount: f.amount.amount,
  status: f.status,
  invoiced_at: f.invoicedAt,
  payment_due_at: f.paymentDueAt,
  paid_at: f.paidAt,
  dispute_id: f.dispute?.id ?? null,
  updated_at: f.updatedAt,
  version: f.version,
});

export async function insertFee(db: Kysely<Database>, f: StoredFee): Promise<void> {
  await db
    .insertInto('fees')
    .values({
      id: f.id,
      referral_id: f.referralId,
      partnership_id: f.partnershipId,
      agreement_id: f.agreementId,
      agreement_version: f.agreementVersion,
      payer_org_id: f.payerOrgId,
      payee_org_id: f.payeeOrgId,
      currency: f.amount.currency,
      payment_days: f.paymentDays,
      due_since: f.dueSince,
      flags: JSON.stringify(f.flags),
      calculation: JSON.stringify(f.calculation),
      ...stateColumns(f),
    })
    .execute();
}

async function withDisputes(db: Kysely<Database>, rows: FeesTable[]): Promise<StoredFee[]> {
  const ids = rows.map((r) => r.dispute_id).filter((id): id is string => id !== null);
  const disputes =
    ids.length === 0
      ? []
      : await db.selectFrom('fee_disputes').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(disputes.map((d) => [d.id, toDispute(d)]));
  return rows.map((r) => toFee(r, r.dispute_id === null ? null : (byId.get(r.dispute_id) ?? null)));
}

export async function findFee(db: Kysely<Database>, id: string): Promise<StoredFee | undefined> {
  const rows = await db.selectFrom('fees').selectAll().where('id', '=', id).execute();
  return (await withDisputes(db, rows))[0];
}

export async function findFeeOfReferral(
  db: Kysely<Database>,
  referralId: string,
): Promise<StoredFee | undefined> {
  const rows = await db
    .selectFrom('fees')
    .selectAll()
    .where('referral_id', '=', referralId)
    .execute();
  return (await withDisputes(db, rows))[0];
}

export interface FeeFilter {
  orgId: string;
  partnershipId: string | undefined;
  status: FeeStatus | undefined;
}

/** Fees the org pays or receives, newest first. */
export async function listFeesOf(db: Kysely<Database>, f: FeeFilter): Promise<StoredFee[]> {
  let q = db
    .selectFrom('fees')
    .selectAll()
    .where((eb) => eb.or([eb('payer_org_id', '=', f.orgId), eb('payee_org_id', '=', f.orgId)]));
  if (f.partnershipId !== undefined) q = q.where('partnership_id', '=', f.partnershipId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  const rows = await q.orderBy('due_since', 'desc').orderBy('id').execute();
  return withDisputes(db, rows);
}

/** Writes `next` if the row is still at `expectedVersion`; false when someone changed it first. */
export async function updateFee(
  db: Kysely<Database>,
  next: StoredFee,
  expectedVersion: number,
): Promise<boolean> {
  const res = await db
    .updateTable('fees')
    .set(stateColumns(next))
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

const disputeColumns = (d: StoredDispute) => ({
  messages: JSON.stringify(d.messages),
  proposals: JSON.stringify(d.proposals),
  resolved_at: d.resolvedAt,
  resolution: d.resolution === null ? null : JSON.stringify(d.resolution),
});

export async function insertDispute(db: Kysely<Database>, d: StoredDispute): Promise<void> {
  await db
    .insertInto('fee_disputes')
    .values({
      id: d.id,
      fee_id: d.feeId,
      opened_by_org_id: d.openedByOrgId,
      opened_at: d.openedAt,
      reason: d.reason,
      resume_status: d.resumeStatus,
      ...disputeColumns(d),
    })
    .execute();
}

export async function updateDispute(db: Kysely<Database>, d: StoredDispute): Promise<void> {
  await db.updateTable('fee_disputes').set(disputeColumns(d)).where('id', '=', d.id).execute();
}

/** The fee a dispute belongs to, or undefined. */
export async function feeIdOfDispute(
  db: Kysely<Database>,
  disputeId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('fee_disputes')
    .select('fee_id')
    .where('id', '=', disputeId)
    .executeTakeFirst();
  return row?.fee_id;
}
