// The fee ledger: list per partnership with totals (per currency and in a reporting currency),
// invoice and pay (the payee records both), disputes with a thread closed by both sides.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  feeIdOfDispute,
  findFee,
  insertDispute,
  listFeesOf,
  updateDispute,
  updateFee,
  type StoredDispute,
  type StoredFee,
} from '../db/repos/fees.repo.ts';
import { findPartnership } from '../db/repos/partnerships.repo.ts';
import { lockReferral } from '../db/repos/referrals.repo.ts';
import type { Database } from '../db/schema.ts';
import type { ReferralEventType } from '../domain/deals/event-log.ts';
import { addDisputeMessage, openDispute, proposeResolution } from '../domain/deals/fee-dispute.ts';
import {
  invoice,
  ledgerTotals,
  markPaid,
  roleOf,
  type FeeResult,
  type LedgerTotal,
} from '../domain/deals/fee-ledger.ts';
import type { FeeLine, FeeStatus, Resolution } from '../domain/deals/fee-types.ts';
import { conversionRatio, currenciesOf, rateOf } from '../domain/deals/fx.ts';
import { add, mul, ratio, roundToSafeInteger, type Ratio } from '../domain/deals/rational.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';
import { feeEventData } from './fee-booking.ts';
import { currentFxTable } from './fx.service.ts';
import { appendReferralEvent } from './referral-log.ts';
import { enqueueEvent } from './webhook-events.ts';

export type { StoredDispute, StoredFee } from '../db/repos/fees.repo.ts';

export interface ReportingTotal {
  status: FeeStatus;
  direction: 'receivable' | 'payable';
  amount: number;
  count: number;
}

export interface FeeLedger {
  fees: StoredFee[];
  totals: LedgerTotal[];
  reporting: { currency: string; fxDate: string; totals: ReportingTotal[] };
}

/** Sums the per-currency totals into one currency exactly, rounding once per status and direction. */
function inCurrency(
  totals: readonly LedgerTotal[],
  currency: string,
  table: Parameters<typeof conversionRatio>[0],
) {
  const acc = new Map<string, { t: ReportingTotal; exact: Ratio }>();
  for (const t of totals) {
    const key = `${t.direction}|${t.status}`;
    const cur = acc.get(key) ?? {
      t: { status: t.status, direction: t.direction, amount: 0, count: 0 },
      exact: ratio(0n, 1n),
    };
    const part = mul(ratio(BigInt(t.amount), 1n), conversionRatio(table, t.currency, currency));
    acc.set(key, { t: { ...cur.t, count: cur.t.count + t.count }, exact: add(cur.exact, part) });
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => ({ ...v.t, amount: roundToSafeInteger(v.exact) }));
}

export async function listFees(
  deps: ServiceDeps,
  actor: Actor,
  q: { partnershipId?: string | undefined; status?: FeeStatus | undefined; currency?: string },
): Promise<FeeLedger> {
  if (q.partnershipId !== undefined) {
    const p = await findPartnership(deps.db, q.partnershipId);
    const party = p !== undefined && [p.requesterOrgId, p.addresseeOrgId].includes(actor.orgId);
    if (!party) throw notFound('Partnership');
  }
  const fees = await listFeesOf(deps.db, {
    orgId: actor.orgId,
    partnershipId: q.partnershipId,
    status: q.status,
  });
  const totals = ledgerTotals(fees, actor.orgId);
  const currency = q.currency ?? 'EUR';
  const { table } = await currentFxTable(deps);
  if (rateOf(table, currency) === null) {
    throw validationError([
      {
        path: 'currency',
        message: `Not in the FX table of ${table.date}: ${currenciesOf(table).join(', ')}`,
      },
    ]);
  }
  return {
    fees,
    totals,
    reporting: { currency, fxDate: table.date, totals: inCurrency(totals, currency, table) },
  };
}

async function feeForParty(db: Kysely<Database>, actor: Actor, id: string): Promise<StoredFee> {
  const f = await findFee(db, id);
  if (f === undefined || roleOf(f, actor.orgId) === null) throw notFound('Fee');
  return f;
}

export async function getFee(deps: ServiceDeps, actor: Actor, id: string): Promise<StoredFee> {
  return feeForParty(deps.db, actor, id);
}

interface Move {
  type: ReferralEventType | ((next: StoredFee) => ReferralEventType);
  apply: (fee: StoredFee, now: Date) => FeeResult;
  /** Extra data for the timeline entry. */
  data?: (next: StoredFee) => Record<string, string>;
}

/** Keeps the stored dispute's id when the domain returns the (id-less) dispute it changed. */
function stored(prev: StoredFee, next: FeeLine, now: Date, newDisputeId: string): StoredFee {
  const d = next.dispute;
  const opened = prev.status !== 'disputed' && next.status === 'disputed';
  const id = opened || prev.dispute === null ? newDisputeId : prev.dispute.id;
  const dispute: StoredDispute | null = d === null ? null : { ...d, id, feeId: prev.id };
  return {
    ...prev,
    ...next,
    dispute,
    updatedAt: now.toISOString(),
    version: prev.version + 1,
  };
}

async function move(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  feeId: string,
  m: Move,
  check?: (fee: StoredFee) => void,
): Promise<StoredFee> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await feeForParty(trx, actor, feeId);
    check?.(current);
    const result = m.apply(current, now);
    if (!result.ok) throw result.error;
    const next = stored(current, result.fee, now, randomUUID());
    if (next.dispute !== null && next.dispute.id !== current.dispute?.id) {
      await insertDispute(trx, next.dispute);
    } else if (next.dispute !== null) {
      await updateDispute(trx, next.dispute);
    }
    if (!(await updateFee(trx, next, current.version))) {
      throw new AppError('conflict', 'The fee changed at the same time; reload and retry');
    }
    const type = typeof m.type === 'function' ? m.type(next) : m.type;
    // The referral's shared timeline shows the fee's life too (its row lock orders the appends).
    await lockReferral(trx, next.referralId);
    const data = { ...feeEventData(next), ...(m.data?.(next) ?? {}) };
    await appendReferralEvent(trx, next.referralId, {
      at: now.toISOString(),
      actorOrgId: actor.orgId,
      type,
      data,
    });
    if (type === 'dispute.opened') {
      await enqueueEvent(trx, {
        orgIds: [next.payerOrgId, next.payeeOrgId],
        type: 'dispute.opened',
        data: { ...data, disputeId: next.dispute?.id ?? null },
        at: now,
      });
    }
    await recordAudit(trx, deps, actor, meta, {
      action: type,
      targetType: 'fee',
      targetId: next.id,
      details: { status: next.status, disputeId: next.dispute?.id ?? null },
    });
    return next;
  });
}

export async function actOnFee(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  feeId: string,
  action: 'invoice' | 'pay',
): Promise<StoredFee> {
  return action === 'invoice'
    ? move(deps, actor, meta, feeId, {
        type: 'fee.invoiced',
        apply: (f, now) => invoice(f, actor.orgId, now),
      })
    : move(deps, actor, meta, feeId, {
        type: 'fee.paid',
        apply: (f, now) => markPaid(f, actor.orgId, now),
      });
}

export async function openFeeDispute(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  feeId: string,
  reason: string,
): Promise<StoredFee> {
  return move(deps, actor, meta, feeId, {
    type: 'dispute.opened',
    apply: (f, now) => openDispute(f, actor.orgId, reason, now),
  });
}

async function feeIdFor(deps: ServiceDeps, disputeId: string): Promise<string> {
  const feeId = await feeIdOfDispute(deps.db, disputeId);
  if (feeId === undefined) throw notFound('Dispute');
  return feeId;
}

/** Only the fee's current dispute takes messages and proposals; an older one is closed. */
const current = (disputeId: string) => (fee: StoredFee) => {
  if (fee.dispute?.id !== disputeId) throw new AppError('conflict', 'This dispute is closed');
};

export async function addFeeDisputeMessage(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  disputeId: string,
  text: string,
): Promise<StoredFee> {
  const feeId = await feeIdFor(deps, disputeId);
  return move(
    deps,
    actor,
    meta,
    feeId,
    { type: 'dispute.message', apply: (f, now) => addDisputeMessage(f, actor.orgId, text, now) },
    current(disputeId),
  );
}

/** One side's proposed resolution; the dispute closes when the other side proposed the same. */
export async function resolveFeeDispute(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  disputeId: string,
  resolution: Resolution,
): Promise<StoredFee> {
  const feeId = await feeIdFor(deps, disputeId);
  return move(
    deps,
    actor,
    meta,
    feeId,
    {
      // A proposal shows in the timeline as a message until the other side agrees.
      type: (next) =>
        (next.dispute?.resolvedAt ?? null) === null ? 'dispute.message' : 'dispute.resolved',
      apply: (f, now) => proposeResolution(f, actor.orgId, resolution, now),
      data: () => ({ proposed: resolution.outcome }),
    },
    current(disputeId),
  );
}
