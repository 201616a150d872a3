// A dispute puts a fee on hold and opens a thread between the two parties. It closes only when
// both have proposed the same resolution: uphold (back to where it was), adjust (a new amount,
// back to where it was) or waive (nothing owed).
import { AppError } from '../shared/errors.ts';
import { amount } from './money.ts';
import { feeConflict, roleOf, type FeeResult } from './fee-ledger.ts';
import type { Dispute, FeeLine, Resolution } from './fee-types.ts';

const fail = (error: AppError): FeeResult => ({ ok: false, error });
const notParty = () => new AppError('forbidden', 'Only the two parties act on a fee');
const blank = (path: string, what: string) =>
  new AppError('validation', `${what} is required`, [{ path, message: `${what} is required` }]);

export function openDispute(fee: FeeLine, orgId: string, reason: string, now: Date): FeeResult {
  if (roleOf(fee, orgId) === null) return fail(notParty());
  if (fee.status !== 'due' && fee.status !== 'invoiced') return fail(feeConflict(fee, 'disputed'));
  if (reason.trim() === '') return fail(blank('reason', 'A reason'));
  const at = now.toISOString();
  const dispute: Dispute = {
    openedByOrgId: orgId,
    openedAt: at,
    reason: reason.trim(),
    resumeStatus: fee.status,
    messages: [{ orgId, at, text: reason.trim() }],
    proposals: {},
    resolvedAt: null,
    resolution: null,
  };
  return { ok: true, fee: { ...fee, status: 'disputed', dispute } };
}

function openThread(fee: FeeLine, orgId: string): AppError | Dispute {
  if (roleOf(fee, orgId) === null) return notParty();
  if (fee.status !== 'disputed' || fee.dispute === null) {
    return new AppError('conflict', 'The fee has no open dispute');
  }
  return fee.dispute;
}

export function addDisputeMessage(fee: FeeLine, orgId: string, text: string, now: Date): FeeResult {
  const d = openThread(fee, orgId);
  if (d instanceof AppError) return fail(d);
  if (text.trim() === '') return fail(blank('text', 'A message'));
  const messages = [...d.messages, { orgId, at: now.toISOString(), text: text.trim() }];
  return { ok: true, fee: { ...fee, dispute: { ...d, messages } } };
}

const same = (a: Resolution | undefined, b: Resolution | undefined): boolean =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

function resolve(fee: FeeLine, d: Dispute, r: Resolution, at: string): FeeLine {
  const closed: Dispute = { ...d, resolvedAt: at, resolution: r };
  if (r.outcome === 'waive') return { ...fee, status: 'waived', dispute: closed };
  const value = r.outcome === 'adjust' ? amount(r.amount, fee.amount.currency) : fee.amount;
  return { ...fee, status: d.resumeStatus, amount: value, dispute: closed };
}

/** One party's proposal; when the other's latest proposal is the same, the dispute closes. */
export function proposeResolution(
  fee: FeeLine,
  orgId: string,
  r: Resolution,
  now: Date,
): FeeResult {
  const d = openThread(fee, orgId);
  if (d instanceof AppError) return fail(d);
  if (r.outcome === 'adjust' && (!Number.isSafeInteger(r.amount) || r.amount < 0)) {
    return fail(
      new AppError('validation', 'Invalid amount', [
        { path: 'amount', message: 'Must be a non-negative integer of minor units' },
      ]),
    );
  }
  const proposals = { ...d.proposals, [orgId]: r };
  const other = orgId === fee.payerOrgId ? fee.payeeOrgId : fee.payerOrgId;
  const updated: Dispute = { ...d, proposals };
  if (!same(proposals[other], r)) return { ok: true, fee: { ...fee, dispute: updated } };
  return { ok: true, fee: resolve(fee, updated, r, now.toISOString()) };
}
