// The referral page offers only the moves the server allows: its table (web) must agree with the
// domain's transition table for every status and side, and with the stages a party may set.
import { describe, expect, it } from 'vitest';
import { ACTIVE_STAGES as DOMAIN_STAGES } from '../src/domain/deals/referral-rules.ts';
import { REFERRAL_STATUSES, type Side } from '../src/domain/deals/referral-state.ts';
import { TRANSITIONS, type TransitionKind } from '../src/domain/deals/referral-transitions.ts';
import {
  ACTIVE_STAGES,
  movesFor,
  type Move,
} from '../web/src/features/deals/referrals/referral-moves.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const LATER = '2026-12-12T12:00:00Z';
const EARLIER = '2026-11-27T12:00:00Z';

/** The page's name for a server move; updates of a New referral are not offered (nothing to edit). */
function pageMove(kind: TransitionKind, from: string): Move | null {
  switch (kind) {
    case 'update':
      return from === 'Active' ? 'stage' : null;
    case 'expire':
      return null; // the expiry job's, never a party's
    case 'accept':
    case 'decline':
    case 'win':
    case 'lose':
    case 'close-as-error':
      return kind;
  }
}

describe('web referral moves mirror the server table', () => {
  for (const status of REFERRAL_STATUSES) {
    for (const side of ['sender', 'receiver'] as const satisfies readonly Side[]) {
      it(`${status}, ${side}`, () => {
        const server = TRANSITIONS.filter((t) => t.from === status && t.by.includes(side))
          .map((t) => pageMove(t.kind, t.from))
          .filter((m): m is Move => m !== null);
        const page = movesFor({ status, side, expiresAt: LATER }, NOW);
        expect(new Set(page)).toEqual(new Set(server));
      });
    }
  }

  it('after expiry an unanswered referral only closes as error (until the job expires it)', () => {
    for (const side of ['sender', 'receiver'] as const) {
      expect(movesFor({ status: 'New', side, expiresAt: EARLIER }, NOW)).toEqual([
        'close-as-error',
      ]);
    }
  });

  it('offers the stages a party may set while active', () => {
    expect([...ACTIVE_STAGES]).toEqual([...DOMAIN_STAGES]);
  });
});
