// A circle's shared pipeline, summed up: referral outcomes per opportunity (counts only; which
// partner got a referral stays between the two parties) and opportunity value per currency.
import type { Amount } from './money.ts';

export const REFERRAL_OUTCOMES = ['New', 'Active', 'Won', 'Lost', 'Declined', 'Expired'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export type OutcomeCounts = Record<ReferralOutcome, number> & { total: number };

const emptyCounts = (): OutcomeCounts => ({
  total: 0,
  New: 0,
  Active: 0,
  Won: 0,
  Lost: 0,
  Declined: 0,
  Expired: 0,
});

/** Open referrals count by status, closed ones by how they closed. */
function outcomeOf(status: string, substatus: string): ReferralOutcome | null {
  if (status === 'New' || status === 'Active') return status;
  return (REFERRAL_OUTCOMES as readonly string[]).includes(substatus)
    ? (substatus as ReferralOutcome)
    : null;
}

export function outcomeCounts(
  rows: readonly { key: string; status: string; substatus: string; n: number }[],
): Map<string, OutcomeCounts> {
  const byKey = new Map<string, OutcomeCounts>();
  for (const r of rows) {
    const outcome = outcomeOf(r.status, r.substatus);
    if (outcome === null) continue;
    const c = byKey.get(r.key) ?? emptyCounts();
    c[outcome] += r.n;
    c.total += r.n;
    byKey.set(r.key, c);
  }
  return byKey;
}

export const noReferrals = emptyCounts;

/** Sum and count per currency, currencies in alphabetical order (no conversion). */
export function totalsByCurrency(
  values: readonly Amount[],
): { currency: string; amount: number; count: number }[] {
  const sums = new Map<string, { amount: number; count: number }>();
  for (const v of values) {
    const s = sums.get(v.currency) ?? { amount: 0, count: 0 };
    sums.set(v.currency, { amount: s.amount + v.amount, count: s.count + 1 });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({ currency, ...s }));
}
