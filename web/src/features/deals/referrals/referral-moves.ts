// The moves a side may make on a referral now, mirroring the server's transition table
// (src/domain/deals/referral-transitions.ts): the page offers only these; the server still decides.
import { SALES_STAGE_VALUES } from '@contract/referrals.contract.ts';
import type { Referral } from '../deals-api.ts';

export type Move = 'accept' | 'decline' | 'stage' | 'win' | 'lose' | 'close-as-error';

export type Stage = (typeof SALES_STAGE_VALUES)[number];

/** Stages a party may set while a referral is Active (Created belongs to New, Won to Closed). */
export const ACTIVE_STAGES: readonly Stage[] = SALES_STAGE_VALUES.filter(
  (s) => s !== 'Created' && s !== 'Won',
);

export function movesFor(r: Referral, now: Date): Move[] {
  if (r.status === 'Closed') return [];
  if (r.status === 'New') {
    // Unanswered past its expiry: only "close as error" is left until the expiry job closes it.
    if (now.getTime() >= Date.parse(r.expiresAt)) return ['close-as-error'];
    return r.side === 'receiver' ? ['accept', 'decline', 'close-as-error'] : ['close-as-error'];
  }
  return r.side === 'receiver'
    ? ['stage', 'win', 'lose', 'close-as-error']
    : ['stage', 'close-as-error'];
}

/** Whether this side has to act: a received referral waiting for an answer. */
export const needsAction = (r: Referral): boolean => r.status === 'New' && r.side === 'receiver';

export const STATUS_TONE = {
  Pending: 'primary',
  Received: 'warn',
  Accepted: 'primary',
  Won: 'ok',
  Lost: 'neutral',
  Declined: 'danger',
  Expired: 'neutral',
} as const;
