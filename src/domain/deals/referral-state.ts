// The Partner Center referral state machine, for one referral shared by its two parties.
// Circles keeps one record per referral (both sides must see the same state and timeline), so
// Partner Center's two "New" substatuses are the two sides' views of one state: the sender sees
// Pending, the receiver sees Received. The stored substatus of a New referral is Received.
import type { Amount } from './money.ts';
import {
  expiryFrom,
  PARTNER_CENTER_REFERRAL_RULES,
  type ReferralRules,
  type SalesStage,
} from './referral-rules.ts';

export const REFERRAL_STATUSES = ['New', 'Active', 'Closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_SUBSTATUSES = [
  'Pending',
  'Received',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
] as const;
export type ReferralSubstatus = (typeof REFERRAL_SUBSTATUSES)[number];

export const SUBSTATUSES_OF: Readonly<Record<ReferralStatus, readonly ReferralSubstatus[]>> = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
};

export type Side = 'sender' | 'receiver';
/** `system` is the expiry job; no party can expire a referral. */
export type Actor = Side | 'system';

/** Won less than 72 h after creation: shown to both sides and carried onto the fee. */
export type ReferralFlag = 'won-within-registration-window';

export interface ReferralState {
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason: string | null;
  stage: SalesStage;
  createdAt: string;
  /** When an unanswered referral expires (Partner Center's expirationDateTime). */
  expiresAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  /** The invitee's estimated value while open; the realised value once Won. */
  value: Amount | null;
  flags: readonly ReferralFlag[];
}

/** A referral as created: sent and received at once, so the expiry clock starts now. */
export function newReferralState(
  now: Date,
  value: Amount | null,
  rules: ReferralRules = PARTNER_CENTER_REFERRAL_RULES,
): ReferralState {
  return {
    status: 'New',
    substatus: 'Received',
    statusReason: null,
    stage: 'Created',
    createdAt: now.toISOString(),
    expiresAt: expiryFrom(now, rules),
    acceptedAt: null,
    closedAt: null,
    value,
    flags: [],
  };
}

/** The substatus each side sees: Partner Center shows the sender Pending and the receiver Received. */
export function substatusFor(state: ReferralState, side: Side): ReferralSubstatus {
  if (state.status === 'New') return side === 'sender' ? 'Pending' : 'Received';
  return state.substatus;
}

/** A received referral left unanswered expires at `expiresAt` exactly (14 days after creation). */
export function isExpired(state: ReferralState, now: Date): boolean {
  return state.status === 'New' && now.getTime() >= Date.parse(state.expiresAt);
}

export const isClosed = (state: ReferralState): boolean => state.status === 'Closed';

/** "Close as error" is Closed/Lost with a statusReason of `Error` or `Error: <why>`. */
export const CLOSE_AS_ERROR_REASON = 'Error';

export function isCloseAsErrorReason(reason: string | null | undefined): boolean {
  return (
    reason === CLOSE_AS_ERROR_REASON || (reason?.startsWith(`${CLOSE_AS_ERROR_REASON}:`) ?? false)
  );
}

export const isClosedAsError = (state: ReferralState): boolean =>
  state.status === 'Closed' &&
  state.substatus === 'Lost' &&
  isCloseAsErrorReason(state.statusReason);
