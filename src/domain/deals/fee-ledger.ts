// A fee's life: due -> invoiced -> paid, with disputed as a detour from due or invoiced (see
// fee-dispute.ts) and waived as a dispute's possible end. The payee records the invoice and the
// payment it received; either party can dispute.
import { AppError, type FieldIssue } from '../shared/errors.ts';
import type { FeeLine, FeeStatus } from './fee-types.ts';

export type FeeRole = 'payer' | 'payee';
export type FeeResult = { ok: true; fee: FeeLine } | { ok: false; error: AppError };

export const FEE_MOVES: readonly { from: FeeStatus; to: FeeStatus; by: string }[] = [
  { from: 'due', to: 'invoiced', by: 'payee' },
  { from: 'due', to: 'disputed', by: 'payer or payee' },
  { from: 'invoiced', to: 'paid', by: 'payee' },
  { from: 'invoiced', to: 'disputed', by: 'payer or payee' },
  { from: 'disputed', to: 'due', by: 'both agreeing (uphold or adjust)' },
  { from: 'disputed', to: 'invoiced', by: 'both agreeing (uphold or adjust)' },
  { from: 'disputed', to: 'waived', by: 'both agreeing (waive)' },
];

export const roleOf = (fee: FeeLine, orgId: string): FeeRole | null =>
  orgId === fee.payeeOrgId ? 'payee' : orgId === fee.payerOrgId ? 'payer' : null;

export function feeConflict(fee: FeeLine, wanted: FeeStatus): AppError {
  const allowed: FieldIssue[] = FEE_MOVES.filter((m) => m.from === fee.status).map((m) => ({
    path: 'status',
    message: `${m.from} -> ${m.to} by ${m.by}`,
  }));
  if (allowed.length === 0) allowed.push({ path: 'status', message: `${fee.status} is final` });
  return new AppError('conflict', `A ${fee.status} fee cannot become ${wanted}`, allowed);
}

function payeeStep(fee: FeeLine, orgId: string, from: FeeStatus, to: FeeStatus): AppError | null {
  const role = roleOf(fee, orgId);
  if (role === null) return new AppError('forbidden', 'Only the two parties act on a fee');
  if (fee.status !== from) return feeConflict(fee, to);
  if (role !== 'payee') return new AppError('forbidden', `Only the payee marks a fee ${to}`);
  return null;
}

const DAY_MS = 86_400_000;

/** The payee has sent its invoice; payment falls due `paymentDays` later. */
export function invoice(fee: FeeLine, orgId: string, now: Date): FeeResult {
  const denied = payeeStep(fee, orgId, 'due', 'invoiced');
  if (denied !== null) return { ok: false, error: denied };
  const paymentDueAt = new Date(now.getTime() + fee.paymentDays * DAY_MS).toISOString();
  return {
    ok: true,
    fee: { ...fee, status: 'invoiced', invoicedAt: now.toISOString(), paymentDueAt },
  };
}

/** The payee confirms the money arrived (the payer's word alone does not close a fee). */
export function markPaid(fee: FeeLine, orgId: string, now: Date): FeeResult {
  const denied = payeeStep(fee, orgId, 'invoiced', 'paid');
  if (denied !== null) return { ok: false, error: denied };
  return { ok: true, fee: { ...fee, status: 'paid', paidAt: now.toISOString() } };
}

export interface LedgerTotal {
  currency: string;
  status: FeeStatus;
  direction: 'receivable' | 'payable';
  amount: number;
  count: number;
}

/** One org's ledger totals, per currency, status and direction (fees are never summed across currencies). */
export function ledgerTotals(fees: readonly FeeLine[], orgId: string): LedgerTotal[] {
  const totals = new Map<string, LedgerTotal>();
  for (const fee of fees) {
    const role = roleOf(fee, orgId);
    if (role === null) continue;
    const direction = role === 'payee' ? 'receivable' : 'payable';
    const key = `${fee.amount.currency}|${fee.status}|${direction}`;
    const t = totals.get(key) ?? {
      currency: fee.amount.currency,
      status: fee.status,
      direction,
      amount: 0,
      count: 0,
    };
    totals.set(key, { ...t, amount: t.amount + fee.amount.amount, count: t.count + 1 });
  }
  return [...totals.values()].sort((a, b) =>
    `${a.currency}${a.direction}${a.status}` < `${b.currency}${b.direction}${b.status}` ? -1 : 1,
  );
}
