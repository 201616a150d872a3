// The moves a side may make on a referral now, mirroring the server's transition table
// (src/domain/deals/referral-transitions.ts; test/web-referral-moves.test.ts keeps the two equal):
// the page offers only these moves, and the server still decides.

export type Move = 'accept' | 'decline' | 'stage' | 'win' | 'lose' | 'close-as-error';

export type Stage =
  'Created' | 'Accepted' | 'Qualified' | 'Developed' | 'Proposed' | 'Negotiated' | 'Won';

/** Stages a party may set while a referral is Active (Created belongs to New, Won to Closed). */
export const ACTIVE_STAGES: readonly Stage[] = [
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
];

/** The fields of a referral (as one side sees it) that decide its moves. */
export interface MoveState {
  status: 'New' | 'Active' | 'Closed';
  side: 'sender' | 'receiver';
  expiresAt: string;
}

export function movesFor(r: MoveState, now: Date): Move[] {
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
export const needsAction = (r: Omit<MoveState, 'expiresAt'>): boolean =>
  r.status === 'New' && r.side === 'receiver';

export const STATUS_TONE = {
  Pending: 'primary',
  Received: 'warn',
  Accepted: 'primary',
  Won: 'ok',
  Lost: 'neutral',
  Declined: 'danger',
  Expired: 'neutral',
} as const;
