import { describe, expect, it } from 'vitest';
import { amount } from './money.ts';
import { newReferralState, type ReferralState, type Side } from './referral-state.ts';
import { expire, transition, type TransitionRequest } from './referral-transition.ts';

const T0 = new Date('2026-11-02T09:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const EUR = (n: number) => amount(n, 'EUR');

const fresh = (): ReferralState => newReferralState(T0, EUR(5_000_000));

function must(state: ReferralState, req: TransitionRequest, side: Side, at: Date): ReferralState {
  const r = transition(state, req, side, at);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}

const ACCEPT: TransitionRequest = { status: 'Active', substatus: 'Accepted' };
const active = () => must(fresh(), ACCEPT, 'receiver', hours(1));

const STATES: Record<string, () => ReferralState> = {
  New: fresh,
  Active: active,
  'Closed/Won': () =>
    must(active(), { status: 'Closed', substatus: 'Won', value: EUR(1) }, 'receiver', hours(100)),
  'Closed/Lost': () =>
    must(active(), { status: 'Closed', substatus: 'Lost' }, 'receiver', hours(2)),
  'Closed/Declined': () =>
    must(
      fresh(),
      { status: 'Closed', substatus: 'Declined', statusReason: 'No capacity' },
      'receiver',
      hours(2),
    ),
  'Closed/Expired': () => {
    const r = expire(fresh(), hours(14 * 24));
    if (!r.ok) throw r.error;
    return r.state;
  },
};

// Every request a party can send, with the fields each one needs to be valid.
const REQUESTS: Record<string, TransitionRequest> = {
  'New/Pending': { status: 'New', substatus: 'Pending' },
  'New/Received': { status: 'New', substatus: 'Received' },
  'Active/Accepted': ACCEPT,
  'Closed/Won': { status: 'Closed', substatus: 'Won', value: EUR(4_000_000) },
  'Closed/Lost': {
    status: 'Closed',
    substatus: 'Lost',
    statusReason: 'Customer chose a competitor',
  },
  'Closed/Lost as error': { status: 'Closed', substatus: 'Lost', statusReason: 'Error: duplicate' },
  'Closed/Declined': { status: 'Closed', substatus: 'Declined', statusReason: 'Out of our region' },
  'Closed/Expired': { status: 'Closed', substatus: 'Expired' },
};

type Outcome = 'ok' | 'conflict' | 'forbidden';
const CLOSED_ROW: [Outcome, Outcome] = ['conflict', 'conflict'];

// From shared/domain/microsoft.md: New -> New | Active | Closed; Active -> Active | Closed; Closed
// is terminal. The receiver answers (accept, decline) and reports the outcome (won, lost); either
// side closes as error; only the expiry job expires.
//                                    sender       receiver
const SPEC: Record<string, Record<string, [Outcome, Outcome]>> = {
  New: {
    'New/Pending': ['ok', 'ok'],
    'New/Received': ['ok', 'ok'],
    'Active/Accepted': ['forbidden', 'ok'],
    'Closed/Won': ['conflict', 'conflict'],
    'Closed/Lost': ['conflict', 'conflict'],
    'Closed/Lost as error': ['ok', 'ok'],
    'Closed/Declined': ['forbidden', 'ok'],
    'Closed/Expired': ['forbidden', 'forbidden'],
  },
  Active: {
    'New/Pending': ['conflict', 'conflict'],
    'New/Received': ['conflict', 'conflict'],
    'Active/Accepted': ['ok', 'ok'],
    'Closed/Won': ['forbidden', 'ok'],
    'Closed/Lost': ['forbidden', 'ok'],
    'Closed/Lost as error': ['ok', 'ok'],
    'Closed/Declined': ['conflict', 'conflict'],
    'Closed/Expired': ['conflict', 'conflict'],
  },
};
for (const closed of ['Closed/Won', 'Closed/Lost', 'Closed/Declined', 'Closed/Expired']) {
  SPEC[closed] = Object.fromEntries(Object.keys(REQUESTS).map((k) => [k, CLOSED_ROW]));
}

const cases = Object.entries(SPEC).flatMap(([from, row]) =>
  Object.entries(row).flatMap(([to, [bySender, byReceiver]]) => [
    { from, to, side: 'sender' as const, expected: bySender },
    { from, to, side: 'receiver' as const, expected: byReceiver },
  ]),
);

describe('transition: every request from every state by each side', () => {
  it.each(cases)('$from -> $to by $side: $expected', ({ from, to, side, expected }) => {
    const state = STATES[from]?.();
    const req = REQUESTS[to];
    if (state === undefined || req === undefined) throw new Error('bad case');
    const r = transition(state, req, side, hours(120));
    expect(r.ok ? 'ok' : r.error.code).toBe(expected);
  });

  it('covers all 6 states x 8 requests x 2 sides', () => {
    expect(cases).toHaveLength(96);
  });
});

describe('transition: errors name what is allowed', () => {
  it('an illegal move is a conflict listing the legal moves from the current status', () => {
    const r = transition(active(), { status: 'New', substatus: 'Received' }, 'receiver', hours(2));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    const messages = r.error.issues.map((i) => i.message);
    expect(messages).toContain('Active -> Closed/Won by receiver: won; realised value required');
    expect(messages.every((m) => m.startsWith('Active -> '))).toBe(true);
  });

  it('a move by the wrong side is forbidden and lists what that side may do', () => {
    const r = transition(fresh(), ACCEPT, 'sender', hours(1));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe('forbidden');
    expect(r.error.issues.map((i) => i.message).join('\n')).toMatch(/close as error/);
    expect(r.error.issues.map((i) => i.message).join('\n')).not.toMatch(/accept/);
  });

  it('closed referrals are read-only, even for close as error', () => {
    const r = transition(
      STATES['Closed/Won']!(),
      REQUESTS['Closed/Lost as error']!,
      'sender',
      hours(200),
    );
    if (r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toMatch(/read-only/);
    expect(r.error.issues).toEqual([
      { path: 'status', message: 'Closed referrals are read-only: no transition is allowed' },
    ]);
  });

  it('a substatus of another status is a validation error', () => {
    const r = transition(fresh(), { status: 'New', substatus: 'Won' }, 'receiver', hours(1));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe('validation');
    expect(r.error.issues[0]?.path).toBe('substatus');
  });
});

describe('transition: required fields', () => {
  it.each(['', '   ', undefined])('declining without a reason (%j) is rejected', (statusReason) => {
    const req: TransitionRequest = { status: 'Closed', substatus: 'Declined' };
    if (statusReason !== undefined) req.statusReason = statusReason;
    const r = transition(fresh(), req, 'receiver', hours(1));
    if (r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe('validation');
    expect(r.error.issues).toEqual([
      { path: 'statusReason', message: 'A reason is required to decline a referral' },
    ]);
  });

  it('declining with a reason closes the referral and keeps the reason', () => {
    const s = must(fresh(), REQUESTS['Closed/Declined']!, 'receiver', hours(3));
    expect(s).toMatchObject({
      status: 'Closed',
      substatus: 'Declined',
      statusReason: 'Out of our region',
    });
    expect(s.closedAt).toBe(hours(3).toISOString());
  });

  it('winning needs the realised value, as valid money', () => {
    const noValue = transition(
      active(),
      { status: 'Closed', substatus: 'Won' },
      'receiver',
      hours(100),
    );
    expect(noValue.ok ? [] : noValue.error.issues.map((i) => i.path)).toEqual(['value']);
    const badValue = transition(
      active(),
      { status: 'Closed', substatus: 'Won', value: { amount: 10.5, currency: 'EUX' } },
      'receiver',
      hours(100),
    );
    expect(badValue.ok ? [] : badValue.error.issues.map((i) => i.path)).toEqual([
      'value.amount',
      'value.currency',
    ]);
  });

  it('close as error works from New for either side and records why', () => {
    const s = must(
      fresh(),
      { status: 'Closed', substatus: 'Lost', statusReason: 'Error: sent to the wrong partner' },
      'sender',
      hours(1),
    );
    expect(s).toMatchObject({
      status: 'Closed',
      substatus: 'Lost',
      statusReason: 'Error: sent to the wrong partner',
    });
  });
});

describe('transition: stages and values', () => {
  it('accepting moves the stage to Accepted and stamps acceptedAt', () => {
    const s = active();
    expect(s).toMatchObject({ status: 'Active', substatus: 'Accepted', stage: 'Accepted' });
    expect(s.acceptedAt).toBe(hours(1).toISOString());
  });

  it('either side moves the stage while Active; Won is reached only by winning', () => {
    const s = must(
      active(),
      { status: 'Active', substatus: 'Accepted', stage: 'Proposed' },
      'sender',
      hours(5),
    );
    expect(s.stage).toBe('Proposed');
    const r = transition(
      s,
      { status: 'Active', substatus: 'Accepted', stage: 'Won' },
      'receiver',
      hours(6),
    );
    expect(r.ok ? null : r.error.issues[0]?.path).toBe('stage');
    const won = must(s, REQUESTS['Closed/Won']!, 'receiver', hours(100));
    expect(won).toMatchObject({ stage: 'Won', value: EUR(4_000_000) });
  });

  it('a New referral stays at Created', () => {
    const r = transition(
      fresh(),
      { status: 'New', substatus: 'Received', stage: 'Qualified' },
      'receiver',
      hours(1),
    );
    expect(r.ok ? null : r.error.code).toBe('validation');
    const s = must(
      fresh(),
      { status: 'New', substatus: 'Pending', value: EUR(7_000_000) },
      'sender',
      hours(1),
    );
    expect(s).toMatchObject({ status: 'New', stage: 'Created', value: EUR(7_000_000) });
  });

  it('a value cannot ride along on a decline', () => {
    const r = transition(
      fresh(),
      { ...REQUESTS['Closed/Declined']!, value: EUR(1) },
      'receiver',
      hours(1),
    );
    expect(r.ok ? null : r.error.issues.map((i) => i.path)).toEqual(['value']);
  });
});

describe('deal registration window (72 h between creation and Won)', () => {
  const winAt = (h: number) => must(active(), REQUESTS['Closed/Won']!, 'receiver', hours(h));

  it('a win before 72 h is accepted but flagged', () => {
    expect(winAt(71.99).flags).toEqual(['won-within-registration-window']);
  });

  it('a win at exactly 72 h or later is not flagged', () => {
    expect(winAt(72).flags).toEqual([]);
    expect(winAt(500).flags).toEqual([]);
  });
});
