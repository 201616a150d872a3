import { describe, expect, it } from 'vitest';
import { amount } from './money.ts';
import { PARTNER_CENTER_REFERRAL_RULES, SALES_STAGES, stagePercent } from './referral-rules.ts';
import { isClosedAsError, isExpired, newReferralState, substatusFor } from './referral-state.ts';
import { expire, transition } from './referral-transition.ts';

const T0 = new Date('2026-11-02T09:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('expiry of unanswered referrals', () => {
  const s = newReferralState(T0, null);

  it('expires at exactly 14 days, not a millisecond before', () => {
    expect(s.expiresAt).toBe('2026-11-16T09:00:00.000Z');
    expect(isExpired(s, at(14 * DAY - 1))).toBe(false);
    expect(isExpired(s, at(14 * DAY))).toBe(true);
  });

  it('the expiry job closes it as Expired, and a second run is a conflict (safe to repeat)', () => {
    const early = expire(s, at(14 * DAY - 1));
    expect(early.ok ? null : early.error.code).toBe('conflict');
    const first = expire(s, at(14 * DAY));
    if (!first.ok) throw first.error;
    expect(first.state).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    expect(first.state.closedAt).toBe(at(14 * DAY).toISOString());
    const second = expire(first.state, at(15 * DAY));
    expect(second.ok ? null : second.error.code).toBe('conflict');
  });

  it('an answered referral never expires', () => {
    const r = transition(s, { status: 'Active', substatus: 'Accepted' }, 'receiver', at(DAY));
    if (!r.ok) throw r.error;
    expect(isExpired(r.state, at(100 * DAY))).toBe(false);
    const job = expire(r.state, at(100 * DAY));
    expect(job.ok ? null : job.error.code).toBe('conflict');
  });

  it('once lapsed it can no longer be accepted, even before the job runs, but may be closed as error', () => {
    const late = transition(
      s,
      { status: 'Active', substatus: 'Accepted' },
      'receiver',
      at(14 * DAY),
    );
    expect(late.ok ? null : late.error.code).toBe('conflict');
    const err = transition(
      s,
      { status: 'Closed', substatus: 'Lost', statusReason: 'Error' },
      'sender',
      at(14 * DAY),
    );
    expect(err.ok && isClosedAsError(err.state)).toBe(true);
  });
});

describe('views and stages', () => {
  it('a new referral reads Pending to the sender and Received to the receiver', () => {
    const s = newReferralState(T0, amount(100, 'EUR'));
    expect(substatusFor(s, 'sender')).toBe('Pending');
    expect(substatusFor(s, 'receiver')).toBe('Received');
  });

  it('sales stages carry the Partner Center percentages', () => {
    expect(SALES_STAGES.map((st) => [st, stagePercent(st)])).toEqual([
      ['Created', 10],
      ['Accepted', 10],
      ['Qualified', 20],
      ['Developed', 40],
      ['Proposed', 60],
      ['Negotiated', 80],
      ['Won', 100],
    ]);
  });

  it('the rules are versioned data', () => {
    expect(PARTNER_CENTER_REFERRAL_RULES).toMatchObject({
      expiryDays: 14,
      registrationMinHours: 72,
    });
    expect(PARTNER_CENTER_REFERRAL_RULES.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
